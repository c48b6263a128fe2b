// The SRX rules of one language, compiled for the segmenter. Private to hashi_core.
//
// SRX asks, at a position, for the first rule whose `before` regex matches up to the position
// and whose `after` regex matches from it. Each rule is one ICU regex `(?=after)(?<=before)`
// tried with lookingAt() at the position, so the cheap look-ahead fails first. ICU pays tens of
// nanoseconds per look-behind start, and abbreviation lists make it worse, so each rule first
// checks necessary conditions from RegexSummary (the character before and after the position,
// the literal endings such as "Mr." "Dr.", the distance to the line start for ^-anchored
// rules); at a typical sentence end only two or three rules reach ICU.
#ifndef HASHI_CORE_SRC_SEGMENT_SRX_MATCHER_H_
#define HASHI_CORE_SRC_SEGMENT_SRX_MATCHER_H_

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "hashi/segmenter.h"
#include "hashi/status.h"
#include "segment/regex_summary.h"

namespace hashi::segment {

enum class RuleDecision { kNone, kBreak, kNoBreak };

// A rule with what messages need to name it.
struct RuleRef {
  const SrxRule* rule = nullptr;
  std::string rules_name;  // the language rule set it belongs to
  int index = 0;           // 1-based position in that set
};

// Compiles one rule's regexes the way SrxMatcher uses them; the error names `file`, the rule's
// line, its set and its number.
Status CheckRule(const RuleRef& ref, const std::string& file);

// Not thread-safe: holds ICU matchers with iteration state.
class SrxMatcher {
 public:
  static Result<std::unique_ptr<SrxMatcher>> Compile(const std::vector<RuleRef>& rules,
                                                     const std::string& file);

  // Sets the text positions refer to. REQUIRES: `text` outlives the following At() calls.
  void Reset(const icu::UnicodeString& text);
  // The decision of the first rule that matches at `pos` (a UTF-16 index into the text);
  // `line_begin` is where the line holding `pos` starts.
  RuleDecision At(int32_t pos, int32_t line_begin);

 private:
  struct Rule {
    bool is_break = true;
    RegexSummary before, after;
    SuffixSet endings;                           // from before.suffixes
    std::unique_ptr<icu::RegexPattern> pattern;  // (?=after)(?<=before), see Forms
    std::unique_ptr<icu::RegexMatcher> matcher;
    std::unique_ptr<icu::RegexPattern> window_pattern;  // (?:before)\z when ICU refuses
    std::unique_ptr<icu::RegexMatcher> window_matcher;  // `before` as a look-behind
    uint64_t text_generation = 0;  // matcher is reset to the text lazily, when first needed
  };
  // False if `rule` cannot match at `pos` (necessary conditions only).
  bool MayMatch(const Rule& rule, int32_t pos, int32_t line_begin) const;
  RuleDecision Run(Rule& rule, int32_t pos);

  // With at most 64 rules, the first test is two table lookups: bit r of the mask of the
  // character before (after) a position is set if rule r's before (after) admits it.
  struct MaskEntry {
    UChar32 c = -2;
    uint64_t mask = 0;
  };
  uint64_t Mask(UChar32 c, bool before);
  std::vector<MaskEntry> mask_cache_;  // direct-mapped: [before/after][c mod 256]

  std::vector<Rule> rules_;
  const icu::UnicodeString* text_object_ = nullptr;
  const char16_t* text_ = nullptr;
  int32_t length_ = 0;
  uint64_t generation_ = 0;
};

}  // namespace hashi::segment

#endif  // HASHI_CORE_SRC_SEGMENT_SRX_MATCHER_H_
