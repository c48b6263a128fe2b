// The duplicate signature of a unit: a stable 64-bit hash of its (language, segment) pairs in
// language order. Equal units have equal signatures; the store verifies candidates, so a rare
// collision never merges two different units.
#ifndef HASHI_CORE_STORE_UNIT_SIGNATURE_H_
#define HASHI_CORE_STORE_UNIT_SIGNATURE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "hashi/unit.h"

namespace hashi::store {

// One variant as duplicate detection sees it: canonical language, NFC text, codes.
struct VariantKey {
  std::string lang;
  const Segment* segment = nullptr;
};

// Sorts `keys` by language then text, and hashes them (FNV-1a, stable across builds: it is
// stored on disk).
int64_t UnitSignature(std::vector<VariantKey>& keys);

// True if the two sorted key lists hold the same languages, texts and codes.
bool SameContent(const std::vector<VariantKey>& a, const std::vector<VariantKey>& b);

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_UNIT_SIGNATURE_H_
