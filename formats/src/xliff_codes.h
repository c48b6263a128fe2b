// TM segments as XLIFF 1.2 inline markup. TM codes are TMX elements (bpt ept ph it ut hi); in
// XLIFF they become bpt ept ph it ph mrk, numbered afresh (a TMX <ept> gets the id of the
// <bpt> it closes). In a new target, a TM code that stands for one of the source's own codes
// (see MatchCodes) is written as that source code, exactly as the source has it: the TM's
// codes are "renumbered to fit". Private to hashi_formats.
#ifndef HASHI_FORMATS_XLIFF_CODES_H_
#define HASHI_FORMATS_XLIFF_CODES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hashi/unit.h"

namespace hashi::formats {

// For each code of `from`, the index of the code of `to` it corresponds to, or -1: first an
// equal code (same kind and markup), else the code of the same kind at the same ordinal
// position (the second <ph> for the second <ph>). Each code of `to` is used once.
std::vector<int> MatchCodes(const Segment& from, const Segment& to);

// The content of a new <target> for a trans-unit whose source is `query` (codes in XLIFF markup
// as read, or none), from a TM match: its source `tm_source` and target `tm_target` (TMX codes).
// `prefix` is the document's XLIFF element prefix ("" for none). Escaped, ready to insert. If
// the result would not nest (a paired <g>/<mrk> closed out of order), the paired codes are left
// out and the text kept.
std::string FitTargetMarkup(const Segment& query, const Segment& tm_source,
                            const Segment& tm_target, std::string_view prefix);

// The contents of the <source> and <target> of an <alt-trans> for a TM match: codes converted,
// a target code with a counterpart in the source getting the same id.
std::pair<std::string, std::string> AltTransMarkup(const Segment& tm_source,
                                                   const Segment& tm_target,
                                                   std::string_view prefix);

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_XLIFF_CODES_H_
