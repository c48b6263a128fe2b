// The algebra behind RegexSummary: a summary ("piece") of each sub-expression, combined for
// sequences, alternatives and repeats, and the parser that builds one from an ICU regex.
// Private to hashi_core (segment/).
#ifndef HASHI_CORE_SRC_SEGMENT_REGEX_PIECE_H_
#define HASHI_CORE_SRC_SEGMENT_REGEX_PIECE_H_

#include <unicode/uniset.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hashi::segment {

using Strings = std::optional<std::vector<std::u16string>>;

// The summary of a sub-expression. `strings` is the exact set of strings it matches when that
// set is finite and small; `suffixes` says every non-empty match ends with one of them.
struct Piece {
  bool nullable = true;
  icu::UnicodeSet first, last;
  int32_t max_length = 0;  // UTF-16 units; -1: unbounded
  int32_t min_chars = 0;   // shortest match, in code points
  int32_t max_chars = 0;   // longest match, in code points; -1: unbounded
  Strings strings = std::vector<std::u16string>{u""};
  Strings suffixes;
  bool line_start = false;
  std::vector<icu::UnicodeSet> tail;    // invariant: tail.size() <= min_chars
  std::optional<icu::UnicodeSet> star;  // the piece is S* for a character set S
  std::optional<std::pair<icu::UnicodeSet, icu::UnicodeSet>> skip;
};

icu::UnicodeSet AnyChar();
Piece CharPiece(const icu::UnicodeSet& set);
Piece ZeroWidth(bool line_start = false);
Piece Seq(const Piece& a, const Piece& b);
Piece Alt(const Piece& a, const Piece& b);
Piece Repeat(const Piece& a, int32_t min, int32_t max);  // max -1: unbounded
// What a match of `p` ends with, as a set including "" when `p` can match empty.
Strings EndingsOf(const Piece& p);

// The piece of a whole regex, or nullopt where the regex uses what the analysis does not know
// (back references, case-insensitive or extended flags, ...).
std::optional<Piece> ParseRegex(const std::u16string& regex);

}  // namespace hashi::segment

#endif  // HASHI_CORE_SRC_SEGMENT_REGEX_PIECE_H_
