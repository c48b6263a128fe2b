// Limits the readers put on one input, so that a hostile or broken file is refused with a
// message naming the limit instead of exhausting memory or time. Each is far beyond what a real
// TM or XLIFF file holds. Private to hashi_formats.
#ifndef HASHI_FORMATS_READER_LIMITS_H_
#define HASHI_FORMATS_READER_LIMITS_H_

#include <cstddef>

namespace hashi::formats {

// Elements open at once (TMX needs 6 plus the nesting of inline codes; libxml2's own limit is
// 256, with a message about its XML_PARSE_HUGE option that would puzzle a translator).
inline constexpr int kMaxElementDepth = 100;
// Bytes of text (segments, codes, props, notes) in one <tu>, or in the <header>.
inline constexpr size_t kMaxTextBytes = size_t{8} << 20;
// <tuv> elements in one <tu>: one per language, a few more where tools repeat one.
inline constexpr size_t kMaxVariantsPerUnit = 1000;
// <prop>, <note> and <ude> children of one element.
inline constexpr size_t kMaxPropsPerElement = 10000;

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_READER_LIMITS_H_
