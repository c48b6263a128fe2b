// The store's cache of posting lists (store/posting_cache.h): every list kept is found again,
// its bytes unmoved as the table grows, and nothing else is found.
#include "store/posting_cache.h"

#include <gtest/gtest.h>

#include <string>

#include "store/match_index_format.h"

namespace hashi::store {
namespace {

TEST(PostingCache, FindsWhatItKeptThroughGrowth) {
  PostingCache cache;
  EXPECT_EQ(cache.Find(PostingsRow(1, 0, 7)), nullptr);
  const std::string_view first = cache.Insert(PostingsRow(1, 0, 7), std::string(600, 'a'));
  // Rowids as the index makes them: several languages and chunks, tokens counting up.
  for (int lang = 1; lang <= 3; ++lang) {
    for (int64_t chunk = 0; chunk < 16; ++chunk) {
      for (int64_t token = 8; token < 300; ++token) {
        cache.Insert(PostingsRow(lang, chunk, token), std::to_string(lang * chunk * token));
      }
    }
  }
  for (int lang = 1; lang <= 3; ++lang) {
    for (int64_t chunk = 0; chunk < 16; ++chunk) {
      for (int64_t token = 8; token < 300; ++token) {
        const std::string_view* found = cache.Find(PostingsRow(lang, chunk, token));
        ASSERT_NE(found, nullptr) << lang << " " << chunk << " " << token;
        ASSERT_EQ(*found, std::to_string(lang * chunk * token));
      }
    }
  }
  ASSERT_NE(cache.Find(PostingsRow(1, 0, 7)), nullptr);
  EXPECT_EQ(cache.Find(PostingsRow(1, 0, 7))->data(), first.data());  // never moved
  EXPECT_EQ(cache.Find(PostingsRow(4, 0, 8)), nullptr);
  EXPECT_EQ(cache.Find(PostingsRow(1, 16, 8)), nullptr);
  EXPECT_GT(cache.bytes(), 600u);
  cache.Clear();
  EXPECT_EQ(cache.Find(PostingsRow(1, 0, 7)), nullptr);
  EXPECT_EQ(cache.bytes(), 0u);
}

}  // namespace
}  // namespace hashi::store
