// Sentence segmentation: SRX rules (as a plain value, read by hashi::formats) on top of ICU's
// sentence BreakIterator, with paragraph and line-break handling for web-page text.
//
// How a text is split (the details are in core/src/segment/):
//  - A blank line (only white space, no-break spaces included) ends a paragraph, and a
//    paragraph end is always a sentence end.
//  - Inside a paragraph, a break can only happen at a *candidate*: after sentence-final
//    punctuation (. ! ? … 。 ！ ？ ．) and the closing quotes and brackets right after it, at a
//    line end, or where ICU's sentence BreakIterator breaks. At each candidate the first SRX rule
//    whose `before` matches up to it and whose `after` matches from it decides; where no rule
//    does, ICU decides. A candidate inside a matched pair of brackets or quotes (「」『』（）()
//    “” "" ...) never breaks: a quotation and its attribution stay one sentence.
//  - A single line break that no punctuation or rule decides breaks where both lines are whole
//    sentences (a heading, a list item): see LineBreakHeuristic in
//    core/src/segment/paragraph_breaker.h.
//  - SRX regexes are written for Java in practice; the two habits ICU rejects (a lone "}",
//    an unbounded look-behind) are rewritten before compiling.
// Speed: rules are tried only at candidates, each after cheap necessary conditions derived from
// its regexes (core/src/segment/regex_summary.h); bench/segment_bench measures it against ICU.
#ifndef HASHI_SEGMENTER_H_
#define HASHI_SEGMENTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hashi/language_tag.h"
#include "hashi/status.h"

namespace hashi {

// One SRX rule: break (or not) between `before` and `after` (ICU regular expressions; either
// may be empty, which matches everywhere).
struct SrxRule {
  bool is_break = true;
  std::string before;
  std::string after;
  int line = 0;  // where the rule is in its file, for messages
};

// A language rule set of an SRX file.
struct SrxLanguageRules {
  std::string name;
  std::vector<SrxRule> rules;
};

// Maps languages to rule sets: the first map whose pattern matches the language code (the whole
// code, as SRX 2.0 says) applies; with `cascade`, every matching map applies, in order.
struct SrxLanguageMap {
  std::string pattern;     // ICU regex on the language code
  std::string rules_name;  // a SrxLanguageRules::name
  int line = 0;            // where the map is in its file, for messages
};

// The content of an SRX 1.0/2.0 file, as core consumes it. Plain value.
struct SrxRules {
  bool cascade = false;
  std::vector<SrxLanguageRules> language_rules;
  std::vector<SrxLanguageMap> maps;
  std::string file;  // where it came from, for messages
};

// [begin, end) byte offsets into a UTF-8 text.
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const ByteRange&) const = default;
};

// Checks every regex of `srx` (rules and language maps) by compiling it with ICU, the way the
// segmenter will use it. The error names the file, the line, the language rule and the rule.
Status ValidateSrxRules(const SrxRules& srx);

// The language rule sets of `srx` that apply to `lang`, in order: the rule set of the first
// language map whose pattern matches the whole tag (case-insensitively), or, with `cascade`, of
// every map that matches. Rule sets named by no map are not returned.
std::vector<const SrxLanguageRules*> SelectSrxRules(const SrxRules& srx, const LanguageTag& lang);

// True if a language map that applies to `lang` is specific to it, i.e. does not also match
// "und" (the BCP-47 "undetermined language"). A catch-all map such as ".*" is not specific: the
// CLI warns when only generic rules apply.
bool HasSpecificSrxRules(const SrxRules& srx, const LanguageTag& lang);

// Splits UTF-8 text into sentences. Not thread-safe (it wraps an ICU BreakIterator and
// compiled regexes, which keep iteration state); make one per thread.
class Segmenter {
 public:
  virtual ~Segmenter() = default;
  // Sentence byte ranges into `text`, in order, trimmed of surrounding white space, empty
  // sentences left out. A blank line always ends a sentence. The ranges are valid as long as
  // `text` is. `text` should be NFC (see ToNfc) for the rules to see what they expect; the
  // offsets are UTF-8 byte offsets into `text` as given. Invalid UTF-8 is read as U+FFFD.
  // Lines may end in LF, CRLF or CR.
  virtual std::vector<ByteRange> Split(std::string_view text) = 0;
  // Split() of the NFC form of `text`, as strings: each is NFC, and a line break inside a
  // sentence (with the white space around it) is replaced by one space.
  virtual std::vector<std::string> Sentences(std::string_view text) = 0;
};

// ICU sentence rules for `lang`, refined by the SRX rules that apply to `lang` when `srx` is
// non-null (SelectSrxRules). An SRX regex ICU rejects is an error naming file, line and rule.
// The SRX regexes are ICU regular expressions with ^ and $ matching at line ends (MULTILINE);
// `before` is matched as an ICU look-behind, so its * + and {n,} repeat at most 100 times.
// The segmenter keeps no pointer into `srx`.
Result<std::unique_ptr<Segmenter>> MakeSegmenter(const LanguageTag& lang,
                                                 const SrxRules* srx = nullptr);

}  // namespace hashi

#endif  // HASHI_SEGMENTER_H_
