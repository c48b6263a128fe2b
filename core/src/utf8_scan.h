// Byte-level UTF-8 helpers shared by the normaliser and the matcher. Private to hashi_core.
#ifndef HASHI_CORE_SRC_UTF8_SCAN_H_
#define HASHI_CORE_SRC_UTF8_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace hashi {

// Length of the longest prefix of `bytes` that is pure ASCII (all bytes < 0x80).
size_t AsciiPrefixLength(std::string_view bytes);

inline bool IsAscii(std::string_view bytes) { return AsciiPrefixLength(bytes) == bytes.size(); }

// Appends the UTF-8 encoding of code point `c` (assumed valid) to `out`.
void AppendUtf8(char32_t c, std::string& out);

}  // namespace hashi

#endif  // HASHI_CORE_SRC_UTF8_SCAN_H_
