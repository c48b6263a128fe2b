// SIGKILL at many points of a 100,000-unit import: every time the TM passes
// `PRAGMA integrity_check` and holds exactly what it held before that file. The kill points
// are spread over the time an uninterrupted import of the same file takes in this build.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <thread>

#include "cli_test_util.h"
#include "fault_test_util.h"

namespace hashi::testing {
namespace {

constexpr int kUnits = 100000;
constexpr int kKillPoints = 16;

TEST(FaultKillTest, KilledAtManyPointsOfABigImportTheTmHoldsWhatItHeldBefore) {
  TempDir dir;
  const std::string tm = (dir / "tm.db").string();
  const std::string base = (dir / "base.tmx").string();
  const std::string big = (dir / "big.tmx").string();
  WriteFileBytes(base, SmallTmx(50));
  WriteBigTmx(big, kUnits);
  ASSERT_EQ(RunHashi({"--tm", tm, "--quiet", "import", base}).exit_code, 0);
  const std::string before = TmContent(tm);
  ASSERT_NE(StatsJson(tm), "");

  // How long the whole import takes here, on a copy (sanitizer builds are several times slower).
  const std::string probe = (dir / "probe.db").string();
  std::filesystem::copy_file(tm, probe);
  const auto start = std::chrono::steady_clock::now();
  const RunResult full = RunHashi({"--tm", probe, "--quiet", "import", big});
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(full.exit_code, 0) << full.err;
  const std::string full_stats = StatsJson(probe);

  // Each kill starts from the same TM (a copy of it), so that a kill which lands after the
  // commit (the file imported whole, which is also correct) does not change what later kill
  // points start from.
  const std::string saved = (dir / "saved.db").string();
  std::filesystem::copy_file(tm, saved);
  int killed = 0;
  int whole = 0;
  for (int point = 1; point <= kKillPoints; ++point) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(tm + suffix);
    std::filesystem::copy_file(saved, tm);
    const auto delay = took * point / (kKillPoints + 1);
    const pid_t pid = StartHashi({"--tm", tm, "--quiet", "import", big}, dir / "log.txt");
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    const int exit_code = WaitHashi(pid);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(delay).count();
    ASSERT_EQ(IntegrityCheck(tm), "ok") << "killed after " << ms << " ms";
    const std::string content = TmContent(tm);
    if (content == before) {
      killed += exit_code == 128 + SIGKILL;
    } else {
      // Killed after the commit, or not at all: then the whole file is in.
      ASSERT_EQ(StatsJson(tm), full_stats) << "killed after " << ms << " ms: neither the TM as "
                                           << "before nor the whole file imported";
      ++whole;
    }
  }
  std::printf("kill points: %d tried, %d killed the import mid-way with the TM as before, %d "
              "after the commit with the whole file in; nothing lost (an import takes %lld ms)\n",
              kKillPoints, killed, whole,
              static_cast<long long>(
                  std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));
  RecordProperty("kills_mid_import", killed);
  if (killed == 0) GTEST_SKIP() << "every import finished before its kill";

  // After all that, the same import runs to the end and gives what it gave on the copy.
  const RunResult after = RunHashi({"--tm", tm, "--quiet", "import", big});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(IntegrityCheck(tm), "ok");
  EXPECT_EQ(StatsJson(tm), full_stats);
}

}  // namespace
}  // namespace hashi::testing
