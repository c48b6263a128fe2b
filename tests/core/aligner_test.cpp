// hashi::Align on the phenomena of press releases: captions missing in one language, sentences
// split or merged by a translator, a sentence only two versions have, NFD and old-style tones,
// full-width digits, paragraphs; and the bad inputs (empty, unequal, same language, huge).
#include "hashi/aligner.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "hashi/normalizer.h"

namespace hashi {
namespace {

AlignerInput Version(const std::string& lang, std::vector<std::string> sentences,
                     std::vector<int> paragraphs = {}) {
  AlignerInput input;
  input.lang = *LanguageTag::Parse(lang);
  for (std::string& s : sentences) s = ToNfc(s);
  input.sentences = std::move(sentences);
  input.paragraphs = std::move(paragraphs);
  return input;
}

// The units as rows of texts, one cell per version ("" where the unit has none). Also checks
// the invariant every alignment keeps: the units cover each version's sentences once, in order.
std::vector<std::vector<std::string>> Rows(const std::vector<AlignerInput>& inputs,
                                           const Alignment& alignment) {
  std::vector<size_t> next(inputs.size(), 0);
  std::vector<std::vector<std::string>> rows;
  for (const AlignedUnit& unit : alignment.units) {
    EXPECT_EQ(unit.ranges.size(), inputs.size());
    EXPECT_GE(unit.confidence, 0.0);
    EXPECT_LE(unit.confidence, 1.0);
    std::vector<std::string> row;
    bool any = false;
    for (size_t v = 0; v < inputs.size(); ++v) {
      const SentenceRange& r = unit.ranges[v];
      if (!r.empty()) {
        EXPECT_EQ(r.begin, next[v]) << "version " << v << " skips or repeats a sentence";
        next[v] = r.end;
        any = true;
      }
      row.push_back(JoinSentences(inputs[v].sentences, r));
    }
    EXPECT_TRUE(any) << "a unit without any sentence";
    rows.push_back(row);
  }
  for (size_t v = 0; v < inputs.size(); ++v) EXPECT_EQ(next[v], inputs[v].sentences.size());
  return rows;
}

std::vector<std::vector<std::string>> AlignRows(const std::vector<AlignerInput>& inputs,
                                                const AlignerOptions& options = {}) {
  Result<Alignment> alignment = Align(inputs, options);
  EXPECT_TRUE(alignment.ok()) << alignment.status().ToString();
  if (!alignment.ok()) return {};
  return Rows(inputs, *alignment);
}

using RowList = std::vector<std::vector<std::string>>;

const std::vector<std::string> kEn = {
    "Japan provides 45 billion yen ODA loan for irrigation in central Vietnam",
    "Ambassador Nguyen Duc Minh and Mr. Yamada Takashi exchange notes in Tokyo on Jan. 16. "
    "(Photo: Embassy of Vietnam in Japan)",
    "On Jan. 16, 2025, the two Governments exchanged notes on a loan of 45 billion yen.",
    "The project will upgrade 14 reservoirs and build approx. 120 km of dykes in Thanh Hoa.",
    "It is expected to protect more than 1.2 million residents from floods.",
    "Japan has been Vietnam's largest bilateral ODA donor since 1992."};
const std::vector<std::string> kVi = {
    "Nhật Bản cung cấp khoản vay ODA 45 tỷ yên cho thủy lợi ở miền Trung",
    "Đại sứ Nguyễn Đức Minh và ông Yamada Takashi trao đổi công hàm tại Tokyo ngày 16/1. "
    "(Ảnh: Đại sứ quán Việt Nam tại Nhật Bản)",
    "Ngày 16/1/2025, hai Chính phủ đã trao đổi công hàm về khoản vay trị giá 45 tỷ yên.",
    "Dự án sẽ nâng cấp 14 hồ chứa và xây dựng khoảng 120 km đê tại Thanh Hóa.",
    "Dự án dự kiến sẽ bảo vệ hơn 1,2 triệu người dân khỏi lũ lụt.",
    "Nhật Bản là nhà tài trợ ODA song phương lớn nhất của Việt Nam kể từ năm 1992."};
const std::vector<std::string> kJa = {
    "日本、ベトナム中部の灌漑に450億円の円借款",
    "両政府は2025年1月16日、450億円の円借款に関する交換公文に署名した。",
    "同事業では、タインホアで貯水池14カ所を改修し、約120キロの堤防を建設する。",
    "120万人以上の住民を洪水から守ることが期待されている。",
    "日本は1992年以来、ベトナムにとって最大の二国間ODA供与国である。"};

TEST(Aligner, CaptionMissingInJapaneseIsAUnitWithoutJapanese) {
  const std::vector<AlignerInput> inputs = {Version("en", kEn), Version("vi", kVi),
                                            Version("ja", kJa)};
  const RowList rows = AlignRows(inputs);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{ToNfc(kEn[1]), ToNfc(kVi[1]), ""}));
  for (size_t k : {0, 2, 3, 4, 5}) EXPECT_FALSE(rows[k][2].empty()) << k;
}

