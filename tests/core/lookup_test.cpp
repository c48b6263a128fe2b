// TmStore::Lookup: the score, the order, the options, and above all that the indexed search
// answers exactly what the exhaustive scan answers, on thousands of generated queries against
// a TM whose index went through every kind of write.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "hashi/matcher.h"
#include "hashi/normalizer.h"
#include "hashi/tm_store.h"
#include "match_test_util.h"
#include "store/answer_cache.h"
#include "test_support.h"

namespace hashi {
namespace {

using testing::ImportUnits;
using testing::MakeVariant;

Unit MakeUnit(const std::string& en, const std::string& vi, const std::string& ja,
              const std::string& changed = "20240101T000000Z") {
  Unit u;
  u.variants = {MakeVariant("en", en), MakeVariant("vi", vi), MakeVariant("ja", ja)};
  SetAttribute(u.attrs, "changedate", changed);
  return u;
}

class LookupTest : public ::testing::Test {
 protected:
  // Without the answer cache: these tests compare ways of searching (one thread and two,
  // keeping keys and not, indexed and exhaustive), which a cached answer would stand in for.
  std::unique_ptr<TmStore> Open(OpenMode mode = OpenMode::kReadWrite) {
    StoreOptions options;
    options.cache_answers = false;
    return testing::OpenTm(dir_ / "tm.db", mode, options);
  }
  static LookupRequest Request(const std::string& from, const std::string& text) {
    return testing::TrilingualRequest(from, text);
  }
  static std::vector<Match> Find(TmStore& store, LookupRequest r) {
    Result<std::vector<Match>> found = store.Lookup(r);
    EXPECT_TRUE(found.ok()) << found.status().ToString();
    return found.ok() ? *found : std::vector<Match>{};
  }
  // Runs the request indexed (keeping the keys it reads, and not: a one-off lookup compares
  // them where SQLite reads them) and exhaustively; checks all agree and returns the answer.
  static std::vector<Match> FindBoth(TmStore& store, LookupRequest r) {
    std::vector<Match> indexed = Find(store, r);
    r.keep_keys = false;
    EXPECT_EQ(Summary(Find(store, r)), Summary(indexed)) << "keeping no keys: " << r.query.text;
    r.exhaustive = true;
    std::vector<Match> reference = Find(store, r);
    EXPECT_EQ(Summary(indexed), Summary(reference)) << r.query.text;
    return indexed;
  }
  static std::string Summary(const std::vector<Match>& matches) {
    std::string out;
    for (const Match& m : matches) {
      out += std::to_string(m.unit) + ":" + std::to_string(m.score) + ":" + m.source_lang + ":" +
             m.source.text + "\n";
    }
    return out;
  }
  testing::TempDir dir_;
};

TEST_F(LookupTest, ScoresAsTheContractDefines) {
  auto store = Open();
  ImportUnits(*store,
              {MakeUnit("The two sides signed the agreement.", "Hai bên đã ký thỏa thuận.",
                        "両者は協定に署名した。")},
              "a.tmx");
  auto top = [&](const std::string& from, const std::string& q) {
    std::vector<Match> m = FindBoth(*store, Request(from, q));
    return m.empty() ? -1 : m.front().score;
  };
  EXPECT_EQ(top("en", "The two sides signed the agreement."), 100);
  EXPECT_EQ(top("en", "the two  sides signed THE agreement. "), 99);  // case, spacing
  EXPECT_EQ(top("vi", "Hai bên đã ký thoả thuận."), 99);              // tone placement
  EXPECT_EQ(top("ja", "両者は協定に署名した。"), 100);
  // 36 code points, one substituted: floor(100 * 35 / 36) = 97.
  EXPECT_EQ(top("en", "The two sides signed the agreemant."), 97);
  EXPECT_EQ(top("en", "Something else entirely, about the weather."), -1);
}

TEST_F(LookupTest, InlineCodesMakeItNinetyNine) {
  auto store = Open();
  Unit u = MakeUnit("", "Xin chào thế giới", "こんにちは世界");
  u.variants[0].segment.AppendText("Hello ");
  ASSERT_TRUE(u.variants[0].segment.AppendCode({CodeKind::kPh, "<ph/>"}).ok());
  u.variants[0].segment.AppendText("world");
  ImportUnits(*store, {u}, "a.tmx");
  std::vector<Match> m = FindBoth(*store, Request("en", "Hello world"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].score, 99);
  EXPECT_EQ(MatchScore(Segment{"Hello world", {}}, m[0].source), 99);
  EXPECT_EQ(MatchScore(m[0].source, m[0].source), 100);
}

TEST_F(LookupTest, OrdersByScoreThenChangeThenId) {
  auto store = Open();
  ImportUnits(*store,
              {MakeUnit("alpha beta gamma delta", "a", "あ", "20200101T000000Z"),
               MakeUnit("alpha beta gamma deltx", "b", "い", "20230101T000000Z"),
               MakeUnit("alpha beta gamma delty", "c", "う", "20230101T000000Z"),
               MakeUnit("alpha beta gamma deltz", "d", "え", "20210101T000000Z")},
              "a.tmx");
  std::vector<Match> m = FindBoth(*store, Request("en", "alpha beta gamma delta"));
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0].unit, 1);  // 100
  EXPECT_EQ(m[1].unit, 3);  // 95, changed 2023, higher id
  EXPECT_EQ(m[2].unit, 2);  // 95, changed 2023
  EXPECT_EQ(m[3].unit, 4);  // 95, changed 2021
  LookupRequest r = Request("en", "alpha beta gamma delta");
  r.limit = 2;
  EXPECT_EQ(Summary(FindBoth(*store, r)), Summary({m[0], m[1]}));
  r.min_score = 100;
  EXPECT_EQ(FindBoth(*store, r).size(), 1u);
}

