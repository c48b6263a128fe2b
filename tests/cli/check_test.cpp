// hashi check and hashi vacuum: exit status, messages and --json on a sound TM, a TM whose
// match index was damaged on purpose, and a truncated file.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli_test_util.h"

namespace hashi::testing {
namespace {

class CheckCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string tmx = (dir_ / "small.tmx").string();
    WriteFileBytes(tmx, SmallTmx(30));
    ASSERT_EQ(RunHashi({"--tm", Tm(), "import", tmx}).exit_code, 0);
  }
  std::string Tm() const { return (dir_ / "tm.db").string(); }
  RunResult Run(const std::string& command, bool json = false) {
    std::vector<std::string> args = {"--tm", Tm(), command};
    if (json) args.push_back("--json");
    return RunHashi(args);
  }
  TempDir dir_;
};

TEST_F(CheckCliTest, SoundTmExitsZero) {
  RunResult r = Run("check");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("sound: 30 units"), std::string::npos) << r.out;
  r = Run("check", true);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* field :
       {"\"sound\":true", "\"units\":30", "\"problems\":[]", "\"stale_postings\":0"}) {
    EXPECT_NE(r.out.find(field), std::string::npos) << field << " in " << r.out;
  }
}

TEST_F(CheckCliTest, DamagedIndexIsReportedThenRepairedByVacuum) {
  // The sqlite3 shell damages the TM behind hashi's back: postings and a counter.
  const std::string sql =
      "DELETE FROM match_postings WHERE rowid = (SELECT max(rowid) FROM match_postings);"
      "UPDATE origins SET units = units + 1;";
  if (std::system(("sqlite3 '" + Tm() + "' \"" + sql + "\" 2>/dev/null").c_str()) != 0) {
    GTEST_SKIP() << "no sqlite3 shell to damage the TM with";
  }
  RunResult r = Run("check");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("NOT sound"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("postings are missing"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("counters: origin 'small.tmx' is counted with 31 units"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("hashi vacuum"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("not sound"), std::string::npos) << r.err;
  r = Run("check", true);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("\"sound\":false"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"repair\":"), std::string::npos) << r.out;

  r = Run("vacuum", true);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"units\":30"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"bytes_after\":"), std::string::npos) << r.out;
  r = Run("check");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  r = RunHashi(
      {"--tm", Tm(), "lookup", "--from", "en", "--to", "vi", "--json", "--exhaustive", "Unit 7"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(CheckCliTest, TruncatedFileIsDamagedBeyondVacuum) {
  const std::string bytes = ReadFileBytes(Tm());
  ASSERT_GT(bytes.size(), 40000u);
  std::filesystem::remove(Tm() + "-wal");
  std::filesystem::remove(Tm() + "-shm");
  WriteFileBytes(Tm(), bytes.substr(0, bytes.size() / 2));
  RunResult r = Run("check");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("NOT sound"), std::string::npos) << r.out << r.err;
  EXPECT_NE(r.out.find("restore the TM from a backup"), std::string::npos) << r.out;
}

TEST_F(CheckCliTest, MissingTmIsAnError) {
  RunResult r = RunHashi({"--tm", (dir_ / "none.db").string(), "check"});
  EXPECT_EQ(r.exit_code, 1);
  r = RunHashi({"--tm", (dir_ / "none.db").string(), "vacuum"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "none.db"));
}

}  // namespace
}  // namespace hashi::testing
