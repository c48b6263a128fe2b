// Several hashi processes on one TM at once: two imports both finish (the second waits for the
// first, and says so on a terminal unless --quiet), and lookups and concordance keep answering while an import
// writes.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "cli_test_util.h"
#include "fault_test_util.h"

namespace hashi::testing {
namespace {

// Units in the TM, from `hashi stats --json`.
int64_t Units(const std::filesystem::path& tm) {
  const std::string json = StatsJson(tm);
  const size_t at = json.find("\"units\":");
  return at == std::string::npos ? -1 : std::stoll(json.substr(at + 8));
}

class FaultConcurrencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFileBytes(dir_ / "base.tmx", SmallTmx(200));
    ASSERT_EQ(RunHashi({"--tm", Tm(), "--quiet", "import", (dir_ / "base.tmx").string()})
                  .exit_code,
              0);
    WriteBigTmx(dir_ / "big.tmx", 100000);
  }
  std::string Tm() const { return (dir_ / "tm.db").string(); }
  // Starts importing big.tmx and returns once it is writing (its WAL has grown), or has ended.
  pid_t StartBigImport() {
    const pid_t pid =
        StartHashi({"--tm", Tm(), "--quiet", "import", (dir_ / "big.tmx").string()},
                   dir_ / "big.log");
    int exit_code = 0;
    while (FileSize(Tm() + "-wal") < (1 << 20) && !HasEnded(pid, &exit_code)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return pid;
  }
  // Imports 3,000 units of small.tmx on a terminal (script gives it one: there it says why it
  // waits) while big.tmx is being imported; checks that both finish.
  struct SecondImport {
    RunResult run;
    bool big_ended_early = false;  // then the second had nothing to wait for
  };
  SecondImport ImportSmallOnATerminalDuringBigImport(const std::vector<std::string>& options) {
    WriteFileBytes(dir_ / "small.tmx", SmallTmx(3000, 500000));
    const pid_t big = StartBigImport();
    int big_exit = 0;
    SecondImport second;
    second.big_ended_early = HasEnded(big, &big_exit);
    std::vector<std::string> args = {"--tm", Tm()};
    args.insert(args.end(), options.begin(), options.end());
    args.insert(args.end(), {"import", (dir_ / "small.tmx").string()});
    second.run = RunShell("script -qec \"" + HashiCommandLine(args) + "\" /dev/null");
    if (!second.big_ended_early) big_exit = WaitHashi(big);
    EXPECT_EQ(big_exit, 0) << ReadFileBytes(dir_ / "big.log");
    EXPECT_EQ(second.run.exit_code, 0) << second.run.out;
    return second;
  }
  TempDir dir_;
};

TEST_F(FaultConcurrencyTest, TwoImportsAtOnceBothFinishAndTheSecondSaysItWaits) {
  const int64_t before = Units(Tm());
  const SecondImport second = ImportSmallOnATerminalDuringBigImport({});
  EXPECT_NE(second.run.out.find("3000 units imported"), std::string::npos) << second.run.out;
  const int64_t big_units = Units(Tm()) - before - 3000;
  EXPECT_GT(big_units, 90000) << "units of big.tmx (it has duplicates dropped, not lost)";
  EXPECT_EQ(IntegrityCheck(Tm()), "ok");
  std::printf("second import waited: %s\n",
              second.run.out.find("waiting") != std::string::npos ? "yes" : "no");
  if (second.big_ended_early) GTEST_SKIP() << "the first import ended before the second started";
  EXPECT_NE(second.run.out.find("in use by another hashi writing to it; waiting"),
            std::string::npos)
      << second.run.out;
}

// The same wait with --quiet: nothing said, nothing lost.
TEST_F(FaultConcurrencyTest, AQuietImportWaitsWithoutSayingSo) {
  const int64_t before = Units(Tm());
  const SecondImport second = ImportSmallOnATerminalDuringBigImport({"--quiet"});
  EXPECT_EQ(second.run.out.find("waiting"), std::string::npos) << second.run.out;
  EXPECT_GT(Units(Tm()) - before, 90000 + 3000);
  if (second.big_ended_early) GTEST_SKIP() << "the first import ended before the second started";
}

TEST_F(FaultConcurrencyTest, ImportsOfTheSameFileAtOnceLoseNothingAndAddNothingTwice) {
  const pid_t first = StartBigImport();
  const pid_t second =
      StartHashi({"--tm", Tm(), "--quiet", "import", (dir_ / "big.tmx").string()},
                 dir_ / "second.log");
  EXPECT_EQ(WaitHashi(first), 0) << ReadFileBytes(dir_ / "big.log");
  EXPECT_EQ(WaitHashi(second), 0) << ReadFileBytes(dir_ / "second.log");
  // One of them imported every unit, the other skipped them all as duplicates.
  TempDir other;
  const std::string alone = (other / "alone.db").string();
  ASSERT_EQ(RunHashi({"--tm", alone, "--quiet", "import", (dir_ / "base.tmx").string()}).exit_code, 0);
  ASSERT_EQ(RunHashi({"--tm", alone, "--quiet", "import", (dir_ / "big.tmx").string()}).exit_code, 0);
  EXPECT_EQ(Units(Tm()), Units(alone));
  EXPECT_EQ(IntegrityCheck(Tm()), "ok");
}

TEST_F(FaultConcurrencyTest, LookupsAndConcordanceAnswerWhileAnImportWrites) {
  const std::vector<std::string> lookup = {"--tm", Tm(), "lookup", "--from", "en", "--to", "vi",
                                           "The embassy held event 7."};
  const std::vector<std::string> concord = {"--tm", Tm(), "concord", "--lang", "en", "embassy held"};
  const RunResult lookup_before = RunHashi(lookup);
  ASSERT_EQ(lookup_before.exit_code, 0) << lookup_before.err;
  ASSERT_NE(lookup_before.out.find("Đại sứ quán tổ chức sự kiện 7."), std::string::npos)
      << lookup_before.out;
  ASSERT_EQ(RunHashi(concord).exit_code, 0);

  const pid_t import = StartBigImport();
  int import_exit = -1;
  int runs = 0;
  while (!HasEnded(import, &import_exit)) {
    const RunResult l = RunHashi(lookup);
    ASSERT_EQ(l.exit_code, 0) << "lookup during the import: " << l.err;
    ASSERT_NE(l.out, "") << "lookup during the import found nothing";
    const RunResult c = RunHashi(concord);
    ASSERT_EQ(c.exit_code, 0) << "concord during the import: " << c.err;
    ASSERT_NE(c.out, "");
    ++runs;
  }
  EXPECT_EQ(import_exit, 0) << ReadFileBytes(dir_ / "big.log");
  std::printf("lookup + concord pairs run during the import: %d\n", runs);
  // After it, the exact match is still there.
  EXPECT_NE(RunHashi(lookup).out.find("Đại sứ quán tổ chức sự kiện 7."), std::string::npos);
}

}  // namespace
}  // namespace hashi::testing
