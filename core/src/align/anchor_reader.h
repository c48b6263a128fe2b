// The pieces of ExtractAnchors (anchors.cpp), one reader per kind of token. Each reader starts
// at tokens[k], appends what it finds to `out` and returns the index of the first token it did
// not use (at least k + 1). Private to the aligner.
#ifndef HASHI_CORE_SRC_ALIGN_ANCHOR_READER_H_
#define HASHI_CORE_SRC_ALIGN_ANCHOR_READER_H_

#include <optional>
#include <string>
#include <vector>

#include "align/anchors.h"
#include "align/tokens.h"

namespace hashi::align {

struct AnchorContext {
  const std::vector<Token>& tokens;
  const AnchorConventions& conventions;
  std::vector<Anchor>& out;
  bool last_time_afternoon = false;  // 午後2時～5時: the 5 is afternoon too
  bool first_word = true;            // no word read yet in this sentence
  std::string last_name;             // the name read by the previous token, "" if none

  const Token* At(size_t k) const { return k < tokens.size() ? &tokens[k] : nullptr; }
  bool Is(size_t k, TokenType type) const { return k < tokens.size() && tokens[k].type == type; }
  bool IsChar(size_t k, char32_t c) const {
    return k < tokens.size() && tokens[k].text.size() == 1 && tokens[k].text[0] == c;
  }
  void Add(std::string key, AnchorKind kind, bool alternative = false) {
    out.push_back({std::move(key), kind, alternative});
  }
};

// A numeral's value as the conventions read it, and the other reading when the notation is
// ambiguous (one separator followed by three digits: "1.200").
struct NumeralValue {
  double value = 0;
  bool integer = true;
  int digits = 0;  // digits before the first separator
  std::optional<double> alternative;
};
std::optional<NumeralValue> ParseNumeral(std::u32string_view text, bool comma_decimal);
// The value of a run of ASCII digits.
double DigitsValue(std::u32string_view digits);

// "n:VALUE": integers as integers, other values with six significant digits.
std::string NumberKey(double value);
// Adds n:VALUE as kSmallNumber or kNumber.
void AddNumber(AnchorContext& ctx, double value, bool alternative = false);

// 1..12 for an English month name or abbreviation ("Sept", "February"), else 0.
int MonthNumber(std::u32string_view word);

// The word lower-cased with its diacritics folded (BareKey), remembered per thread: the same
// names come back in every sentence.
std::string BareWord(std::u32string_view word);

// tokens[k] is a numeral: a number, or the start of a date, a time or a number with a
// multiplier (million, triệu, 万, 億 ...).
size_t ReadNumeral(AnchorContext& ctx, size_t k);
// tokens[k] is a word: a month name with its day ("Feb. 20"), "tháng 9", or an acronym, name,
// URL or e-mail address.
size_t ReadWord(AnchorContext& ctx, size_t k);
// A list marker at tokens[k] (the first token of the sentence): "1." "(2)" "-" "・" "Q." "Hỏi:".
size_t ReadListMarker(AnchorContext& ctx, size_t k);

}  // namespace hashi::align

#endif  // HASHI_CORE_SRC_ALIGN_ANCHOR_READER_H_