TEST_F(LookupTest, TargetsAreTheRequestedLanguages) {
  auto store = Open();
  ImportUnits(*store, {MakeUnit("Good morning.", "Chào buổi sáng.", "おはようございます。")},
              "a.tmx");
  LookupRequest r = Request("ja", "おはようございます");
  r.to = {"vi"};
  std::vector<Match> m = FindBoth(*store, r);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].source.text, "おはようございます。");
  ASSERT_EQ(m[0].targets.size(), 1u);
  EXPECT_EQ(m[0].targets.at("vi").text, "Chào buổi sáng.");
  EXPECT_EQ(m[0].origin, "a.tmx");
}

TEST_F(LookupTest, RegionsMatchOnlyWhenBothSidesGiveOne) {
  auto store = Open();
  Unit u = MakeUnit("colour of the flag", "màu cờ", "旗の色");
  u.variants[0].lang = "en-GB";
  ImportUnits(*store, {u}, "a.tmx");
  EXPECT_EQ(FindBoth(*store, Request("en", "colour of the flag")).size(), 1u);
  EXPECT_EQ(FindBoth(*store, Request("en-GB", "colour of the flag")).size(), 1u);
  EXPECT_EQ(FindBoth(*store, Request("en-US", "colour of the flag")).size(), 0u);
}

TEST_F(LookupTest, ABestVariantStandsForAUnitWithTwoInOneLanguage) {
  auto store = Open();
  Unit u = MakeUnit("the colour of money", "màu của tiền", "お金の色");
  u.variants[0].lang = "en-GB";
  u.variants.push_back(MakeVariant("en-US", "the color of money"));
  ImportUnits(*store, {u}, "a.tmx");
  std::vector<Match> m = FindBoth(*store, Request("en", "the color of money"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].score, 100);
  EXPECT_EQ(m[0].source_lang, "en-US");
}

