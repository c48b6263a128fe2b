// A write that finds the TM locked by another writer waits for it, and tells
// StoreOptions::on_wait once (the library itself prints nothing).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "hashi/tm_store.h"
#include "match_test_util.h"
#include "test_support.h"

namespace hashi {
namespace {

// Holds the TM's write lock for `ms` milliseconds from another connection, on its own thread.
class WriteLockHolder {
 public:
  WriteLockHolder(const std::string& tm, int ms) {
    EXPECT_EQ(sqlite3_open(tm.c_str(), &db_), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    release_ = std::thread([this, ms] {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    });
  }
  ~WriteLockHolder() {
    release_.join();
    sqlite3_close(db_);
  }

 private:
  sqlite3* db_ = nullptr;
  std::thread release_;
};

std::vector<Unit> SomeUnits(int first) {
  std::vector<Unit> units;
  for (int i = first; i < first + 3; ++i) {
    Unit u;
    u.variants = {testing::MakeVariant("en", "Unit number " + std::to_string(i) + "."),
                  testing::MakeVariant("vi", "Đơn vị số " + std::to_string(i) + ".")};
    units.push_back(std::move(u));
  }
  return units;
}

TEST(StoreWait, AWriteWaitsForAnotherWriterAndSaysSoOnce) {
  testing::TempDir dir;
  const std::string tm = (dir / "tm.db").string();
  std::vector<std::string> told;
  StoreOptions options;
  options.on_wait = [&](const std::string& path) { told.push_back(path); };
  Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(tm, OpenMode::kReadWrite, options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  testing::ImportUnits(**store, SomeUnits(0), "first.tmx");
  EXPECT_TRUE(told.empty());  // nobody else writing: no wait
  {
    WriteLockHolder other(tm, 300);
    const auto start = std::chrono::steady_clock::now();
    testing::ImportUnits(**store, SomeUnits(10), "second.tmx");
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(250));
  }
  EXPECT_EQ(told, std::vector<std::string>{tm});
  Result<StoreStats> stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->units, 6);
}

TEST(StoreWait, WithoutAListenerAWriteStillWaits) {
  testing::TempDir dir;
  const std::string tm = (dir / "tm.db").string();
  Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(tm, OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  testing::ImportUnits(**store, SomeUnits(0), "first.tmx");
  {
    WriteLockHolder other(tm, 200);
    testing::ImportUnits(**store, SomeUnits(10), "second.tmx");
  }
  Result<StoreStats> stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->units, 6);
}

}  // namespace
}  // namespace hashi
