#include "match_test_util.h"

#include <gtest/gtest.h>

#include <random>

namespace hashi::testing {
namespace {

struct Template {
  const char* en;
  const char* vi;
  const char* ja;
};

// {0} a country, {1} a number, {2} an organisation, {3} a month.
const Template kTemplates[] = {
    {"{2} announced on {3} {1} that it would invest in {0}.",
     "Ngày {1} tháng {3}, {2} thông báo sẽ đầu tư vào {0}.",
     "{2}は{3}月{1}日、{0}に投資すると発表した。"},
    {"Exports from {0} to Japan rose {1}% in {3}.",
     "Xuất khẩu từ {0} sang Nhật Bản tăng {1}% trong tháng {3}.",
     "{0}から日本への輸出は{3}月に{1}％増加した。"},
    {"The two sides agreed to strengthen cooperation in {2} and trade with {0}.",
     "Hai bên nhất trí tăng cường hợp tác về {2} và thương mại với {0}.",
     "双方は{2}と{0}との貿易での協力を強化することで合意した。"},
    {"The Embassy of {0} held a reception for {1} guests in {3}.",
     "Đại sứ quán {0} đã tổ chức tiệc chiêu đãi {1} khách vào tháng {3}.",
     "{0}大使館は{3}月に{1}人の来賓を招いてレセプションを開いた。"},
    {"Prime Minister of {0} met the President of {2} on {3} {1}.",
     "Thủ tướng {0} đã hội kiến Chủ tịch {2} ngày {1} tháng {3}.",
     "{0}の首相は{3}月{1}日、{2}の会長と会談した。"},
    {"Inflation in {0} was {1}% year-on-year in {3}, according to {2}.",
     "Theo {2}, lạm phát tại {0} trong tháng {3} là {1}% so với cùng kỳ.",
     "{2}によると、{0}の{3}月のインフレ率は前年比{1}％だった。"},
    {"{2} opened a new office in {0} with {1} staff.",
     "{2} đã khai trương văn phòng mới tại {0} với {1} nhân viên.",
     "{2}は{0}に従業員{1}人の新事務所を開設した。"},
    {"Visa applications at the Consulate in {0} take {1} working days.",
     "Hồ sơ xin thị thực tại Lãnh sự quán ở {0} được xử lý trong {1} ngày làm việc.",
     "{0}の領事館でのビザ申請には{1}営業日かかります。"},
};
const char* kCountries[][3] = {
    {"Vietnam", "Việt Nam", "ベトナム"}, {"Japan", "Nhật Bản", "日本"},
    {"Thailand", "Thái Lan", "タイ"},    {"Korea", "Hàn Quốc", "韓国"},
    {"India", "Ấn Độ", "インド"},        {"Hòa Bình", "Hòa Bình", "ホアビン"}};
const char* kOrgs[][3] = {{"FPT Corporation", "Tập đoàn FPT", "FPTコーポレーション"},
                          {"Mizuho Bank", "Ngân hàng Mizuho", "みずほ銀行"},
                          {"JICA", "JICA", "国際協力機構"},
                          {"the Ministry of Finance", "Bộ Tài chính", "財務省"},
                          {"Toyota", "Toyota", "トヨタ"}};
// Short units: headings, names with titles, captions.
const char* kShort[][3] = {
    {"Press release", "Thông cáo báo chí", "プレスリリース"},
    {"Ambassador Yamada", "Đại sứ Yamada", "山田大使"},
    {"Photo: Embassy of Japan", "Ảnh: Đại sứ quán Nhật Bản", "写真：在日本大使館"},
    {"Contact", "Liên hệ", "お問い合わせ"},
    {"Hợp tác", "Hợp tác", "協力"},
    {"Gas", "Khí ga", "ガス"},
    {"Cooperation", "Hợp tác", "協力"},
};

Unit TemplateUnit(std::mt19937& rng, int index) {
  const Template& t = kTemplates[rng() % std::size(kTemplates)];
  const auto* country = kCountries[rng() % std::size(kCountries)];
  const auto* org = kOrgs[rng() % std::size(kOrgs)];
  const std::string number = std::to_string(rng() % 200);
  const std::string month = std::to_string(1 + rng() % 12);
  const std::string en_slots[4] = {country[0], number, org[0], month};
  const std::string vi_slots[4] = {country[1], number, org[1], month};
  const std::string ja_slots[4] = {country[2], number, org[2], month};
  Unit unit;
  unit.variants.push_back(MakeVariant("en", FillSlots(t.en, en_slots)));
  unit.variants.push_back(MakeVariant("vi", FillSlots(t.vi, vi_slots)));
  unit.variants.push_back(MakeVariant("ja", FillSlots(t.ja, ja_slots)));
  if (index % 3 == 0) unit.variants[0].segment.text += " (" + std::to_string(index) + ")";
  return unit;
}

Unit ShortUnit(std::mt19937& rng) {
  const auto* s = kShort[rng() % std::size(kShort)];
  Unit unit;
  unit.variants = {MakeVariant("en", s[0]), MakeVariant("vi", s[1]), MakeVariant("ja", s[2])};
  return unit;
}

// Odd shapes: two English variants, a missing language, an inline code, upper case.
void Vary(std::mt19937& rng, Unit& unit, int index) {
  switch (index % 23) {
    case 1:
      unit.variants[0].lang = "en-US";
      unit.variants.push_back(MakeVariant("en-GB", unit.variants[0].segment.text + " Ltd"));
      break;
    case 2:
      unit.variants.erase(unit.variants.begin() + 1);  // no Vietnamese
      break;
    case 3: {
      Segment& seg = unit.variants[0].segment;
      const std::string text = seg.text;
      seg = Segment{};
      seg.AppendText(text.substr(0, text.size() / 2));
      EXPECT_TRUE(seg.AppendCode({CodeKind::kPh, "<ph x=\"1\"/>"}).ok());
      seg.AppendText(text.substr(text.size() / 2));
      break;
    }
    case 4:
      for (char& c : unit.variants[0].segment.text) c = static_cast<char>(std::toupper(c));
      break;
    default:
      break;
  }
  // Few distinct dates, so that equal scores often meet equal dates too.
  SetAttribute(unit.attrs, "changedate", "2024010" + std::to_string(rng() % 4) + "T000000Z");
}

std::string Edit(std::mt19937& rng, std::string text, int edits) {
  const std::string letters = "abcdefghijklmnopqrstuvwxyz ";
  for (int e = 0; e < edits && !text.empty(); ++e) {
    const size_t at = rng() % text.size();
    if (static_cast<unsigned char>(text[at]) >= 0x80) continue;  // keep UTF-8 whole
    const char c = letters[rng() % letters.size()];
    switch (rng() % 3) {
      case 0:
        text[at] = c;
        break;
      case 1:
        text.insert(text.begin() + at, c);
        break;
      default:
        text.erase(at, 1);
        break;
    }
  }
  return text;
}

// A piece of `text` starting and ending on code point boundaries, about `size` bytes.
std::string Piece(std::mt19937& rng, const std::string& text, size_t size) {
  if (text.size() <= size) return text;
  size_t begin = rng() % (text.size() - size);
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  size_t end = std::min(text.size(), begin + size);
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return text.substr(begin, end - begin);
}

std::string QueryFor(std::mt19937& rng, const std::string& text) {
  switch (rng() % 9) {
    case 0:
      return text;
    case 1:
      return "  " + text + " ";
    case 2:
      return Edit(rng, text, 1 + static_cast<int>(rng() % 3));
    case 3:
      return Edit(rng, text, 4 + static_cast<int>(rng() % 12));
    case 4:
      return Edit(rng, text, 15 + static_cast<int>(rng() % 30));
    case 5:
      return Piece(rng, text, 3 + rng() % 28);  // short: a heading-sized piece
    case 6:
      return text + " and " + Piece(rng, text, 20);  // longer than any unit
    case 7:
      return Piece(rng, text, text.size() * 3 / 4);
    default:
      return "Unrelated words " + std::to_string(rng() % 1000) + " about the weather";
  }
}

}  // namespace

std::string FillSlots(const std::string& pattern, const std::string slots[4]) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
      out += slots[pattern[i + 1] - '0'];
      i += 2;
    } else {
      out.push_back(pattern[i]);
    }
  }
  return out;
}