TEST_F(LookupTest, RequireAllTargetsSkipsUnitsLackingOne) {
  auto store = Open();
  Unit partial = MakeUnit("shared sentence here", "câu chung", "共通の文");
  partial.variants.pop_back();  // no Japanese
  ImportUnits(*store, {partial, MakeUnit("shared sentence hers", "câu chung", "共通の文")}, "a");
  LookupRequest r = Request("en", "shared sentence here");
  r.to = {"ja"};
  EXPECT_EQ(FindBoth(*store, r).size(), 2u);
  r.require_all_targets = true;
  std::vector<Match> m = FindBoth(*store, r);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].unit, 2);
}

TEST_F(LookupTest, BadRequestsAreUsageErrors) {
  auto store = Open();
  LookupRequest r = Request("en", "text");
  r.min_score = 150;
  EXPECT_EQ(store->Lookup(r).status().code(), ErrorCode::kUsage);
  r.min_score = -1;
  EXPECT_EQ(store->Lookup(r).status().code(), ErrorCode::kUsage);
  r = Request("en", "text");
  r.limit = 0;
  EXPECT_EQ(store->Lookup(r).status().code(), ErrorCode::kUsage);
  r = Request("e_n", "text");
  EXPECT_EQ(store->Lookup(r).status().code(), ErrorCode::kUsage);
}

TEST_F(LookupTest, EmptyTmAndMissingLanguageAnswerNothing) {
  auto store = Open();
  EXPECT_TRUE(FindBoth(*store, Request("en", "anything at all")).empty());
  ImportUnits(*store, {MakeUnit("Hello", "Xin chào", "こんにちは")}, "a.tmx");
  EXPECT_TRUE(FindBoth(*store, Request("ko", "안녕하세요")).empty());
}

TEST_F(LookupTest, EmptyQueryMatchesOnlyEmptySources) {
  auto store = Open();
  Unit codes_only = MakeUnit("", "Xin chào", "こんにちは");
  ASSERT_TRUE(codes_only.variants[0].segment.AppendCode({CodeKind::kPh, "<ph/>"}).ok());
  ImportUnits(*store, {codes_only, MakeUnit("Hello", "Xin chào", "こんにちは")}, "a.tmx");
  std::vector<Match> m = FindBoth(*store, Request("en", "   "));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].unit, 1);
  EXPECT_EQ(m[0].score, 99);  // equal (empty) keys, different codes
}

TEST_F(LookupTest, AVeryLongQueryIsAnsweredToo) {
  auto store = Open();
  std::string long_text;
  while (long_text.size() < 10000) long_text += "The delegation visited the factory. ";
  ImportUnits(*store, {MakeUnit(long_text, "dài", "長い"), MakeUnit("short", "ngắn", "短い")},
              "a.tmx");
  std::vector<Match> m = FindBoth(*store, Request("en", long_text.substr(0, 10000)));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_GE(m[0].score, 99);
  EXPECT_TRUE(FindBoth(*store, Request("en", std::string(10000, 'x'))).empty());
}

// Takes a TM of schema version 4 back to version 3 (SQL to run before the older steps).
constexpr const char* kUndoVersion4 =
    "DROP TRIGGER unit_deleted; DROP TRIGGER unit_updated; DROP TRIGGER origin_deleted;"
    "DROP TRIGGER origin_renamed; DROP TABLE rewrites;";

// Spreads the stored units' ids over several chunks of the index, then rebuilds the index
// the way the migration from schema version 1 does.
void SpreadIdsAndReindex(const std::filesystem::path& tm) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(tm.string().c_str(), &db), SQLITE_OK);
  const std::string sql =
      std::string(kUndoVersion4) +
      "UPDATE units SET id = id * 97 + 1000000;"
      "DROP TABLE match_langs; DROP TABLE match_tokens; DROP TABLE match_postings;"
      "DROP TABLE match_lengths; DROP TABLE match_keys; DROP TABLE match_stamps;"
      "PRAGMA user_version = 1;";
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

