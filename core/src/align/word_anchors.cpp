// Latin words that survive translation: acronyms, URLs, e-mail addresses, initials and names
// (Vietnamese ones with their diacritics folded, so Nguyễn Phú Trọng = Nguyen Phu Trong).
#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_map>

#include "align/anchor_reader.h"
#include "hashi/normalizer.h"

namespace hashi::align {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c));
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return IsLatinLetter(c) && u_isalpha(static_cast<UChar32>(c));
}

std::vector<std::u32string> Split(std::u32string_view text, std::u32string_view separators) {
  std::vector<std::u32string> parts(1);
  for (const char32_t c : text) {
    if (separators.find(c) != std::u32string_view::npos) {
      parts.emplace_back();
    } else {
      parts.back().push_back(c);
    }
  }
  std::erase_if(parts, [](const std::u32string& p) { return p.empty(); });
  return parts;
}

// https://host/a/b: the host and each path segment of three letters or more (the language
// segment en/vi/ja of a multilingual site differs between versions, the rest usually not).
bool AddUrl(AnchorContext& ctx, std::u32string_view word) {
  if (word.size() < 5 || (word.find(U':') == std::u32string_view::npos && word[0] != 'w' &&
                          word[0] != 'W')) {
    return false;
  }
  size_t start = word.find(U"://");
  if (start != std::u32string::npos) {
    start += 3;
  } else if (AsciiLower(word.substr(0, 4)) == U"www.") {
    start = 0;
  } else {
    return false;
  }
  const std::vector<std::u32string> parts = Split(word.substr(start), U"/?#&=");
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i == 0 || parts[i].size() >= 3) ctx.Add("u:" + ToUtf8(AsciiLower(parts[i])), AnchorKind::kLink);
  }
  return true;
}

// name@host, and a bare host name such as vnembassy-jp.org.
bool AddAddress(AnchorContext& ctx, std::u32string_view word) {
  if (word.find_first_of(U"@.") == std::u32string_view::npos) return false;
  const std::u32string lower = AsciiLower(word);
  if (word.find(U'@') != std::u32string::npos) {
    ctx.Add("e:" + ToUtf8(lower), AnchorKind::kLink);
    return true;
  }
  if (lower != word || word.find(U'.') == std::u32string::npos) return false;
  const std::vector<std::u32string> labels = Split(word, U".");
  const std::u32string& top = labels.back();
  const bool host = labels.size() >= 2 && top.size() >= 2 && top.size() <= 6 &&
                    std::all_of(top.begin(), top.end(), [](char32_t c) { return c < 0x80 && !IsAsciiDigit(c); }) &&
                    std::any_of(labels.begin(), labels.end() - 1,
                                [](const std::u32string& l) { return l.size() >= 3; });
  if (host) ctx.Add("u:" + ToUtf8(lower), AnchorKind::kLink);
  return host;
}

// N.V.T / U.S: capital initials are an acronym; lower-case ones (e.g, i.e, a.m) are nothing.
bool AddInitials(AnchorContext& ctx, std::u32string_view word) {
  if (word.size() < 3 || word[1] != U'.') return false;
  const std::vector<std::u32string> parts = Split(word, U".");
  if (parts.size() < 2 || !std::all_of(parts.begin(), parts.end(),
                                        [](const std::u32string& p) { return p.size() == 1; })) {
    return false;
  }
  std::u32string letters;
  for (const std::u32string& p : parts) letters += p;
  if (std::all_of(letters.begin(), letters.end(), IsUpper)) {
    ctx.Add("w:" + BareWord(letters), AnchorKind::kAcronym);
  }
  return true;
}

// One part of a word: an acronym (JICA, TK01), a name (Sato, Nguyễn), or nothing (a common
// lower-case word, which does not survive translation). Returns the kind added, if any.
std::optional<AnchorKind> AddPart(AnchorContext& ctx, std::u32string_view part, bool first) {
  const bool digit = std::any_of(part.begin(), part.end(), IsAsciiDigit);
  if (std::all_of(part.begin(), part.end(), IsAsciiDigit)) return std::nullopt;
  size_t letters = 0;
  size_t upper = 0;
  for (const char32_t c : part) {
    letters += IsLetter(c) ? 1 : 0;
    upper += IsUpper(c) ? 1 : 0;
  }
  AnchorKind kind;
  if ((upper == letters && letters >= 2) || (digit && upper > 0)) {
    kind = AnchorKind::kAcronym;
  } else if (IsUpper(part[0]) && letters >= 2 && !(first && part.size() < 4)) {
    kind = AnchorKind::kName;  // a short capitalised first word is usually "The", "It", "On"
  } else if (ctx.conventions.all_latin_words && letters >= 2) {
    kind = AnchorKind::kName;
  } else {
    return std::nullopt;
  }
  ctx.Add("w:" + BareWord(part), kind);
  return kind;
}

