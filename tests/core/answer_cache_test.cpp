// The store's cache of lookup answers (store/answer_cache.h): an answer is found again only for
// the same request in the same TM generation, the least recently used go first, and a lookup
// repeated after a write (through the same connection or another) sees the write.
#include "store/answer_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hashi/tm_store.h"
#include "match_test_util.h"
#include "test_support.h"

namespace hashi::store {
namespace {

using testing::MakeVariant;

std::vector<Match> AnswerOf(int64_t unit, size_t text_bytes = 40) {
  Match match;
  match.score = 87;
  match.unit = unit;
  match.origin = "news.tmx";
  match.source.text = std::string(text_bytes, 'a');
  match.targets["vi"].text = "Hai bên đã ký thỏa thuận.";
  return {match};
}

LookupRequest RequestFor(const std::string& text) {
  LookupRequest request;
  request.from = "en";
  request.to = {"vi", "ja"};
  request.query.text = text;
  return request;
}

TEST(AnswerCache, FindsAnAnswerOnlyInItsGeneration) {
  AnswerCache cache;
  const std::string key = AnswerCache::KeyOf(RequestFor("The two sides signed the agreement."));
  EXPECT_EQ(cache.Find(key, 1), nullptr);
  cache.Put(key, 1, AnswerOf(7));
  const std::vector<Match>* found = cache.Find(key, 1);
  ASSERT_NE(found, nullptr);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].unit, 7);
  EXPECT_EQ((*found)[0].targets.at("vi").text, "Hai bên đã ký thỏa thuận.");
  EXPECT_EQ(cache.Find(key, 2), nullptr);  // the TM changed: every answer is stale
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.Find(key, 1), nullptr);  // and stays gone
}

TEST(AnswerCache, TellsApartRequestsThatCanBeAnsweredDifferently) {
  const LookupRequest base = RequestFor("Hợp tác chiến lược");
  std::vector<LookupRequest> variants(10, base);
  variants[0].from = "vi-VN";
  variants[1].to = {"ja", "vi"};
  variants[2].to = {"vi"};
  variants[3].query.text = "Hợp tác chiến lươc";
  variants[4].query.codes.push_back(Code{CodeKind::kPh, "<br/>"});
  variants[5].min_score = 75;
  variants[6].limit = 6;
  variants[7].require_all_targets = true;
  variants[8].band_floors = {50, 75, 85, 95, 100};
  variants[9].to = {"vi,ja"};  // one odd tag is not the two tags
  const std::string key = AnswerCache::KeyOf(base);
  for (size_t i = 0; i < variants.size(); ++i) {
    EXPECT_NE(AnswerCache::KeyOf(variants[i]), key) << "variant " << i;
    for (size_t j = 0; j < i; ++j) {
      EXPECT_NE(AnswerCache::KeyOf(variants[i]), AnswerCache::KeyOf(variants[j])) << i << " " << j;
    }
  }
  // How the answer is computed does not change it.
  LookupRequest same = base;
  same.threads = 2;
  same.memory = NewLookupMemory();
  EXPECT_EQ(AnswerCache::KeyOf(same), key);
}

TEST(AnswerCache, ForgetsTheLeastRecentlyUsedFirst) {
  AnswerCache cache;
  // Answers of about 1 MB: the cache holds kAnswerCacheBytes / 1 MB of them.
  const size_t big = 1 << 20;
  const int fits = static_cast<int>(kAnswerCacheBytes / big) - 1;
  for (int i = 0; i < fits; ++i) cache.Put("q" + std::to_string(i), 1, AnswerOf(i, big));
  ASSERT_EQ(cache.size(), static_cast<size_t>(fits));
  ASSERT_NE(cache.Find("q0", 1), nullptr);  // q0 is now the most recently used, q1 the least
  cache.Put("new", 1, AnswerOf(100, big));
  cache.Put("newer", 1, AnswerOf(101, big));
  EXPECT_NE(cache.Find("q0", 1), nullptr);
  EXPECT_EQ(cache.Find("q1", 1), nullptr);
  EXPECT_NE(cache.Find("new", 1), nullptr);
  EXPECT_NE(cache.Find("newer", 1), nullptr);
  EXPECT_LE(cache.bytes(), kAnswerCacheBytes);
  // One answer too big to keep is not kept, and flushes nothing.
  const size_t before = cache.size();
  cache.Put("huge", 1, AnswerOf(102, kAnswerCacheBytes / 2));
  EXPECT_EQ(cache.Find("huge", 1), nullptr);
  EXPECT_EQ(cache.size(), before);
}

// Through a real store: repeated lookups answer alike, and a write by either connection shows.
TEST(AnswerCacheInStore, ARepeatedLookupSeesEveryWrite) {
  testing::TempDir dir;
  const auto path = dir.path() / "tm.sqlite";
  std::unique_ptr<TmStore> store = testing::OpenTm(path, OpenMode::kReadWrite);
  ASSERT_NE(store, nullptr);
  testing::ImportUnits(*store, testing::GenerateUnits(300, 5), "tm.tmx");
  const std::string query =
      "Vietnam and Japan signed a memorandum on cooperation in semiconductor training.";
  auto ask = [&](TmStore& s) {
    Result<std::vector<Match>> found = s.Lookup(RequestFor(query));
    EXPECT_TRUE(found.ok()) << found.status().ToString();
    std::string out;
    for (const Match& m : found.ok() ? *found : std::vector<Match>{}) {
      out += std::to_string(m.unit) + ":" + std::to_string(m.score) + ":" + m.source.text + "\n";
    }
    return out;
  };
  const std::string first = ask(*store);
  EXPECT_EQ(ask(*store), first);
  EXPECT_EQ(first.find("semiconductor"), std::string::npos);

  auto unit = [](const std::string& en) {
    Unit u;
    u.variants = {MakeVariant("en", en), MakeVariant("vi", "Hợp tác đào tạo bán dẫn."),
                  MakeVariant("ja", "半導体人材育成の覚書。")};
    return u;
  };
  // A write through another connection (another process would be the same to SQLite).
  {
    std::unique_ptr<TmStore> writer = testing::OpenTm(path, OpenMode::kReadWrite);
    ASSERT_NE(writer, nullptr);
    testing::ImportUnits(*writer, {unit(query)}, "other.tmx");
  }
  const std::string second = ask(*store);
  EXPECT_NE(second.find(":100:" + query), std::string::npos) << second;
  EXPECT_EQ(ask(*store), second);

  // A write through this connection.
  const std::string near =
      "Vietnam and Japan signed a memorandum on cooperation in semiconductor research.";
  testing::ImportUnits(*store, {unit(near)}, "own.tmx");
  const std::string third = ask(*store);
  EXPECT_NE(third.find(near), std::string::npos) << third;
}

}  // namespace
}  // namespace hashi::store
