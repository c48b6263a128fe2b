// Storage faults: a full disk (a file-size limit), a TM deleted or replaced while an import
// writes to it, a truncated or overwritten TM. Each gives a clear error and exit 1, and leaves
// every file as it was (no damage beyond what was already there). The read-only TM is in
// bad_input_test.cpp.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "cli_test_util.h"
#include "fault_test_util.h"

namespace hashi::testing {
namespace {

class FaultStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFileBytes(dir_ / "base.tmx", SmallTmx(300));
    ASSERT_EQ(RunHashi({"--tm", Tm(), "--quiet", "import", (dir_ / "base.tmx").string()})
                  .exit_code,
              0);
    before_ = TmContent(Tm());
  }
  std::string Tm() const { return (dir_ / "tm.db").string(); }
  std::string Big() {
    const std::filesystem::path big = dir_ / "big.tmx";
    if (!std::filesystem::exists(big)) WriteBigTmx(big, 100000);
    return big.string();
  }
  // `hashi ARGS` under `ulimit -f KB` (bash counts in KiB).
  RunResult UnderFileSizeLimit(int64_t kb, const std::vector<std::string>& args) {
    return RunShell("bash -c 'ulimit -f " + std::to_string(kb) + "; exec \"$0\" \"$@\"' " +
                    HashiCommandLine(args));
  }
  // Starts importing the big file and returns once it is writing (or has ended).
  pid_t StartBigImport() {
    const std::string big = Big();
    const pid_t pid = StartHashi({"--tm", Tm(), "--quiet", "import", big}, dir_ / "import.log");
    int exit_code = 0;
    while (FileSize(Tm() + "-wal") < (1 << 20) && !HasEnded(pid, &exit_code)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return pid;
  }
  TempDir dir_;
  std::string before_;
};

TEST_F(FaultStorageTest, FileSizeLimitDuringImportFailsCleanly) {
  const std::string big = Big();
  // Room for 2 MB more than the TM holds: the import's WAL outgrows it.
  const int64_t limit_kb = FileSize(Tm()) / 1024 + 2048;
  const RunResult r = UnderFileSizeLimit(limit_kb, {"--tm", Tm(), "--quiet", "import", big});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("File too large"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(Tm()), std::string::npos) << r.out;
  EXPECT_EQ(IntegrityCheck(Tm()), "ok");
  EXPECT_EQ(TmContent(Tm()), before_);
}

TEST_F(FaultStorageTest, FileSizeLimitDuringExportFailsCleanly) {
  ASSERT_EQ(RunHashi({"--tm", Tm(), "--quiet", "import", Big()}).exit_code, 0);
  const std::string out = (dir_ / "out.tmx").string();
  const RunResult r = UnderFileSizeLimit(1024, {"--tm", Tm(), "export", out});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("File too large"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(out), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(out)) << "a partial export was left";
  EXPECT_EQ(IntegrityCheck(Tm()), "ok");
}

TEST_F(FaultStorageTest, TmDeletedDuringImport) {
  const pid_t pid = StartBigImport();
  std::filesystem::remove(Tm());
  const int exit_code = WaitHashi(pid);
  const std::string log = ReadFileBytes(dir_ / "import.log");
  EXPECT_EQ(exit_code, 1) << log;
  EXPECT_NE(log.find(Tm() + ": the TM file was deleted or replaced"), std::string::npos) << log;
}

TEST_F(FaultStorageTest, TmReplacedDuringImportLeavesTheNewFileAlone) {
  // The replacement: another TM, moved into place the way a restore from backup would be.
  const std::string other = (dir_ / "other.db").string();
  WriteFileBytes(dir_ / "other.tmx", SmallTmx(20, 9000));
  ASSERT_EQ(RunHashi({"--tm", other, "--quiet", "import", (dir_ / "other.tmx").string()})
                .exit_code,
            0);
  const std::string other_content = TmContent(other);
  const pid_t pid = StartBigImport();
  std::filesystem::rename(other, Tm());
  const int exit_code = WaitHashi(pid);
  const std::string log = ReadFileBytes(dir_ / "import.log");
  EXPECT_EQ(exit_code, 1) << log;
  EXPECT_NE(log.find("deleted or replaced"), std::string::npos) << log;
  EXPECT_EQ(IntegrityCheck(Tm()), "ok");
  EXPECT_EQ(TmContent(Tm()), other_content);
}

TEST_F(FaultStorageTest, TruncatedTmIsRefusedAndLeftAsItIs) {
  std::filesystem::resize_file(Tm(), FileSize(Tm()) / 2);
  const std::string damaged = ReadFileBytes(Tm());
  const std::vector<std::vector<std::string>> commands = {
      {"stats"},
      {"export", (dir_ / "out.tmx").string()},
      {"import", (dir_ / "base.tmx").string()},
      {"lookup", "--from", "en", "--to", "vi", "The embassy held event 7."},
      {"concord", "--lang", "en", "embassy"},
  };
  for (const auto& command : commands) {
    std::vector<std::string> args = {"--tm", Tm()};
    args.insert(args.end(), command.begin(), command.end());
    const RunResult r = RunHashi(args);
    EXPECT_EQ(r.exit_code, 1) << command[0] << ": " << r.err;
    EXPECT_NE(r.err.find(Tm() + ": the TM file is damaged"), std::string::npos)
        << command[0] << ": " << r.err;
    EXPECT_EQ(ReadFileBytes(Tm()), damaged) << command[0] << " changed the file";
  }
}

TEST_F(FaultStorageTest, OverwrittenUnitPagesAreReportedByExport) {
  // Junk over every page past the schema: the unit rows and indexes are unreadable.
  {
    std::fstream file(Tm(), std::ios::in | std::ios::out | std::ios::binary);
    const int64_t size = FileSize(Tm());
    for (int64_t at = 16384 * 4; at + 512 < size; at += 16384) {
      file.seekp(at + 100);
      file << std::string(400, '\xA5');
    }
  }
  const std::string damaged = ReadFileBytes(Tm());
  const RunResult r = RunHashi({"--tm", Tm(), "export", (dir_ / "out.tmx").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(Tm() + ":"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("malformed"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFileBytes(Tm()), damaged);
}

}  // namespace
}  // namespace hashi::testing
