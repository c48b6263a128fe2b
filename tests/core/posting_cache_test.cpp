// The store's cache of posting lists (store/posting_cache.h): every list kept is found again,
// its bytes unmoved as the table grows, and nothing else is found; and what the match index
// reader keeps in it holds the same units as the list stored.
#include "store/posting_cache.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "hashi/tm_store.h"
#include "match/gram_tokens.h"
#include "match/posting_chunk.h"
#include "match_test_util.h"
#include "store/match_index_format.h"
#include "store/match_index_reader.h"
#include "test_support.h"

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

// A list too long for the byte counters is kept as a bitmap, from a connection's second query
// on (the first reads it as stored); both forms hold the same units.
TEST(MatchIndexReaderCache, KeepsLongSparseListsAsBitmapsOfTheSameUnits) {
  hashi::testing::TempDir dir;
  {
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(dir / "tm.db", OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<Unit> units;
    for (int i = 0; i < 6000; ++i) {  // "ky" in every other unit: 3,000 of one chunk
      Unit u;
      u.variants = {hashi::testing::MakeVariant(
          "en", "Delegation " + std::to_string(i) + " visited " + (i % 2 ? "Osaka." : "Kyoto."))};
      units.push_back(std::move(u));
    }
    hashi::testing::ImportUnits(**store, std::move(units), "tm.tmx");
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((dir / "tm.db").string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  {
    MatchIndexReader reader(db);
    ASSERT_TRUE(reader.Refresh().ok());
    Result<MatchIndexReader::TokenInfo> token = reader.Token("en", match::GramText(U'k', U'y'), 1);
    ASSERT_TRUE(token.ok());
    ASSERT_GE(token->number, 0);
    EXPECT_EQ(token->units, 3000);
    Result<std::string_view> stored = reader.Postings("en", 0, token->number);
    ASSERT_TRUE(stored.ok());
    const std::string as_stored(*stored);
    ASSERT_FALSE(as_stored.empty());
    EXPECT_EQ(as_stored[0], 0);  // sparse on disk: smaller than the bitmap
    ASSERT_TRUE(reader.Refresh().ok());  // the second query
    ASSERT_TRUE(reader.Postings("en", 0, token->number).ok());
    Result<std::string_view> kept = reader.Postings("en", 0, token->number);  // from the cache
    ASSERT_TRUE(kept.ok());
    ASSERT_EQ(kept->size(), match::kChunkWords * 8 + 1u);
    EXPECT_EQ((*kept)[0], 1);
    std::vector<uint16_t> stored_slots, kept_slots;
    ASSERT_TRUE(match::DecodePostings(as_stored, stored_slots));
    ASSERT_TRUE(match::DecodePostings(*kept, kept_slots));
    EXPECT_EQ(stored_slots.size(), 3000u);
    EXPECT_EQ(kept_slots, stored_slots);
  }
  sqlite3_close(db);
}

}  // namespace
}  // namespace hashi::store
