// LengthClasses: the search's window on key lengths keeps every unit the window may hold, and
// drops the units far outside it, empty slots among them.
#include "store/length_classes.h"

#include <gtest/gtest.h>

#include "store/match_index_format.h"

namespace hashi::store {
namespace {

bool Kept(const match::ChunkBits& mask, int slot) { return (mask[slot / 64] >> (slot % 64)) & 1; }

TEST(LengthClasses, KeepsEveryUnitOfTheWindowAndDropsThoseFarFromIt) {
  // Slot s holds a key of s % 400 code points, every 7th slot none, every 101st several.
  std::vector<uint16_t> values(match::kChunkSlots);
  for (int s = 0; s < match::kChunkSlots; ++s) {
    values[s] = s % 7 == 0 ? kNoEntry : s % 101 == 0 ? kSeveral : LengthValue(s % 400);
  }
  const LengthClasses classes(values);
  for (const auto& [shortest, longest] :
       {std::pair{91, 186}, std::pair{0, 5}, std::pair{120, 120}, std::pair{300, 2000}}) {
    match::ChunkBits mask(match::kChunkWords, ~uint64_t{0});
    classes.KeepWindow(shortest, longest, mask);
    int outside_kept = 0;
    for (int s = 0; s < match::kChunkSlots; ++s) {
      const int n = s % 400;
      if (values[s] == kNoEntry) {
        EXPECT_FALSE(Kept(mask, s)) << s;
      } else if (values[s] == kSeveral || (n >= shortest && n <= longest)) {
        EXPECT_TRUE(Kept(mask, s)) << "slot " << s << " window " << shortest << "-" << longest;
      } else if (Kept(mask, s)) {
        // A class straddling a bound is kept whole: at most about a quarter beyond each.
        EXPECT_FALSE(n < shortest * 3 / 4 - 8 || n > longest * 5 / 4 + 8) << n;
        ++outside_kept;
      }
    }
    EXPECT_LT(outside_kept, match::kChunkSlots / 4) << shortest << "-" << longest;
  }
}

TEST(LengthClasses, LeavesClearedSlotsCleared) {
  std::vector<uint16_t> values(match::kChunkSlots, LengthValue(50));
  const LengthClasses classes(values);
  match::ChunkBits mask(match::kChunkWords, 0);
  mask[3] = 0b1010;
  classes.KeepWindow(40, 60, mask);
  EXPECT_EQ(mask[3], uint64_t{0b1010});
  for (int w = 0; w < match::kChunkWords; ++w) {
    if (w != 3) {
      EXPECT_EQ(mask[w], 0u) << w;
    }
  }
}

}  // namespace
}  // namespace hashi::store
