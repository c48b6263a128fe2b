#include "fuzz_util.h"

#include <cstdio>

#include "hashi/normalizer.h"

namespace hashi::fuzz {

void Fail(const std::string& what) {
  std::fprintf(stderr, "fuzz check failed: %s\n", what.c_str());
  std::abort();
}

bool IsPlainUtf8(std::string_view utf8) {
  if (FindInvalidUtf8(utf8) != std::string_view::npos) return false;
  // U+E000..U+F8FF are EE 80 80 .. EF A3 BF in UTF-8.
  for (size_t i = 0; i + 2 < utf8.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(utf8[i]);
    const auto b1 = static_cast<unsigned char>(utf8[i + 1]);
    if (b0 == 0xEE || (b0 == 0xEF && b1 <= 0xA3)) return false;
  }
  return true;
}

}  // namespace hashi::fuzz
