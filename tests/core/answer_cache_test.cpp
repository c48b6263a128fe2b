// The store's cache of lookup answers (store/answer_cache.h): an answer is found again only for
// the same request in the same TM generation, the least recently used go first, and a lookup
// repeated after a write (through the same connection or another) sees the write.
#include "store/answer_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "hashi/tm_store.h"
#include "match_test_util.h"
#include "test_support.h"

namespace hashi {
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

TEST(AnswerCache, AnAnswerIsCurrentOnlyWhileItsGenerationLasts) {
  AnswerCache cache;
  const int64_t generation = cache.generation();
  const std::string key =
      AnswerCache::KeyOf("tm.sqlite", RequestFor("The two sides signed the agreement."));
  EXPECT_FALSE(cache.Find(key, generation));
  const UnitsState state{true, 2, 300};
  cache.Put(key, generation, state, AnswerOf(7));
  std::optional<AnswerCache::Kept> found = cache.Find(key, generation);
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->current);
  ASSERT_EQ(found->answer.size(), 1u);
  EXPECT_EQ(found->answer[0].unit, 7);
  EXPECT_EQ(found->answer[0].targets.at("vi").text, "Hai bên đã ký thỏa thuận.");
  cache.Changed();  // the TM changed: the answer is stale, but kept with its units' state
  for (int64_t asked : {generation, cache.generation()}) {
    found = cache.Find(key, asked);
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->current);
    EXPECT_EQ(found->state.last_unit, 300);
    EXPECT_EQ(found->answer[0].unit, 7);
  }
  // An answer computed before the change (its lookup read the old generation) is not current.
  cache.Put(key, generation, state, AnswerOf(8));
  found = cache.Find(key, cache.generation());
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->current);
  EXPECT_EQ(found->answer[0].unit, 8);
  // One computed after it is, and an older one does not replace it.
  cache.Put(key, cache.generation(), UnitsState{true, 2, 301}, AnswerOf(9));
  cache.Put(key, generation, state, AnswerOf(10));
  found = cache.Find(key, cache.generation());
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->current);
  EXPECT_EQ(found->answer[0].unit, 9);
  EXPECT_EQ(found->state.last_unit, 301);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(AnswerCache, AStateExtendsAnotherOnlyByAddedUnits) {
  const UnitsState before{true, 3, 100};
  EXPECT_TRUE(before.ExtendedBy(UnitsState{true, 3, 100}));
  EXPECT_TRUE(before.ExtendedBy(UnitsState{true, 3, 250}));
  EXPECT_FALSE(before.ExtendedBy(UnitsState{true, 4, 250}));  // a unit rewritten or removed
  EXPECT_FALSE(before.ExtendedBy(UnitsState{true, 3, 99}));
  EXPECT_FALSE(before.ExtendedBy(UnitsState{}));  // a TM without the count
  EXPECT_FALSE(UnitsState{}.ExtendedBy(before));
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
  const std::string key = AnswerCache::KeyOf("tm.sqlite", base);
  for (size_t i = 0; i < variants.size(); ++i) {
    EXPECT_NE(AnswerCache::KeyOf("tm.sqlite", variants[i]), key) << "variant " << i;
    for (size_t j = 0; j < i; ++j) {
      EXPECT_NE(AnswerCache::KeyOf("tm.sqlite", variants[i]),
                AnswerCache::KeyOf("tm.sqlite", variants[j]))
          << i << " " << j;
    }
  }
  // How the answer is computed does not change it.
  LookupRequest same = base;
  same.threads = 2;
  same.memory = NewLookupMemory();
  EXPECT_EQ(AnswerCache::KeyOf("tm.sqlite", same), key);
}

TEST(AnswerCache, ForgetsTheLeastRecentlyUsedFirst) {
  AnswerCache cache;
  // Answers of about 1 MB: the cache holds kAnswerCacheBytes / 1 MB of them.
  const size_t big = 1 << 20;
  const int fits = static_cast<int>(kAnswerCacheBytes / big) - 1;
  for (int i = 0; i < fits; ++i) cache.Put("q" + std::to_string(i), 0, {}, AnswerOf(i, big));
  ASSERT_EQ(cache.size(), static_cast<size_t>(fits));
  ASSERT_TRUE(cache.Find("q0", 0));  // q0 is now the most recently used, q1 the least
  cache.Put("new", 0, {}, AnswerOf(100, big));
  cache.Put("newer", 0, {}, AnswerOf(101, big));
  EXPECT_TRUE(cache.Find("q0", 0));
  EXPECT_FALSE(cache.Find("q1", 0));
  EXPECT_TRUE(cache.Find("new", 0));
  EXPECT_TRUE(cache.Find("newer", 0));
  EXPECT_LE(cache.bytes(), kAnswerCacheBytes);
  // One answer too big to keep is not kept, and flushes nothing.
  const size_t before = cache.size();
  cache.Put("huge", 0, {}, AnswerOf(102, kAnswerCacheBytes / 2));
  EXPECT_FALSE(cache.Find("huge", 0));
  EXPECT_EQ(cache.size(), before);
}