TEST(Aligner, JapaneseSplitIsOneToTwo) {
  std::vector<std::string> ja = kJa;
  ja.erase(ja.begin() + 2);
  ja.insert(ja.begin() + 2, {"同事業では、タインホアで貯水池14カ所を改修する。",
                             "また、約120キロの堤防を建設する。"});
  const std::vector<AlignerInput> inputs = {Version("en", kEn), Version("ja", ja)};
  const RowList rows = AlignRows(inputs);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[3][1], ja[2] + " " + ja[3]);
}

TEST(Aligner, VietnameseMergeIsTwoToOne) {
  std::vector<std::string> vi = kVi;
  vi[3] = vi[3] + " " + vi[4];
  vi.erase(vi.begin() + 4);
  vi[3].replace(vi[3].find(". Dự án dự kiến"), 15, ", dự kiến");
  const std::vector<AlignerInput> inputs = {Version("en", kEn), Version("vi", vi),
                                            Version("ja", kJa)};
  const RowList rows = AlignRows(inputs);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[3][0], kEn[3] + " " + kEn[4]);
  EXPECT_EQ(rows[3][2], kJa[2] + " " + kJa[3]);  // the unit holds what all three share
}

TEST(Aligner, SentenceOnlyInVietnameseAndJapaneseHasAnEmptyEnglishSide) {
  std::vector<std::string> vi = kVi;
  std::vector<std::string> ja = kJa;
  vi.insert(vi.begin() + 4, "Các tỉnh Quảng Bình, Quảng Trị bị ngập sâu trong 5 ngày.");
  ja.insert(ja.begin() + 3, "クアンビン、クアンチの各省では、5日間にわたって浸水が続いた。");
  const std::vector<AlignerInput> inputs = {Version("en", kEn), Version("vi", vi),
                                            Version("ja", ja)};
  const RowList rows = AlignRows(inputs);
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[4], (std::vector<std::string>{"", ToNfc(vi[4]), ja[3]}));
}

TEST(Aligner, NfdInputWithOldStyleTonesAlignsAsNfc) {
  // The caller normalises; NFD text and old-style tones then match their English spelling.
  std::vector<std::string> vi = kVi;
  vi[3] = "D\xE1\xBB\xB1 a\xCC\x81n se\xCC\x83 na\xCC\x82ng ca\xCC\x82\xCC\x81p 14 ho\xCC\x82\xCC\x80 "
          "ch\xE1\xBB\xA9" "a ta\xCC\xA3i Thanh Ho\xCC\x81" "a.";
  const std::vector<AlignerInput> inputs = {Version("en", kEn), Version("vi", vi)};
  const RowList rows = AlignRows(inputs);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[3][1], ToNfc(vi[3]));
}

TEST(Aligner, FullWidthDigitsAnchorLikeHalfWidthOnes) {
  const std::vector<std::string> en = {
      "The conference took place in Osaka on Feb. 20, 2025.",
      "Two-way trade reached US$46.2 billion in 2024, up 4.5%.",
      "Japan had 5,600 projects worth US$78.1 billion.",
      "The next conference will be held in Fukuoka."};
  const std::vector<std::string> ja = {
      "会議は２０２５年２月２０日に大阪で開催されました。",
      "２０２４年の二国間貿易額は前年比４．５％増の４６２億ドルに達しました。",
      "日本の案件は５，６００件、総額７８１億ドルでした。",
      "次回の会議は福岡で開催されます。"};
  const std::vector<AlignerInput> inputs = {Version("en", en), Version("ja", ja)};
  const RowList rows = AlignRows(inputs);
  ASSERT_EQ(rows.size(), 4u);
  for (size_t k = 0; k < 4; ++k) EXPECT_EQ(rows[k][1], ja[k]);
}

// A year in every sentence and a bare "1" off the diagonal must not pull the links off it
// (hunalign's known failure): frequent anchors weigh nothing, and a lone small number little.
TEST(Aligner, FrequentAndSmallNumbersDoNotPullLinksOffTheDiagonal) {
  std::vector<std::string> en;
  std::vector<std::string> vi;
  const char* topics_en[] = {"trade", "investment", "education", "culture", "tourism", "health",
                             "energy", "farming", "transport", "science"};
  const char* topics_vi[] = {"thương mại", "đầu tư", "giáo dục", "văn hoá", "du lịch", "y tế",
                             "năng lượng", "nông nghiệp", "giao thông", "khoa học"};
  for (int k = 0; k < 10; ++k) {
    en.push_back(std::string("In 2019 the two sides also worked together on ") + topics_en[k] +
                 (k == 2 ? " in zone 1." : "."));
    vi.push_back(std::string("Năm 2019 hai bên cũng đã hợp tác trong lĩnh vực ") + topics_vi[k] +
                 (k == 6 ? " ở khu 1." : "."));
  }
  const std::vector<AlignerInput> inputs = {Version("en", en), Version("vi", vi)};
  const RowList rows = AlignRows(inputs);
  ASSERT_EQ(rows.size(), 10u);
  for (size_t k = 0; k < 10; ++k) EXPECT_EQ(rows[k][0], en[k]);
}