// The test the issue asks for: thousands of generated queries (exact, fuzzy, short, unrelated,
// in three languages), each answered by the index exactly as by the exhaustive scan, on a TM
// whose index was rebuilt by the migration (ids spread over several chunks), then appended to
// (a chunk already on disk), then partly replaced (deletions).
TEST_F(LookupTest, IndexedSearchEqualsExhaustiveScanOnThousandsOfQueries) {
  std::vector<Unit> first = testing::GenerateUnits(1500, 1);
  {
    auto store = Open();
    ImportUnits(*store, first, "first.tmx");
  }
  SpreadIdsAndReindex(dir_ / "tm.db");
  auto store = Open();
  ImportUnits(*store, testing::GenerateUnits(600, 2), "second.tmx");
  std::vector<Unit> replaced(first.begin(), first.begin() + 300);
  ImportUnits(*store, replaced, "third.tmx", DuplicatePolicy::kReplace);

  std::vector<Unit> all = first;
  const std::vector<testing::GeneratedQuery> queries = testing::GenerateQueries(all, 3000, 3);
  int with_matches = 0, short_queries = 0, empty_answers = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    LookupRequest r = Request(queries[i].lang, queries[i].text);
    r.min_score = i % 5 == 0 ? 50 : i % 5 == 1 ? 95 : 70;
    r.limit = i % 7 == 0 ? 20 : i % 7 == 1 ? 1 : 5;
    const std::vector<Match> m = FindBoth(*store, r);
    with_matches += m.empty() ? 0 : 1;
    empty_answers += m.empty() ? 1 : 0;
    short_queries += CodePointCount(queries[i].text) <= 30 ? 1 : 0;
    if (HasFailure()) {
      ADD_FAILURE() << "query " << i << " (" << queries[i].lang << "): " << queries[i].text;
      break;
    }
  }
  EXPECT_GT(with_matches, 1000);
  EXPECT_GT(empty_answers, 100);
  EXPECT_GT(short_queries, 200);
}

// The same on a TM dense enough for every form a posting list takes: 15,000 units in one
// chunk, so that common bigrams are stored as bitmaps and the reader's cache turns long sparse
// lists into bitmaps (from the second query on), and big candidate batches are verified.
TEST_F(LookupTest, IndexedSearchEqualsExhaustiveScanOnADenseChunk) {
  std::vector<Unit> units = testing::GenerateUnits(15000, 7);
  auto store = Open();
  ImportUnits(*store, units, "dense.tmx");
  const std::vector<testing::GeneratedQuery> queries = testing::GenerateQueries(units, 200, 8);
  int with_matches = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    LookupRequest r = Request(queries[i].lang, queries[i].text);
    r.min_score = i % 3 == 0 ? 60 : i % 3 == 1 ? 85 : 70;
    r.limit = i % 4 == 0 ? 1 : 5;
    with_matches += FindBoth(*store, r).empty() ? 0 : 1;
    if (HasFailure()) {
      ADD_FAILURE() << "query " << i << " (" << queries[i].lang << "): " << queries[i].text;
      break;
    }
  }
  EXPECT_GT(with_matches, 100);
}