Unit UnitOf(const std::string& en) {
  Unit u;
  u.variants = {MakeVariant("en", en), MakeVariant("vi", "Hợp tác đào tạo bán dẫn."),
                MakeVariant("ja", "半導体人材育成の覚書。")};
  return u;
}

// A write through a connection of its own (another process would be the same to SQLite).
void ImportElsewhere(const std::filesystem::path& tm, const std::string& en,
                     const std::string& origin) {
  std::unique_ptr<TmStore> writer = testing::OpenTm(tm, OpenMode::kReadWrite);
  ASSERT_NE(writer, nullptr);
  testing::ImportUnits(*writer, {UnitOf(en)}, origin);
}

// The matches of `query` on `store`, one "unit:score:source" line each.
std::string Answer(TmStore& store, const std::string& query) {
  Result<std::vector<Match>> found = store.Lookup(RequestFor(query));
  EXPECT_TRUE(found.ok()) << found.status().ToString();
  std::string out;
  for (const Match& m : found.ok() ? *found : std::vector<Match>{}) {
    out += std::to_string(m.unit) + ":" + std::to_string(m.score) + ":" + m.source.text + "\n";
  }
  return out;
}

// Through a real store: repeated lookups answer alike, and a write by either connection shows.
TEST(AnswerCacheInStore, ARepeatedLookupSeesEveryWrite) {
  testing::TempDir dir;
  const auto path = testing::GeneratedTmAt(dir / "tm.sqlite", 300, 5);
  std::unique_ptr<TmStore> store = testing::OpenTm(path, OpenMode::kReadWrite);
  ASSERT_NE(store, nullptr);
  const std::string query =
      "Vietnam and Japan signed a memorandum on cooperation in semiconductor training.";
  const std::string first = Answer(*store, query);
  EXPECT_EQ(Answer(*store, query), first);
  EXPECT_EQ(first.find("semiconductor"), std::string::npos);

  ImportElsewhere(path, query, "other.tmx");
  const std::string second = Answer(*store, query);
  EXPECT_NE(second.find(":100:" + query), std::string::npos) << second;
  EXPECT_EQ(Answer(*store, query), second);

  // A write through another connection that a concordance search on this one sees first.
  const std::string other = "Vietnam and Japan signed a memorandum on semiconductor training.";
  ImportElsewhere(path, other, "later.tmx");
  ConcordRequest concord;
  concord.lang = "en";
  concord.phrase = "semiconductor";
  Result<std::vector<ConcordHit>> hits = store->Concord(concord);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits->size(), 2u);
  EXPECT_NE(Answer(*store, query).find(other), std::string::npos);

  // A write through this connection.
  const std::string near =
      "Vietnam and Japan signed a memorandum on cooperation in semiconductor research.";
  testing::ImportUnits(*store, {UnitOf(near)}, "own.tmx");
  const std::string third = Answer(*store, query);
  EXPECT_NE(third.find(near), std::string::npos) << third;
}

// Stores sharing one cache (as `hashi serve`'s readers do): one store's answer serves the
// others, and a commit seen by any of them retires it for all.
TEST(AnswerCacheInStore, StoresSharingACacheSeeEveryWrite) {
  testing::TempDir dir;
  const auto path = testing::GeneratedTmAt(dir / "tm.sqlite", 300, 6);
  StoreOptions options;
  options.answers = NewAnswerCache();
  Result<std::unique_ptr<TmStore>> first = OpenSqliteStore(path, OpenMode::kReadOnly, options);
  Result<std::unique_ptr<TmStore>> second = OpenSqliteStore(path, OpenMode::kReadOnly, options);
  ASSERT_TRUE(first.ok() && second.ok());
  const std::string query = "Hanoi hosted the first ASEAN forum on green hydrogen last week.";
  // Each store's first lookup opens its view of the TM (a new generation), then answers stay.
  Answer(**first, query);
  Answer(**second, query);
  const int64_t settled = options.answers->generation();
  EXPECT_EQ(Answer(**first, query), "");
  EXPECT_EQ(Answer(**second, query), "");
  EXPECT_EQ(options.answers->generation(), settled);
  EXPECT_EQ(options.answers->size(), 1u);  // one answer, kept once for both

  ImportElsewhere(path, query, "other.tmx");
  EXPECT_NE(Answer(**second, query).find(":100:" + query), std::string::npos);
  EXPECT_NE(Answer(**first, query).find(":100:" + query), std::string::npos);
}

}  // namespace
}  // namespace hashi
