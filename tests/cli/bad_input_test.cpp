// Every kind of bad input: exit 1, one message naming the file (and line:column where there is
// one), and the TM exactly as it was before.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cli_test_util.h"

namespace hashi::testing {
namespace {

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string good = (dir_ / "good.tmx").string();
    WriteFileBytes(good, SmallTmx(3));
    ASSERT_EQ(RunHashi({"--tm", Tm(), "import", good}).exit_code, 0);
    before_ = StatsJson(Tm());
    ASSERT_NE(before_, "");
  }
  std::string Tm() const { return (dir_ / "tm.db").string(); }
  // Imports `bytes` as a file; expects exit 1 and `expected` (e.g. "bad.tmx:3:5:") in stderr.
  void ExpectRejected(const std::string& bytes, const std::string& expected) {
    const std::string path = (dir_ / "bad.tmx").string();
    WriteFileBytes(path, bytes);
    const RunResult r = RunHashi({"--tm", Tm(), "import", path});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(path + expected), std::string::npos)
        << "stderr: " << r.err << "\nexpected: " << path + expected;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(StatsJson(Tm()), before_) << "the TM changed";
  }
  const std::string head_ =
      "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header srclang=\"en\"/>\n<body>\n";
  TempDir dir_;
  std::string before_;
};

TEST_F(BadInputTest, UnclosedTag) {
  ExpectRejected(head_ + "<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv>\n</body></tmx>\n", ":6:");
}

TEST_F(BadInputTest, BadEntity) {
  ExpectRejected(head_ + "<tu><tuv xml:lang=\"en\"><seg>a &nbsp; b</seg></tuv></tu>\n"
                         "</body></tmx>\n", ":5:");
}

TEST_F(BadInputTest, MismatchedEndTag) {
  ExpectRejected(head_ + "<tu><tuv xml:lang=\"en\"><seg>a</tuv></seg></tu></body></tmx>", ":5:");
}

TEST_F(BadInputTest, CutOffMidUnit) {
  ExpectRejected(SmallTmx(50).substr(0, 4000), ":");
}

TEST_F(BadInputTest, InvalidUtf8) {
  ExpectRejected(head_ + "<tu><tuv xml:lang=\"en\"><seg>caf\xE9 \xFF</seg></tuv></tu>"
                         "</body></tmx>\n", ":5:");
}

TEST_F(BadInputTest, UnknownEncoding) {
  ExpectRejected("<?xml version=\"1.0\" encoding=\"klingon-8\"?>\n<tmx/>", ":");
}

TEST_F(BadInputTest, EmptyFile) { ExpectRejected("", ": "); }

TEST_F(BadInputTest, NotTmx) {
  ExpectRejected("<?xml version=\"1.0\"?>\n<html><body>hi</body></html>\n", ":2:");
}

TEST_F(BadInputTest, BinaryJunk) {
  std::string junk;
  for (int i = 0; i < 3000; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  ExpectRejected(junk, ":");
}

TEST_F(BadInputTest, VariantWithoutLanguage) {
  ExpectRejected(head_ + "<tu><tuv><seg>a</seg></tuv></tu></body></tmx>\n", ":5:");
}

TEST_F(BadInputTest, LanguageTagNotBcp47) {
  ExpectRejected(head_ + "<tu><tuv xml:lang=\"en_US\"><seg>a</seg></tuv></tu></body></tmx>\n",
                 ":5:5: not a BCP-47 language tag: \"en_US\"");
}

TEST_F(BadInputTest, MissingFileAndDirectory) {
  RunResult r = RunHashi({"--tm", Tm(), "import", (dir_ / "none.tmx").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("none.tmx"), std::string::npos) << r.err;
  r = RunHashi({"--tm", Tm(), "import", dir_.path().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("directory"), std::string::npos) << r.err;
  EXPECT_EQ(StatsJson(Tm()), before_);
}

TEST_F(BadInputTest, OneBadFileAmongGoodOnesFailsAloneAndExitsOne) {
  const std::string more = (dir_ / "more.tmx").string();
  WriteFileBytes(more, SmallTmx(2, 100));
  const std::string bad = (dir_ / "bad.tmx").string();
  WriteFileBytes(bad, SmallTmx(5, 200).substr(0, 700));
  const RunResult r = RunHashi({"--tm", Tm(), "import", bad, more});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, more + ": 2 units imported, 0 duplicates skipped\n");
  EXPECT_NE(StatsJson(Tm()).find("\"units\":5"), std::string::npos);
}

TEST_F(BadInputTest, TmThatIsNotADatabase) {
  const std::string junk_tm = (dir_ / "junk.db").string();
  WriteFileBytes(junk_tm, "this is a text file, not SQLite\n");
  const RunResult r = RunHashi({"--tm", junk_tm, "import", (dir_ / "good.tmx").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(junk_tm), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not a hashi TM"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFileBytes(junk_tm), "this is a text file, not SQLite\n");
}

TEST_F(BadInputTest, ReadOnlyTm) {
  if (::geteuid() == 0) {
    // root writes through file permissions; an immutable file is what stops root.
    if (std::system(("chattr +i '" + Tm() + "' 2>/dev/null").c_str()) != 0) {
      GTEST_SKIP() << "running as root on a file system without chattr +i";
    }
  } else {
    std::filesystem::permissions(Tm(), std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::remove);
  }
  const RunResult r = RunHashi({"--tm", Tm(), "import", (dir_ / "good.tmx").string()});
  std::system(("chattr -i '" + Tm() + "' 2>/dev/null").c_str());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
  EXPECT_EQ(StatsJson(Tm()), before_);
}

TEST_F(BadInputTest, KilledImportLeavesTmAsBefore) {
  // A file big enough that the import is still running when it is killed.
  const std::string big = (dir_ / "big.tmx").string();
  WriteFileBytes(big, SmallTmx(150000, 1000));
  for (int delay_ms : {30, 120, 400}) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::execl(HASHI_BINARY, HASHI_BINARY, "--tm", Tm().c_str(), "--quiet", "import",
              big.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFSIGNALED(status)) GTEST_SKIP() << "the import finished before the kill";
    EXPECT_EQ(StatsJson(Tm()), before_) << "killed after " << delay_ms << " ms";
  }
}

}  // namespace
}  // namespace hashi::testing
