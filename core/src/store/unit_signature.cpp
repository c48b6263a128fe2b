#include "store/unit_signature.h"

#include <algorithm>
#include <string_view>

namespace hashi::store {
namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

void Mix(uint64_t& h, std::string_view bytes) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  h ^= 0xFF;  // a separator byte that UTF-8 never holds
  h *= kFnvPrime;
}

bool KeyLess(const VariantKey& a, const VariantKey& b) {
  if (a.lang != b.lang) return a.lang < b.lang;
  return a.segment->text < b.segment->text;
}

}  // namespace

int64_t UnitSignature(std::vector<VariantKey>& keys) {
  std::sort(keys.begin(), keys.end(), KeyLess);
  uint64_t h = kFnvOffset;
  for (const VariantKey& key : keys) {
    Mix(h, key.lang);
    Mix(h, key.segment->text);
    for (const Code& code : key.segment->codes) Mix(h, code.markup);
  }
  return static_cast<int64_t>(h);
}

bool SameContent(const std::vector<VariantKey>& a, const std::vector<VariantKey>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].lang != b[i].lang || *a[i].segment != *b[i].segment) return false;
  }
  return true;
}

}  // namespace hashi::store
