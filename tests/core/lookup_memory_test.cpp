// LookupMemory: lookups that share one answer exactly as they would alone (and as the
// exhaustive scan does), whether a pivot answers them or not, and a pivot stops serving once
// the TM changes.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "hashi/matcher.h"
#include "hashi/normalizer.h"
#include "hashi/tm_store.h"
#include "match_test_util.h"
#include "test_support.h"

namespace hashi {
namespace {

using testing::ImportUnits;
using testing::MakeVariant;

// Sentences of patterns the generated TM (match_test_util) never uses: a job's segments that
// have no match but resemble one another. {0} a country, {1} a city, {2} a number, {3} a day.
struct Pattern {
  const char* en;
  const char* vi;
  const char* ja;
};
const Pattern kUnmatched[] = {
    {"The national football team will play a friendly match against {0} at {1} Stadium next "
     "{3}.",
     "Đội tuyển bóng đá quốc gia sẽ đá giao hữu với {0} tại sân vận động {1} vào {3} tới.",
     "サッカー代表は来週{3}、{1}スタジアムで{0}と親善試合を行う。"},
    {"Doctors at {1} Hospital successfully performed a rare liver transplant on a {2}-year-old "
     "patient from {0}.",
     "Các bác sĩ Bệnh viện {1} đã ghép gan thành công cho một bệnh nhân {2} tuổi đến từ {0}.",
     "{1}病院の医師団は、{0}出身の{2}歳の患者への珍しい肝臓移植に成功した。"},
};
const char* kPlaces[][3] = {{"Korea", "Hàn Quốc", "韓国"},
                            {"Saitama", "Saitama", "埼玉"},
                            {"Huế", "Huế", "フエ"},
                            {"Osaka", "Osaka", "大阪"},
                            {"Bạch Mai", "Bạch Mai", "バクマイ"},
                            {"Thailand", "Thái Lan", "タイ"}};
const char* kDays[][3] = {{"Tuesday", "thứ Ba", "火曜日"},
                          {"Friday", "thứ Sáu", "金曜日"},
                          {"Sunday", "Chủ nhật", "日曜日"}};

const char* Tag(int lang) { return lang == 0 ? "en" : lang == 1 ? "vi" : "ja"; }

// A sentence of one of kUnmatched's patterns, in language `lang` (0 en, 1 vi, 2 ja).
std::string UnmatchedSentence(std::mt19937& rng, int lang) {
  const Pattern& p = kUnmatched[rng() % std::size(kUnmatched)];
  const std::string slots[4] = {
      kPlaces[rng() % std::size(kPlaces)][lang], kPlaces[rng() % std::size(kPlaces)][lang],
      std::to_string(20 + rng() % 4), kDays[rng() % std::size(kDays)][lang]};
  return testing::FillSlots(lang == 0 ? p.en : lang == 1 ? p.vi : p.ja, slots);
}

// A sentence with a tail nine tenths its length: the sentence alone scores 52 against it
// (every edit an insertion), and a sentence of the same pattern a few slots away below 50.
std::string WithTail(const std::string& sentence) {
  const size_t length = CodePointCount(sentence);
  std::string tail = " ";
  while (tail.size() < length * 9 / 10) tail += "Photo: the press office. ";
  return sentence + tail.substr(0, length * 9 / 10);
}

// Units of kUnmatched's sentences with tails, and the sentences (queries matching them at 52).
void HalfMatches(int count, uint32_t seed, std::vector<Unit>& units,
                 std::vector<testing::GeneratedQuery>& sentences) {
  std::mt19937 rng(seed);
  for (int i = 0; i < count; ++i) {
    Unit u;
    for (int lang = 0; lang < 3; ++lang) {
      const std::string sentence = UnmatchedSentence(rng, lang);
      u.variants.push_back(MakeVariant(Tag(lang), WithTail(sentence)));
      if (lang == i % 3) sentences.push_back({Tag(lang), sentence});
    }
    units.push_back(std::move(u));
  }
}

// A job's segments in families: sentences of kUnmatched's patterns with other slots.
std::vector<testing::GeneratedQuery> UnmatchedFamilies(int count, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<testing::GeneratedQuery> queries;
  for (int i = 0; i < count; ++i) {
    const int lang = static_cast<int>(rng() % 3);
    queries.push_back({Tag(lang), UnmatchedSentence(rng, lang)});
  }
  return queries;
}

class LookupMemoryTest : public ::testing::Test {
 protected:
  std::unique_ptr<TmStore> Open(OpenMode mode = OpenMode::kReadWrite) {
    return testing::OpenTm(dir_ / "tm.db", mode);
  }
  static LookupRequest Request(const std::string& from, const std::string& text) {
    return testing::TrilingualRequest(from, text);
  }
  static std::string Answer(TmStore& store, const LookupRequest& r) {
    Result<std::vector<Match>> found = store.Lookup(r);
    EXPECT_TRUE(found.ok()) << found.status().ToString();
    std::string out;
    for (const Match& m : found.ok() ? *found : std::vector<Match>{}) {
      // Band mode answers one match of the best match's band, not always the same one.
      if (!r.band_floors.empty())
        return "band " + std::to_string(testing::BandFloorOf(m.score, r.band_floors));
      out += std::to_string(m.unit) + ":" + std::to_string(m.score) + "\n";
    }
    return out;
  }
  // The answer with `memory`, checked against the exhaustive scan (which uses none).
  static std::string AnswerChecked(TmStore& store, LookupRequest r) {
    const std::string with = Answer(store, r);
    r.memory = nullptr;
    r.exhaustive = true;
    EXPECT_EQ(with, Answer(store, r)) << r.query.text << " --min " << r.min_score;
    return with;
  }
  static LookupMemoryOptions EveryQuery() {
    LookupMemoryOptions options;
    options.pivot_after = 1;  // the TMs here are small
    return options;
  }
  testing::TempDir dir_;
};

// Band mode (an analysis) and plain lookups at 50 and 60 with one memory: every answer is the
// exhaustive scan's, many come from pivots, and some of those are matches.
TEST_F(LookupMemoryTest, AnswersAreTheExhaustiveScansWithPivotsOrWithout) {
  const std::vector<Unit> units = testing::GenerateUnits(3000, 21);
  auto store = Open();
  ImportUnits(*store, units, "tm.tmx");
  std::vector<Unit> half;
  std::vector<testing::GeneratedQuery> sentences;
  HalfMatches(60, 24, half, sentences);
  ImportUnits(*store, half, "half.tmx");
  // Unmatched segments first (they leave pivots), then among them those matching at 52, and
  // the usual mix of queries throughout.
  std::vector<testing::GeneratedQuery> queries = UnmatchedFamilies(240, 22);
  for (size_t i = 0; i < sentences.size(); ++i) {
    queries.insert(queries.begin() + 120 + 2 * i, sentences[i]);
  }
  const std::vector<testing::GeneratedQuery> usual = testing::GenerateQueries(units, 120, 23);
  for (size_t i = 0; i < usual.size(); ++i) queries.insert(queries.begin() + 3 * i, usual[i]);
  std::shared_ptr<LookupMemory> memory = NewLookupMemory(EveryQuery());
  int matched = 0;
  int64_t answered_before = 0;
  int matched_from_pivots = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    LookupRequest r = Request(queries[i].lang, queries[i].text);
    r.memory = memory;
    if (i % 3 == 0) {
      r.band_floors = {50, 75, 85, 95, 100};
      r.min_score = 50;
      r.limit = 1;
    } else {
      r.min_score = i % 3 == 1 ? 50 : 60;
      r.limit = i % 2 == 0 ? 5 : 1;
    }
    const std::string answer = AnswerChecked(*store, r);
    matched += answer.empty() ? 0 : 1;
    const int64_t answered = StatsOf(*memory).answered;
    matched_from_pivots += answered > answered_before && !answer.empty() ? 1 : 0;
    answered_before = answered;
    if (HasFailure()) {
      ADD_FAILURE() << "query " << i << " (" << queries[i].lang << "): " << queries[i].text;
      break;
    }
  }
  const LookupMemoryStats stats = StatsOf(*memory);
  EXPECT_GE(stats.pivots, 3);
  EXPECT_GT(stats.answered, 100);
  EXPECT_GT(matched_from_pivots, 10);
  EXPECT_GT(matched, 100);
}

// A pivot describes the TM as it was: after a unit is stored (through this connection or
// another), a query the pivot served before finds the new unit.
TEST_F(LookupMemoryTest, APivotStopsServingOnceTheTmChanges) {
  auto store = Open();
  ImportUnits(*store, testing::GenerateUnits(500, 31), "tm.tmx");
  std::shared_ptr<LookupMemory> memory = NewLookupMemory(EveryQuery());
  auto ask = [&](const std::string& text) {
    LookupRequest r = Request("en", text);
    r.memory = memory;
    r.min_score = 50;
    return AnswerChecked(*store, r);
  };
  const std::string first =
      "The national football team will play a friendly match against Korea at Saitama Stadium "
      "next Tuesday.";
  const std::string second =
      "The national football team will play a friendly match against Japan at Saitama Stadium "
      "next Friday.";
  EXPECT_EQ(ask(first), "");
  ASSERT_EQ(StatsOf(*memory).pivots, 1);
  EXPECT_EQ(ask(second), "");
  EXPECT_EQ(StatsOf(*memory).answered, 1);

  ImportUnits(*store, {[] {
    Unit u;
    u.variants = {MakeVariant("en",
                              "The national football team will play a friendly "
                              "match against Japan at Osaka Stadium next Friday."),
                  MakeVariant("vi", "Đội tuyển sẽ đá giao hữu với Nhật Bản."),
                  MakeVariant("ja", "代表は日本と親善試合を行う。")};
    return u;
  }()},
              "own.tmx");
  EXPECT_NE(ask(second), "");
  EXPECT_EQ(StatsOf(*memory).answered, 1);

  // A new pivot, then a write through another connection.
  const int pivots = StatsOf(*memory).pivots;
  const std::string third =
      "Doctors at Bach Mai Hospital successfully performed a rare liver transplant on a "
      "37-year-old patient.";
  EXPECT_EQ(ask(third), "");
  ASSERT_EQ(StatsOf(*memory).pivots, pivots + 1);
  {
    auto writer = Open();
    Unit u;
    u.variants = {MakeVariant("en",
                              "Doctors at Cho Ray Hospital successfully performed a rare liver "
                              "transplant on a 41-year-old patient."),
                  MakeVariant("vi", "Ghép gan."), MakeVariant("ja", "肝臓移植。")};
    ImportUnits(*writer, {u}, "other.tmx");
  }
  EXPECT_NE(ask("Doctors at Hue Hospital successfully performed a rare liver transplant on a "
                "52-year-old patient."),
            "");
}

// Pivots nobody uses are not made on and on: a job of unmatched segments unlike one another
// makes the two free ones, then none (each costs a pass over the TM).
TEST_F(LookupMemoryTest, UnusedPivotsAreNotMadeOnAndOn) {
  auto store = Open();
  ImportUnits(*store, testing::GenerateUnits(500, 51), "tm.tmx");
  std::shared_ptr<LookupMemory> memory = NewLookupMemory(EveryQuery());
  for (const char* text :
       {"Heavy rain is expected across the northern provinces over the weekend.",
        "The museum will extend its opening hours during the summer holidays.",
        "Scientists discovered a new species of orchid in the central highlands.",
        "Tickets for the concert sold out within two hours of going on sale.",
        "The new bridge shortens the journey between the two districts by half an hour."}) {
    LookupRequest r = Request("en", text);
    r.memory = memory;
    r.min_score = 50;
    EXPECT_EQ(AnswerChecked(*store, r), "") << text;
  }
  EXPECT_EQ(StatsOf(*memory).pivots, 2);
  EXPECT_EQ(StatsOf(*memory).answered, 0);
}

// Two threads, each with its own connection, share one memory (as the workers of an analysis
// do): pivots one makes serve the other, and every answer is still the exhaustive scan's.
TEST_F(LookupMemoryTest, ThreadsShareOneMemory) {
  const std::vector<Unit> units = testing::GenerateUnits(2000, 41);
  {
    auto store = Open();
    ImportUnits(*store, units, "tm.tmx");
  }
  const std::vector<testing::GeneratedQuery> queries = UnmatchedFamilies(120, 42);
  std::shared_ptr<LookupMemory> memory = NewLookupMemory(EveryQuery());
  std::vector<std::string> answers(queries.size());
  auto work = [&](size_t first) {
    auto store = Open(OpenMode::kReadOnly);
    if (store == nullptr) return;
    for (size_t i = first; i < queries.size(); i += 2) {
      LookupRequest r = Request(queries[i].lang, queries[i].text);
      r.band_floors = {50, 75, 85, 95, 100};
      r.min_score = 50;
      r.limit = 1;
      r.memory = memory;
      answers[i] = Answer(*store, r);
    }
  };
  std::thread other(work, 1);
  work(0);
  other.join();
  EXPECT_GT(StatsOf(*memory).answered, 40);
  auto store = Open(OpenMode::kReadOnly);
  for (size_t i = 0; i < queries.size(); ++i) {
    LookupRequest r = Request(queries[i].lang, queries[i].text);
    r.band_floors = {50, 75, 85, 95, 100};
    r.min_score = 50;
    r.limit = 1;
    r.exhaustive = true;
    EXPECT_EQ(answers[i], Answer(*store, r)) << queries[i].text;
  }
}

}  // namespace
}  // namespace hashi