TEST(Aligner, ParagraphsAreAlignedFirst) {
  // The English has a paragraph the Vietnamese lacks; the paragraph level sees it whole.
  std::vector<std::string> en = kEn;
  en.insert(en.begin() + 3, {"The ceremony was attended by 30 guests.",
                             "A reception followed at the Embassy."});
  const std::vector<AlignerInput> inputs = {Version("en", en, {0, 1, 2, 3, 3, 4, 4, 5}),
                                            Version("vi", kVi, {0, 1, 2, 3, 3, 4})};
  const RowList rows = AlignRows(inputs);
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_EQ(rows[3], (std::vector<std::string>{en[3], ""}));
  EXPECT_EQ(rows[4], (std::vector<std::string>{en[4], ""}));
  EXPECT_EQ(rows[5][1], ToNfc(kVi[3]));
}

TEST(Aligner, ConfidenceIsHighForClearLinksAndLowerForGuesses) {
  const std::vector<AlignerInput> clear = {Version("en", kEn), Version("vi", kVi)};
  Result<Alignment> a = Align(clear);
  ASSERT_TRUE(a.ok());
  for (const AlignedUnit& unit : a->units) EXPECT_GT(unit.confidence, 0.9);
  // Two sentences of equal length and no anchors against one: which one is the translation
  // is a guess, and the confidence says so.
  const std::vector<AlignerInput> guess = {
      Version("en", {"The weather was pleasant.", "The mood was cheerful."}),
      Version("vi", {"Không khí rất vui vẻ."})};
  Result<Alignment> b = Align(guess);
  ASSERT_TRUE(b.ok());
  double lowest = 1;
  for (const AlignedUnit& unit : b->units) lowest = std::min(lowest, unit.confidence);
  EXPECT_LT(lowest, 0.9);
}

TEST(Aligner, VeryUnequalVersionsAreAlignedWithTheRestLeftOver) {
  std::vector<std::string> vi = kVi;
  for (int k = 0; k < 12; ++k) {
    vi.push_back("Bản tin bổ sung số " + std::to_string(k + 100) + " chỉ có bằng tiếng Việt.");
  }
  const std::vector<AlignerInput> inputs = {Version("en", kEn), Version("vi", vi)};
  const RowList rows = AlignRows(inputs);
  size_t complete = 0;
  for (const auto& row : rows) complete += !row[0].empty() && !row[1].empty() ? 1 : 0;
  EXPECT_EQ(complete, kEn.size());
  EXPECT_EQ(rows.size(), vi.size());
}

TEST(Aligner, BadInputsAreErrors) {
  EXPECT_FALSE(Align({Version("en", kEn)}).ok());
  EXPECT_FALSE(Align({Version("en", kEn), Version("vi", {})}).ok());
  EXPECT_FALSE(Align({Version("en", kEn), Version("en-GB", kEn)}).ok());
  EXPECT_FALSE(Align({Version("en", kEn, {0, 1}), Version("vi", kVi)}).ok());
  EXPECT_FALSE(Align({Version("en", kEn, {0, 1, 2, 1, 2, 3}), Version("vi", kVi)}).ok());
  const Result<Alignment> empty = Align({Version("en", kEn), Version("ja", {})});
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("ja"), std::string::npos);
}

// Memory grows with the band, not with n*m: 50,000 sentences a side finish in bounded time.
TEST(Aligner, FiftyThousandSentencesFinish) {
  std::vector<std::string> en;
  std::vector<std::string> vi;
  for (int k = 0; k < 50000; ++k) {
    en.push_back("Item " + std::to_string(k) + " covers the plan for district " +
                 std::to_string(k * 7 % 1000) + ".");
    vi.push_back("Mục " + std::to_string(k) + " nói về kế hoạch cho quận " +
                 std::to_string(k * 7 % 1000) + ".");
    if (k % 1000 == 500) vi.push_back("Ghi chú riêng của bản tiếng Việt.");
  }
  const auto start = std::chrono::steady_clock::now();
  Result<Alignment> a = Align({Version("en", std::move(en)), Version("vi", std::move(vi))});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->units.size(), 50050u);
  EXPECT_LT(seconds, 120);
}

TEST(Aligner, GuessesTheLanguageByScript) {
  EXPECT_EQ(GuessLanguageByScript(ToNfc(kEn[2] + " " + kEn[3])), "en");
  EXPECT_EQ(GuessLanguageByScript(ToNfc(kVi[2] + " " + kVi[3])), "vi");
  EXPECT_EQ(GuessLanguageByScript(kJa[1] + kJa[2]), "ja");
  EXPECT_EQ(GuessLanguageByScript("Tokyo 2025"), "");  // too little to tell
  // English that spells Vietnamese names with their diacritics is still English.
  EXPECT_EQ(GuessLanguageByScript("General Secretary Nguyễn Phú Trọng met Prime Minister Phạm "
                                  "Minh Chính and President Võ Văn Thưởng in Hà Nội on Monday."),
            "en");
}

}  // namespace
}  // namespace hashi
