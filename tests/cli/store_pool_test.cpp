// The store pool of `hashi serve` (cli/serve/store_pool.h): requests get the TM's read-only
// stores in the order they asked, a store given back going to the one waiting longest, never
// to a request that came later.
#include "serve/store_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "test_support.h"

namespace hashi::cli::serve {
namespace {

// Waits (up to 10 s) until `pool` has `n` requests waiting.
void AwaitWaiting(StorePool& pool, size_t n) {
  for (int i = 0; i < 10000 && pool.waiting() != n; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_EQ(pool.waiting(), n);
}

TEST(StorePool, LendsStoresInTheOrderTheyWereAskedFor) {
  hashi::testing::TempDir dir;
  {
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(dir / "tm.db", OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
  }
  StorePool pool(dir / "tm.db", 1);
  std::mutex mutex;
  std::vector<int> order;
  auto record = [&](int who) {
    return [&, who](TmStore&) {
      std::lock_guard lock(mutex);
      order.push_back(who);
      return Status::Ok();
    };
  };
  std::vector<std::thread> threads;
  std::atomic<bool> holding = false;
  // The first request holds the only store until five others wait, one after the other; then
  // it gives the store back and at once asks again: it must wait behind all five.
  threads.emplace_back([&] {
    ASSERT_TRUE(pool.Read([&](TmStore&) {
                      holding = true;
                      AwaitWaiting(pool, 5);
                      return Status::Ok();
                    }).ok());
    ASSERT_TRUE(pool.Read(record(6)).ok());
  });
  while (!holding) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  for (int who = 1; who <= 5; ++who) {
    AwaitWaiting(pool, static_cast<size_t>(who - 1));
    threads.emplace_back([&, who] { ASSERT_TRUE(pool.Read(record(who)).ok()); });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3, 4, 5, 6}));
}

// A store that fails to open is not counted: the next request tries again instead of waiting
// for a store that will never come back.
TEST(StorePool, AFailedOpenLeavesNoStoreCounted) {
  hashi::testing::TempDir dir;
  StorePool pool(dir / "missing.db", 1);  // every open fails: no such TM
  EXPECT_FALSE(pool.Read([](TmStore&) { return Status::Ok(); }).ok());
  EXPECT_FALSE(pool.Read([](TmStore&) { return Status::Ok(); }).ok());  // not stuck waiting
  EXPECT_EQ(pool.waiting(), 0u);
}

}  // namespace
}  // namespace hashi::cli::serve
