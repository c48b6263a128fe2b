// TmStore::Check and Vacuum: a TM as imports leave it is sound; each kind of damage done on
// purpose behind the store's back (postings deleted, a unit row deleted, a counter changed) is
// reported, and Vacuum repairs it so that lookups answer as the exhaustive scan does again.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "hashi/matcher.h"
#include "hashi/tm_store.h"
#include "match_test_util.h"
#include "test_support.h"

namespace hashi {
namespace {

using testing::ImportUnits;

class TmCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Open();
    units_ = testing::GenerateUnits(400, 11);
    ImportUnits(*store, units_, "first.tmx");
    std::vector<Unit> replaced(units_.begin(), units_.begin() + 40);
    ImportUnits(*store, replaced, "second.tmx", DuplicatePolicy::kReplace);
  }
  std::unique_ptr<TmStore> Open(OpenMode mode = OpenMode::kReadWrite) {
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(dir_ / "tm.db", mode);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }
  CheckReport Check() {
    auto store = Open(OpenMode::kReadOnly);
    Result<CheckReport> report = store->Check();
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : CheckReport{};
  }
  void Damage(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "tm.db").string().c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
  }
  void VacuumRepairs() {
    {
      auto store = Open();
      Result<VacuumStats> stats = store->Vacuum();
      ASSERT_TRUE(stats.ok()) << stats.status().ToString();
      EXPECT_GT(stats->units, 0);
    }
    const CheckReport after = Check();
    EXPECT_TRUE(after.sound()) << (after.problems.empty() ? "" : after.problems[0]);
    EXPECT_EQ(after.stale_postings, 0);
  }
  static std::string Summary(const std::vector<Match>& matches) {  // units and scores, in order
    std::string out;
    for (const Match& m : matches)
      out += std::to_string(m.unit) + ":" + std::to_string(m.score) + " ";
    return out;
  }
  static std::string All(const CheckReport& report) {
    std::string out;
    for (const std::string& p : report.problems) out += p + "\n";
    return out;
  }
  // Indexed and exhaustive lookups of some units' first variant agree.
  void LookupsAgree() {
    auto store = Open(OpenMode::kReadOnly);
    for (size_t i = 0; i < units_.size(); i += 37) {
      LookupRequest r;
      r.from = "en";
      r.to = {"vi"};
      r.query = units_[i].variants[0].segment;
      Result<std::vector<Match>> indexed = store->Lookup(r);
      r.exhaustive = true;
      Result<std::vector<Match>> reference = store->Lookup(r);
      ASSERT_TRUE(indexed.ok() && reference.ok());
      EXPECT_EQ(Summary(*indexed), Summary(*reference)) << r.query.text;
    }
  }

  testing::TempDir dir_;
  std::vector<Unit> units_;
};

TEST_F(TmCheckTest, ImportedTmIsSound) {
  const CheckReport report = Check();
  EXPECT_TRUE(report.sound()) << All(report);
  EXPECT_FALSE(report.file_damaged);
  EXPECT_GT(report.units, 300);
  EXPECT_GT(report.stale_postings, 0);  // the replaced units' postings stay until a vacuum
  LookupsAgree();
  VacuumRepairs();
  LookupsAgree();
}

TEST_F(TmCheckTest, DeletedPostingsAreReportedAndRepaired) {
  Damage(
      "DELETE FROM match_postings WHERE rowid IN "
      "(SELECT rowid FROM match_postings ORDER BY rowid LIMIT 50)");
  const CheckReport report = Check();
  EXPECT_FALSE(report.sound());
  EXPECT_NE(All(report).find("postings are missing from the match index"), std::string::npos)
      << All(report);
  VacuumRepairs();
  LookupsAgree();
}

TEST_F(TmCheckTest, UnitDeletedBehindTheIndexIsReportedAndRepaired) {
  Damage("DELETE FROM units WHERE id = 100");
  const CheckReport report = Check();
  EXPECT_FALSE(report.sound());
  const std::string all = All(report);
  EXPECT_NE(all.find("unit 100 is in the match index (en) but not in the TM"), std::string::npos)
      << all;
  EXPECT_NE(all.find("counters: origin"), std::string::npos) << all;
  VacuumRepairs();
  LookupsAgree();
}

TEST_F(TmCheckTest, ChangedCounterIsReportedAndRepaired) {
  Damage("UPDATE lang_counts SET variants = variants + 5 WHERE lang = 'ja'");
  const CheckReport report = Check();
  ASSERT_FALSE(report.sound());
  EXPECT_NE(All(report).find("variants in ja is counted as"), std::string::npos) << All(report);
  VacuumRepairs();
  auto store = Open(OpenMode::kReadOnly);
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->variants.at("ja"), stats->units);
}

TEST_F(TmCheckTest, ZeroedKeyLengthsAreReported) {
  Damage(
      "UPDATE match_lengths SET lengths = zeroblob(length(lengths)) WHERE rowid = "
      "(SELECT min(rowid) FROM match_lengths)");
  const CheckReport report = Check();
  EXPECT_FALSE(report.sound());
  EXPECT_NE(All(report).find("is missing from the match index"), std::string::npos) << All(report);
  EXPECT_GT(report.more_problems, 0);  // hundreds of units: the list is capped
  VacuumRepairs();
}

}  // namespace
}  // namespace hashi
