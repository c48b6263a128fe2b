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

TEST(PostingCache, ForgetsTheListsItIsToldAndFindsTheOthers) {
  PostingCache cache;
  for (int64_t chunk = 0; chunk < 4; ++chunk) {
    for (int64_t token = 0; token < 100; ++token) {
      cache.Insert(PostingsRow(1, chunk, token), std::string(600, static_cast<char>('a' + chunk)));
    }
  }
  const size_t bytes = cache.bytes();
  cache.Forget([](int64_t rowid) { return (RowLowBits(rowid) >> kChunkShift) == 2; });
  for (int64_t chunk = 0; chunk < 4; ++chunk) {
    for (int64_t token = 0; token < 100; ++token) {
      const std::string_view* found = cache.Find(PostingsRow(1, chunk, token));
      if (chunk == 2) {
        EXPECT_EQ(found, nullptr) << token;
      } else {
        ASSERT_NE(found, nullptr) << chunk << " " << token;
        EXPECT_EQ(*found, std::string(600, static_cast<char>('a' + chunk)));
      }
    }
  }
  EXPECT_EQ(cache.bytes(), bytes);  // still held
  EXPECT_EQ(cache.forgotten_bytes() * 4, bytes);
  // Kept again after it was forgotten, and found through the growth that drops forgotten slots.
  for (int64_t token = 0; token < 2000; ++token) {
    cache.Insert(PostingsRow(1, 2, token), std::to_string(token));
  }
  for (int64_t token = 0; token < 2000; ++token) {
    const std::string_view* found = cache.Find(PostingsRow(1, 2, token));
    ASSERT_NE(found, nullptr) << token;
    EXPECT_EQ(*found, std::to_string(token));
  }
  ASSERT_NE(cache.Find(PostingsRow(1, 3, 99)), nullptr);
}

// A write by another connection makes the reader read again the chunks whose stamp changed,
// and only those: here a vi-only unit changes the vi chunk, and the en chunk's lengths, altered
// behind the index's back (stamp unchanged), are still served from the cache until its stamp
// changes too.
TEST(MatchIndexReaderCache, ReadsAgainOnlyTheChunksAWriteStamped) {
  hashi::testing::TempDir dir;
  auto open = [&] {
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(dir / "tm.db", OpenMode::kReadWrite);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(*store);
  };
  {
    Unit u;
    u.variants = {hashi::testing::MakeVariant("en", "The delegation visited Kyoto."),
                  hashi::testing::MakeVariant("vi", "Phái đoàn đã thăm Kyoto.")};
    hashi::testing::ImportUnits(*open(), {u}, "a.tmx");
  }
  sqlite3* db = nullptr;
  sqlite3* other = nullptr;  // a second connection: the reader sees its writes as a change
  ASSERT_EQ(sqlite3_open((dir / "tm.db").string().c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_open((dir / "tm.db").string().c_str(), &other), SQLITE_OK);
  auto exec = [&](const std::string& sql) {
    ASSERT_EQ(sqlite3_exec(other, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  };
  {
    MatchIndexReader reader(db);
    ASSERT_TRUE(reader.Refresh().ok());
    auto slot = [&](const std::string& lang, int unit) {
      Result<const std::vector<uint16_t>*> lengths = reader.Lengths(lang, 0);
      EXPECT_TRUE(lengths.ok());
      return lengths.ok() ? (**lengths)[unit] : uint16_t{0};
    };
    EXPECT_NE(slot("en", 1), kNoEntry);
    EXPECT_EQ(slot("vi", 2), kNoEntry);
    // en is language 1 of the index: its chunk 0 emptied, its stamp left as it was.
    exec("UPDATE match_lengths SET lengths = zeroblob(131072) WHERE id = " +
         std::to_string(ChunkRow(1, 0)));
    {
      Unit vi_only;
      vi_only.variants = {hashi::testing::MakeVariant("vi", "Một câu chỉ có tiếng Việt.")};
      hashi::testing::ImportUnits(*open(), {vi_only}, "b.tmx");
    }
    ASSERT_TRUE(reader.Refresh().ok());
    EXPECT_NE(slot("vi", 2), kNoEntry);  // read again: stamped by the import
    EXPECT_NE(slot("en", 1), kNoEntry);  // kept
    exec("UPDATE match_stamps SET stamp = stamp + 1 WHERE id = " + std::to_string(ChunkRow(1, 0)));
    ASSERT_TRUE(reader.Refresh().ok());
    EXPECT_EQ(slot("en", 1), kNoEntry);  // read again
  }
  sqlite3_close(other);
  sqlite3_close(db);
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
