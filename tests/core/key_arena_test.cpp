// The arena the match index reader keeps key blocks in (store/key_arena.h): every blob kept
// reads back unchanged and unmoved while more are kept, small ones share slabs, and a blob
// larger than a slab gets a mapping of its own without disturbing the slab being filled.
#include "store/key_arena.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hashi::store {
namespace {

std::string Blob(size_t size, int seed) {
  std::string blob(size, '\0');
  for (size_t i = 0; i < size; ++i) blob[i] = static_cast<char>((i * 131 + seed * 7) % 251);
  return blob;
}

TEST(KeyArena, KeepsEveryBlobWhereItPutIt) {
  KeyArena arena;
  std::vector<std::pair<std::string, std::string_view>> kept;
  // About 20 MB of block-sized blobs (a chunk of a 1M TM holds some 10 MB), an empty one, and
  // outsize ones among them.
  for (int i = 0; i < 5000; ++i) {
    const size_t size = i == 17 ? 0 : i % 1000 == 999 ? (size_t{3} << 20) + 5 : 1000 + i % 7000;
    std::string blob = Blob(size, i);
    const std::string_view at = arena.Keep(blob);
    ASSERT_EQ(at.size(), size);
    kept.emplace_back(std::move(blob), at);
  }
  for (size_t i = 0; i < kept.size(); ++i) {
    ASSERT_EQ(kept[i].second, kept[i].first) << "blob " << i;
  }
  // Small blobs follow one another in a slab: the first two are neighbours.
  EXPECT_EQ(kept[1].second.data(), kept[0].second.data() + kept[0].second.size());
  // Mapped: the bytes kept, rounded up to slabs, not a slab per outsize blob's neighbour.
  size_t total = 0;
  for (const auto& [blob, at] : kept) total += blob.size();
  EXPECT_GE(arena.mapped(), total);
  EXPECT_LE(arena.mapped(), total + (size_t{4} << 20) + 5 * (size_t{2} << 20));
}

TEST(KeyArena, AnOutsizeBlobLeavesTheSlabBeingFilled) {
  KeyArena arena;
  const std::string first = Blob(4000, 1);
  const std::string_view a = arena.Keep(first);
  const std::string huge = Blob(size_t{9} << 20, 2);
  const std::string_view b = arena.Keep(huge);
  const std::string second = Blob(4000, 3);
  const std::string_view c = arena.Keep(second);
  EXPECT_EQ(c.data(), a.data() + a.size());  // the same slab goes on filling
  EXPECT_EQ(a, first);
  EXPECT_EQ(b, huge);
  EXPECT_EQ(c, second);
}

}  // namespace
}  // namespace hashi::store
