// Sentence segmentation: SRX rules (as a plain value, read by hashi::formats) on top of ICU's
// sentence BreakIterator, with paragraph and line-break handling for web-page text.
#ifndef HASHI_SEGMENTER_H_
#define HASHI_SEGMENTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hashi/language_tag.h"
#include "hashi/status.h"

namespace hashi {

// One SRX rule: break (or not) between `before` and `after` (ICU regular expressions).
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
  std::string pattern;      // ICU regex on the language code
  std::string rules_name;   // a SrxLanguageRules::name
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

// Splits NFC UTF-8 text into sentences. Not thread-safe (it wraps an ICU BreakIterator and
// compiled regexes, which keep iteration state); make one per thread.
class Segmenter {
 public:
  virtual ~Segmenter() = default;
  // Sentence byte ranges into `text`, in order, trimmed of surrounding white space, empty
  // sentences left out. A blank line always ends a sentence. The ranges are valid as long as
  // `text` is.
  virtual std::vector<ByteRange> Split(std::string_view text) = 0;
  // Split() as strings, each NFC, with a line break inside a sentence replaced by one space.
  virtual std::vector<std::string> Sentences(std::string_view text) = 0;
};

// ICU sentence rules for `lang`, refined by the SRX rules that apply to `lang` when `srx` is
// non-null. An SRX regex ICU rejects is an error naming file, line and rule.
Result<std::unique_ptr<Segmenter>> MakeSegmenter(const LanguageTag& lang,
                                                 const SrxRules* srx = nullptr);

}  // namespace hashi

#endif  // HASHI_SEGMENTER_H_