int BandFloorOf(int score, const std::vector<int>& floors) {
  int floor = -1;
  for (int f : floors) floor = score >= f ? f : floor;
  return floor;
}

Variant MakeVariant(const std::string& lang, const std::string& text) {
  Variant v;
  v.lang = lang;
  v.segment.text = text;
  return v;
}

std::vector<Unit> GenerateUnits(int count, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<Unit> units;
  for (int i = 0; i < count; ++i) {
    Unit unit = i % 11 == 0 ? ShortUnit(rng) : TemplateUnit(rng, i);
    Vary(rng, unit, i);
    SetAttribute(unit.attrs, "tuid", std::to_string(seed) + "-" + std::to_string(i));
    units.push_back(std::move(unit));
  }
  return units;
}

std::vector<GeneratedQuery> GenerateQueries(const std::vector<Unit>& units, int count,
                                            uint32_t seed) {
  std::mt19937 rng(seed);
  const char* langs[] = {"en", "vi", "ja"};
  std::vector<GeneratedQuery> queries;
  for (int i = 0; i < count; ++i) {
    const std::string lang = langs[i % 3];
    const Unit& unit = units[rng() % units.size()];
    std::string source = unit.variants.front().segment.PlainText();
    for (const Variant& v : unit.variants) {
      if (v.lang.rfind(lang, 0) == 0) source = v.segment.PlainText();
    }
    queries.push_back({lang, QueryFor(rng, source)});
  }
  return queries;
}

std::optional<Unit> VectorUnitStream::Next() {
  if (next_ >= units_.size()) return std::nullopt;
  return units_[next_++];
}

ImportStats ImportUnits(TmStore& store, std::vector<Unit> units, const std::string& origin,
                        DuplicatePolicy policy) {
  VectorUnitStream stream(std::move(units));
  ImportOptions options;
  options.origin = origin;
  options.on_duplicate = policy;
  Result<ImportStats> stats = store.Import(stream, DocumentInfo{}, options);
  EXPECT_TRUE(stats.ok()) << stats.status().ToString();
  return stats.ok() ? *stats : ImportStats{};
}

std::unique_ptr<TmStore> OpenTm(const std::filesystem::path& path, OpenMode mode,
                                StoreOptions options) {
  Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(path, mode, std::move(options));
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(*store) : nullptr;
}

std::filesystem::path GeneratedTmAt(const std::filesystem::path& path, int count, uint32_t seed) {
  std::unique_ptr<TmStore> store = OpenTm(path, OpenMode::kReadWrite);
  if (store) ImportUnits(*store, GenerateUnits(count, seed), "tm.tmx");
  return path;
}

LookupRequest TrilingualRequest(const std::string& from, const std::string& text) {
  LookupRequest r;
  r.from = from;
  r.to = {"en", "vi", "ja"};
  r.query = Segment{text, {}};
  return r;
}

}  // namespace hashi::testing
