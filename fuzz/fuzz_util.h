// Helpers shared by the fuzz targets.
#ifndef HASHI_FUZZ_FUZZ_UTIL_H_
#define HASHI_FUZZ_FUZZ_UTIL_H_

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace hashi::fuzz {

// Stops the run with a message: libFuzzer reports abort() as a crash and keeps the input.
[[noreturn]] void Fail(const std::string& what);
inline void Check(bool ok, const char* what) {
  if (!ok) Fail(what);
}

// The input bytes as a string_view.
inline std::string_view Bytes(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// True if `utf8` is well-formed and holds no private-use placeholder characters (U+E000..U+F8FF),
// which only the readers may put into a segment's text (with their codes).
bool IsPlainUtf8(std::string_view utf8);

}  // namespace hashi::fuzz

#endif  // HASHI_FUZZ_FUZZ_UTIL_H_
