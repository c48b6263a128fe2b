#include "store/length_classes.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "store/match_index_format.h"

namespace hashi::store {
namespace {

// Where each class starts (key lengths in code points): one class below 8, then steps of about
// 25 %, so that a round's window (e.g. 0.7 to 1.43 times the query's length at --min 70) takes
// at most a class too many at each end; the last class is every longer key.
constexpr std::array<int, 27> kClassStart = {0,   8,   10,  12,  15,  19,   24,   30,   37,
                                             46,  58,  72,  90,  112, 140,  175,  219,  274,
                                             342, 428, 535, 669, 836, 1045, 1306, 1633, 2041};
constexpr int kClasses = static_cast<int>(kClassStart.size());
constexpr int kSeveralClass = kClasses;  // the bits of kSeveral follow the classes
// Words per word of the chunk: one per class, then one of kSeveral.
constexpr size_t kStride = kClasses + 1;
constexpr uint8_t kNoClass = 0xFF;

int ClassOf(int length) {
  return static_cast<int>(std::upper_bound(kClassStart.begin(), kClassStart.end(), length) -
                          kClassStart.begin()) -
         1;
}

// The class of each slot value: a chunk has 65,536 slots to sort.
const std::array<uint8_t, 0x10000>& ClassOfValue() {
  static const std::array<uint8_t, 0x10000> table = [] {
    std::array<uint8_t, 0x10000> t{};
    for (int value = 0; value < 0x10000; ++value) {
      t[value] = value == kNoEntry   ? kNoClass
                 : value == kSeveral ? static_cast<uint8_t>(kSeveralClass)
                                     : static_cast<uint8_t>(ClassOf(value - 1));
    }
    return t;
  }();
  return table;
}

}  // namespace

LengthClasses::LengthClasses(const std::vector<uint16_t>& values)
    : bits_(kStride * match::kChunkWords, 0) {
  const std::array<uint8_t, 0x10000>& class_of = ClassOfValue();
  for (int slot = 0; slot < match::kChunkSlots && slot < static_cast<int>(values.size()); ++slot) {
    const uint8_t c = class_of[values[static_cast<size_t>(slot)]];
    if (c == kNoClass) continue;
    bits_[static_cast<size_t>(slot / 64) * kStride + c] |= uint64_t{1} << (slot % 64);
  }
}

void LengthClasses::KeepWindow(int shortest, int longest, match::ChunkBits& mask) const {
  const int first = ClassOf(std::max(0, shortest));
  const int last = ClassOf(std::max(shortest, longest));
  for (int w = 0; w < match::kChunkWords; ++w) {
    if (mask[w] == 0) continue;
    const uint64_t* classes = &bits_[static_cast<size_t>(w) * kStride];
    uint64_t keep = classes[kSeveralClass];
    for (int c = first; c <= last; ++c) keep |= classes[c];
    mask[w] &= keep;
  }
}

}  // namespace hashi::store
