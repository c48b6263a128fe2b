// The elements pre-translation writes into a trans-unit: <target> and <alt-trans>. Shared by
// the writer of new files and the one that adds targets to a CAT tool's file. Private to
// hashi_formats.
#ifndef HASHI_FORMATS_XLIFF_TARGET_H_
#define HASHI_FORMATS_XLIFF_TARGET_H_

#include <string>
#include <string_view>
#include <vector>

#include "hashi/pretranslator.h"
#include "hashi/unit.h"

namespace hashi::formats {

// XLIFF 1.2 state and state-qualifier of a new target.
struct TargetState {
  std::string state;
  std::string qualifier;
};

// The state of a target made of segments with these best scores (-1: the segment has no
// match): every segment 100 -> translated; all matched -> needs-review-translation; else
// needs-translation. Qualifier: exact-match or fuzzy-match for a single segment, leveraged-tm
// for a target assembled from several.
TargetState StateOf(const std::vector<int>& scores);

// How one trans-unit's new elements are written.
struct TargetContext {
  std::string_view prefix;  // the document's XLIFF element prefix, "" for none
  std::string source_lang;  // xml:lang of the alt-trans sources
  std::string target_key;   // the key into Match::targets
  std::string target_lang;  // xml:lang of the targets written
  int alternatives = 3;     // matches besides the best in <alt-trans>
};

// "<target ATTRS state=.. state-qualifier=..>CONTENT</target>"; `attrs` are written first,
// then xml:lang (unless in attrs), state and state-qualifier. `content` is markup.
std::string TargetElement(const TargetContext& context, const Attributes& attrs,
                          const TargetState& state, std::string_view content);

// <alt-trans match-quality origin [mid]> elements for the best match and up to
// context.alternatives more. `mid` is the segment's mrk id ("" for a whole source).
std::string AltTransElements(const TargetContext& context, const std::vector<Match>& matches,
                             std::string_view mid);

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_XLIFF_TARGET_H_