// A lookup may use a second thread for a large batch of candidates (thousands at one bound:
// 12,000 units that differ only in their numbers all reach the same bound). Its answers are
// exactly those of one thread and of the exhaustive scan, whichever thread compares a unit.
TEST_F(LookupTest, SecondThreadAnswersExactlyAsOne) {
  std::vector<Unit> units;
  for (int i = 0; i < 12000; ++i) {
    const std::string n = std::to_string(10000 + i * 7 % 90000);
    const std::string year = std::to_string(2000 + i % 25);
    units.push_back(MakeUnit("Report " + n + " of the trade office, filed in " + year + ".",
                             "Báo cáo " + n + " của văn phòng thương mại, năm " + year + ".",
                             "貿易事務所の報告書" + n + "号（" + year + "年）。",
                             "2024" + std::to_string(1000 + i % 1200).substr(0, 4) + "T000000Z"));
  }
  auto store = Open();
  ImportUnits(*store, units, "tm.tmx");
  const char* const queries[][2] = {
      {"en", "Report 12345 of the trade office, filed in 2011."},
      {"en", "Report 99999 of the trade office, filed in 1999."},
      {"en", "Report of the trade office."},
      {"vi", "Bao cao 55555 cua van phong thuong mai, nam 2020."},
      {"ja", "貿易事務所の報告書12345号（2011年）。"},
  };
  int answered = 0;
  for (const auto& [lang, text] : queries) {
    for (int min : {40, 70, 90}) {
      for (int limit : {1, 5, 100}) {
        LookupRequest r = Request(lang, text);
        r.min_score = min;
        r.limit = limit;
        r.threads = 1;
        const std::vector<Match> one = Find(*store, r);
        r.threads = 2;
        const std::vector<Match> two = FindBoth(*store, r);
        EXPECT_EQ(Summary(two), Summary(one)) << text << " --min " << min << " --limit " << limit;
        answered += two.empty() ? 0 : 1;
      }
    }
  }
  EXPECT_GE(answered, 30);
}

// Past two chunks of units (65,536 each), a second thread counts the tokens of a large batch
// into half the chunks, and extracts a round's candidates from half the chunks when the first
// yields thousands. Answers stay those of one thread and of the exhaustive scan.
TEST_F(LookupTest, SecondThreadCountsAndExtractsHalfTheChunksAndAnswersAsOne) {
  std::vector<Unit> units;
  for (int i = 0; i < 140000; ++i) {
    const std::string n = std::to_string(100000 + i * 7 % 900000);
    Unit u;
    u.variants = {MakeVariant("en", "Note " + n + " of the trade office, filed in " +
                                        std::to_string(2000 + i % 25) + "."),
                  MakeVariant("vi", "Ghi chú " + n + ".")};
    // Later units are newer: among equal scores they come first, so an answer misses them
    // if the chunks the second thread extracts are lost.
    SetAttribute(
        u.attrs, "changedate",
        "2024" + std::to_string(1000 + i / 20000) + "T" + std::to_string(100000 + i % 10000) + "Z");
    units.push_back(std::move(u));
  }
  auto store = Open();
  ImportUnits(*store, units, "tm.tmx");
  ASSERT_GT(units.size(), size_t{2} << 16);
  for (const char* text :
       {"Note 4321 of the trade office, filed in 2011.",
        "A note of the office of trade, filed in the year 2011.", "Note of the trade office."}) {
    for (int min : {50, 70, 90}) {
      LookupRequest r = Request("en", text);
      r.to = {"vi"};
      r.min_score = min;
      r.limit = min == 90 ? 200 : 5000;
      r.threads = 1;
      const std::vector<Match> one = Find(*store, r);
      r.threads = 2;
      EXPECT_EQ(Summary(FindBoth(*store, r)), Summary(one)) << text << " --min " << min;
    }
  }
}

int BandFloorOf(int score) { return testing::BandFloorOf(score, {50, 75, 85, 95, 100}); }

// Band mode (what an analysis asks): the answer is a match of the band the best match falls
// in, indexed and exhaustive alike, and no match when the best is below the lowest band.
TEST_F(LookupTest, BandModeAnswersTheBandOfTheBestMatch) {
  std::vector<Unit> units = testing::GenerateUnits(1200, 5);
  auto store = Open();
  ImportUnits(*store, units, "tm.tmx");
  const std::vector<testing::GeneratedQuery> queries = testing::GenerateQueries(units, 800, 6);
  int banded = 0;
  for (const testing::GeneratedQuery& q : queries) {
    LookupRequest best = Request(q.lang, q.text);
    best.min_score = 50;
    best.limit = 1;
    const std::vector<Match> top = Find(*store, best);
    LookupRequest band = best;
    band.band_floors = {50, 75, 85, 95, 100};
    for (bool exhaustive : {false, true}) {
      band.exhaustive = exhaustive;
      const std::vector<Match> found = Find(*store, band);
      ASSERT_EQ(found.size(), top.size()) << q.text;
      if (top.empty()) continue;
      EXPECT_EQ(BandFloorOf(found[0].score), BandFloorOf(top[0].score)) << q.text;
      banded += exhaustive ? 0 : 1;
    }
  }
  EXPECT_GT(banded, 400);
}