// A word with a month name and a day ("Feb. 20", "Sept 9") or a year ("Nov. 2023"), or the
// Vietnamese "tháng 9" without a year.
std::optional<size_t> ReadMonth(AnchorContext& ctx, size_t k) {
  const std::u32string_view word = ctx.tokens[k].text;
  size_t i = k + 1;
  if (ctx.IsChar(i, U'.')) ++i;
  if (!ctx.Is(i, TokenType::kSpace) || !ctx.Is(i + 1, TokenType::kNumeral)) return std::nullopt;
  const std::optional<NumeralValue> n = ParseNumeral(ctx.tokens[i + 1].text, false);
  if (!n || !n->integer) return std::nullopt;
  const int month = ctx.conventions.month_names && IsUpper(word[0]) ? MonthNumber(word) : 0;
  if (month > 0 && n->digits <= 2 && n->value >= 1 && n->value <= 31 && !ctx.IsChar(i + 2, U':')) {
    ctx.Add("d:" + std::to_string(month) + "-" + std::to_string(static_cast<int>(n->value)),
            AnchorKind::kDate);
    return i + 2;
  }
  if (month > 0 && n->digits == 4) {
    ctx.Add("m:" + std::to_string(month), AnchorKind::kDate);
    return i + 1;  // the year is read as a number
  }
  if (BareWord(word) == "thang" && n->value >= 1 && n->value <= 12 && !ctx.IsChar(i + 2, U'/')) {
    ctx.Add("m:" + std::to_string(static_cast<int>(n->value)), AnchorKind::kDate);
    return i + 2;
  }
  return std::nullopt;
}

}  // namespace

std::string BareWord(std::u32string_view word) {
  if (std::all_of(word.begin(), word.end(), [](char32_t c) { return c < 0x80; })) {
    return ToUtf8(AsciiLower(word));
  }
  constexpr size_t kMaxRemembered = 1 << 16;
  thread_local std::unordered_map<std::u32string, std::string> remembered;
  const auto it = remembered.find(std::u32string(word));
  if (it != remembered.end()) return it->second;
  if (remembered.size() >= kMaxRemembered) remembered.clear();
  return remembered.emplace(word, BareKey(ToUtf8(word))).first->second;
}

size_t ReadWord(AnchorContext& ctx, size_t k) {
  if (const std::optional<size_t> next = ReadMonth(ctx, k)) {
    ctx.first_word = false;
    ctx.last_name.clear();
    return *next;
  }
  const std::u32string_view word = ctx.tokens[k].text;
  const bool first = ctx.first_word;
  ctx.first_word = false;
  std::string previous_name;
  std::swap(previous_name, ctx.last_name);
  if (AddUrl(ctx, word) || AddAddress(ctx, word) || AddInitials(ctx, word)) return k + 1;
  if (word == U"US" && ctx.IsChar(k + 1, U'$')) {  // US$ is USD
    ctx.Add("w:usd", AnchorKind::kAcronym);
    return k + 2;
  }
  constexpr std::u32string_view kSeparators = U".-/_:~";
  std::optional<AnchorKind> kind;
  size_t part_count = 1;
  if (word.find_first_of(kSeparators) == std::u32string_view::npos) {
    kind = AddPart(ctx, word, first);  // the usual case: one plain word
  } else {
    const std::vector<std::u32string> parts = Split(word, kSeparators);
    part_count = parts.size();
    for (const std::u32string& part : parts) kind = AddPart(ctx, part, first && part_count == 1);
  }
  // Names of several words are also matched joined (Hà Nội = Hanoi, Việt Nam = Vietnam).
  if (part_count == 1 && kind == AnchorKind::kName && IsUpper(word[0])) {
    ctx.last_name = ctx.out.back().key.substr(2);
    const bool adjacent = k >= 2 && ctx.Is(k - 1, TokenType::kSpace);
    if (!previous_name.empty() && adjacent) {
      ctx.Add("w:" + previous_name + ctx.last_name, AnchorKind::kName);
    }
  }
  return k + 1;
}

size_t ReadListMarker(AnchorContext& ctx, size_t k) {
  const Token* token = ctx.At(k);
  if (token == nullptr) return k;
  if (token->type == TokenType::kNumeral && token->text.size() <= 2 &&
      (ctx.IsChar(k + 1, U'.') || ctx.IsChar(k + 1, U')')) && !ctx.Is(k + 2, TokenType::kNumeral)) {
    ctx.Add("l:" + std::to_string(static_cast<int>(DigitsValue(token->text))),
            AnchorKind::kListMarker);
    return k + 2;
  }
  if (ctx.IsChar(k, U'(') && ctx.Is(k + 1, TokenType::kNumeral) && ctx.IsChar(k + 2, U')') &&
      ctx.tokens[k + 1].text.size() <= 2) {
    ctx.Add("l:" + std::to_string(static_cast<int>(DigitsValue(ctx.tokens[k + 1].text))),
            AnchorKind::kListMarker);
    return k + 3;
  }
  static const std::u32string kBullets = U"-•・*+–—‐▪●○■□◆◇";
  if (token->type != TokenType::kWord && kBullets.find(token->text[0]) != std::u32string::npos) {
    ctx.Add("l:bullet", AnchorKind::kListMarker);
    return k + 1;
  }
  if (token->type != TokenType::kWord || !(ctx.IsChar(k + 1, U'.') || ctx.IsChar(k + 1, U':'))) {
    return k;
  }
  const std::string bare = BareWord(token->text);  // Q. A. / Hỏi: Đáp: (Vietnamese FAQ style)
  if (token->text == U"Q" || bare == "hoi") ctx.Add("l:q", AnchorKind::kListMarker);
  else if (token->text == U"A" || bare == "dap") ctx.Add("l:a", AnchorKind::kListMarker);
  else return k;
  ctx.first_word = false;
  return k + 2;
}

}  // namespace hashi::align
