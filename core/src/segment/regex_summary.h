// What can be known about an ICU regex without running it, for cheap rejection tests. Private
// to hashi_core.
//
// The segmenter asks at each candidate position whether an SRX rule matches there; running ICU
// costs tens of nanoseconds per look-behind start, so each rule first checks necessary
// conditions derived here: the character before the position must be one a `before` match can
// end with (and the text must end with one of its literal suffixes, e.g. "Mr." "Dr." ...), the
// character after it one an `after` match can start with. Every derived fact is a necessary
// condition (an over-approximation); anything the analysis does not understand (back
// references, case-insensitive flags, ...) leaves the summary unknown, which rejects nothing.
#ifndef HASHI_CORE_SRC_SEGMENT_REGEX_SUMMARY_H_
#define HASHI_CORE_SRC_SEGMENT_REGEX_SUMMARY_H_

#include <unicode/uniset.h>

#include <optional>
#include <string>
#include <vector>

namespace hashi::segment {

struct RegexSummary {
  bool known = false;          // false: nothing below holds; the regex may match anything
  bool nullable = true;        // it can match the empty string
  icu::UnicodeSet first;       // code points a non-empty match can start with
  icu::UnicodeSet last;        // code points a non-empty match can end with
  int32_t max_length = -1;     // longest match in UTF-16 units; -1: unbounded
  bool line_anchored = false;  // every match starts at a line start (the regex starts with ^)
  // Every match ends with one of these (non-empty) strings; nullopt: no such set is known.
  std::optional<std::vector<std::u16string>> suffixes;
  // Every match ends with code points c[k-1]...c[1] c[0], c[i] in tail[i] (k <= 3).
  std::vector<icu::UnicodeSet> tail;
  // The regex starts with S* and what follows must start with a character of T: a match at p
  // needs text from p to be some S characters, then a T character. Set when known.
  std::optional<std::pair<icu::UnicodeSet, icu::UnicodeSet>> skip;
};

// Summarizes an ICU regex compiled without flags other than MULTILINE.
RegexSummary Summarize(const std::u16string& regex);

// A set of strings looked up backwards from a position: does the text end there with one of
// them? Built from RegexSummary::suffixes.
class SuffixSet {
 public:
  SuffixSet() = default;
  explicit SuffixSet(const std::vector<std::u16string>& strings);
  bool EndsAt(const char16_t* text, int32_t pos) const;

 private:
  struct Node {
    std::vector<std::pair<char16_t, int32_t>> children;  // character -> node index
    bool terminal = false;
  };
  std::vector<Node> nodes_;
};

// Necessary conditions, cheap to test, for a match of a regex with summary `s` in the UTF-16
// `text` of `length` units. False means "cannot match"; true means "may match".
//  MayEndAt: a match ending at `pos` (SRX `before`); `endings` is built from s.suffixes (may be
//  null), `line_begin` is where the line holding `pos` starts.
//  MayStartAt: a match starting at `pos` (SRX `after`).
bool MayEndAt(const RegexSummary& s, const SuffixSet* endings, const char16_t* text, int32_t pos,
              int32_t line_begin);
bool MayStartAt(const RegexSummary& s, const char16_t* text, int32_t length, int32_t pos);

}  // namespace hashi::segment

#endif  // HASHI_CORE_SRC_SEGMENT_REGEX_SUMMARY_H_