TEST_F(LookupTest, ReplacedUnitsAreNotFoundAnyMore) {
  auto store = Open();
  ImportUnits(*store, {MakeUnit("An old sentence to replace.", "Cũ", "古い")}, "a.tmx");
  Unit same = MakeUnit("An old sentence to replace.", "Cũ", "古い");
  ImportUnits(*store, {same}, "b.tmx", DuplicatePolicy::kReplace);
  std::vector<Match> m = FindBoth(*store, Request("en", "An old sentence to replace."));
  ASSERT_EQ(m.size(), 1u);
  // SQLite gives the new unit the id of the deleted one (it was the highest): the index
  // slot is reused over the old unit's postings, which must not matter.
  EXPECT_EQ(m[0].origin, "b.tmx");
  ImportUnits(*store, {MakeUnit("Another old sentence to replace.", "Cũ 2", "古い2")}, "c.tmx");
  ImportUnits(*store, {MakeUnit("Another old sentence to replace.", "Cũ 2", "古い2")}, "d.tmx",
              DuplicatePolicy::kReplace);
  m = FindBoth(*store, Request("en", "Another old sentence to replace."));
  ASSERT_EQ(m.size(), 2u);  // the first replaced unit scores 93 against it
  EXPECT_EQ(m[0].origin, "d.tmx");
}

TEST_F(LookupTest, AStoreSeesWhatAnotherConnectionImported) {
  auto reader = Open(OpenMode::kReadWrite);
  EXPECT_TRUE(FindBoth(*reader, Request("en", "Fresh news today")).empty());
  {
    auto writer = Open();
    ImportUnits(*writer, {MakeUnit("Fresh news today", "Tin mới", "新しいニュース")}, "a.tmx");
  }
  EXPECT_EQ(FindBoth(*reader, Request("en", "Fresh news today")).size(), 1u);
}

// A store that has answered queries keeps what it cached of the chunks another connection's
// writes left alone (store/match_index_reader.h). Whatever it keeps, its answers after each
// write are exactly the exhaustive scan's: appended units, replaced ones (deleted in early
// chunks), and the highest id given again to a new unit are all seen.
TEST_F(LookupTest, AWarmStoreAnswersExactlyAfterAnotherConnectionsWrites) {
  std::vector<Unit> first = testing::GenerateUnits(1200, 11);
  {
    auto store = Open();
    ImportUnits(*store, first, "first.tmx");
  }
  SpreadIdsAndReindex(dir_ / "tm.db");  // ids over several chunks
  Open();                               // rebuilds the index (the migration)
  auto reader = Open(OpenMode::kReadOnly);
  ASSERT_NE(reader, nullptr);
  auto ask = [&](const std::vector<Unit>& units, uint64_t seed) {
    for (const testing::GeneratedQuery& q : testing::GenerateQueries(units, 60, seed)) {
      FindBoth(*reader, Request(q.lang, q.text));
      if (HasFailure()) return;
    }
  };
  ask(first, 12);  // warm
  std::vector<Unit> added = testing::GenerateUnits(300, 13);
  {
    auto writer = Open();
    ImportUnits(*writer, added, "added.tmx");
  }
  ask(added, 14);
  ask(first, 15);
  std::vector<Unit> replaced(first.begin() + 100, first.begin() + 250);
  replaced.push_back(added.back());  // the highest id: SQLite gives it to the next new unit
  {
    auto writer = Open();
    ImportUnits(*writer, replaced, "replaced.tmx", DuplicatePolicy::kReplace);
  }
  ask(replaced, 16);
  ask(first, 17);
  std::vector<Match> m =
      FindBoth(*reader, Request("en", replaced.front().variants[0].segment.text));
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].origin, "replaced.tmx");
}

// A server's answers kept from before an import are extended with the units it added (only
// those are searched) rather than searched again: each answer is then exactly the exhaustive
// scan's, with a full answer's threshold raised (limit 1 and 2) and with ids spread over several
// chunks (the search skips the chunks before the first added unit, and masks that chunk's
// earlier slots). A write that removes units (replacement) makes them be searched in full.
TEST_F(LookupTest, KeptAnswersAreExtendedExactlyByTheUnitsAnImportAdds) {
  std::vector<Unit> first = testing::GenerateUnits(1200, 21);
  {
    auto store = Open();
    ImportUnits(*store, first, "first.tmx");
  }
  SpreadIdsAndReindex(dir_ / "tm.db");
  Open();  // rebuilds the index (the migration)
  StoreOptions options;
  options.answers = NewAnswerCache();
  auto cached = testing::OpenTm(dir_ / "tm.db", OpenMode::kReadOnly, options);
  auto reference = Open(OpenMode::kReadOnly);
  ASSERT_TRUE(cached && reference);
  const std::vector<Unit> added = testing::GenerateUnits(400, 23);
  std::vector<LookupRequest> requests;
  for (const auto& units : {first, added}) {
    for (const testing::GeneratedQuery& q : testing::GenerateQueries(units, 60, 22)) {
      requests.push_back(Request(q.lang, q.text));
      requests.push_back(Request(q.lang, q.text));
      requests.back().limit = 1 + requests.size() % 2;
    }
  }
  auto ask = [&] {
    for (LookupRequest r : requests) {
      const std::string answer = Summary(Find(*cached, r));
      r.exhaustive = true;
      EXPECT_EQ(answer, Summary(Find(*reference, r))) << r.query.text << " limit " << r.limit;
      if (HasFailure()) return;
    }
  };
  ask();
  const int64_t extended = options.answers->extended();
  {
    auto writer = Open();
    ImportUnits(*writer, added, "added.tmx");
  }
  ask();
  EXPECT_EQ(options.answers->extended(), extended + static_cast<int64_t>(requests.size()));
  std::vector<Unit> replaced(first.begin() + 100, first.begin() + 400);
  {
    auto writer = Open();
    ImportUnits(*writer, replaced, "replaced.tmx", DuplicatePolicy::kReplace);
  }
  ask();
  EXPECT_EQ(options.answers->extended(), extended + static_cast<int64_t>(requests.size()));
}

// A TM of schema version 2 (before match_stamps) is read without a write first; a reader on it
// drops all its caches on any change, so a unit another connection stores (which migrates the
// TM) is found at once.
TEST_F(LookupTest, AVersionTwoTmIsReadAsItIs) {
  {
    auto store = Open();
    ImportUnits(*store, {MakeUnit("The embassy opened a new office.", "Mới", "新しい")}, "a.tmx");
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "tm.db").string().c_str(), &db), SQLITE_OK);
  const std::string sql =
      std::string(kUndoVersion4) + "DROP TABLE match_stamps; PRAGMA user_version = 2;";
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto reader = Open(OpenMode::kReadOnly);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(FindBoth(*reader, Request("en", "The embassy opened a new office.")).size(), 1u);
  {
    auto writer = Open();
    ImportUnits(*writer, {MakeUnit("The embassy opened a new offices.", "Mới 2", "新しい2")},
                "b.tmx");
  }
  EXPECT_EQ(FindBoth(*reader, Request("en", "The embassy opened a new office.")).size(), 2u);
}

}  // namespace
}  // namespace hashi
