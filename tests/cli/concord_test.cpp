// hashi concord: output, JSON fields, plain-text phrases, bad input (CONTRACT.md).
#include <gtest/gtest.h>

#include <string>

#include "cli_test_util.h"

namespace hashi::testing {
namespace {

class ConcordCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string tmx = (dir_ / "small.tmx").string();
    WriteFileBytes(tmx, SmallTmx(25));
    ASSERT_EQ(RunHashi({"--tm", Tm(), "import", tmx}).exit_code, 0);
  }
  std::string Tm() const { return (dir_ / "tm.db").string(); }
  RunResult Concord(std::vector<std::string> args) {
    args.insert(args.begin(), {"--tm", Tm(), "concord"});
    return RunHashi(args);
  }
  TempDir dir_;
};

size_t Lines(const std::string& text) {
  size_t n = 0;
  for (char c : text) n += c == '\n' ? 1 : 0;
  return n;
}

TEST_F(ConcordCliTest, JapaneseOneAndTwoCharacters) {
  RunResult r = Concord({"--json", "--lang", "ja", "行事"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 20u);  // --limit 20 by default
  EXPECT_EQ(r.out.rfind("{", 0), 0u);
  EXPECT_NE(r.out.find("\"unit\":25"), std::string::npos);  // newest first
  EXPECT_LT(r.out.find("\"unit\":25"), r.out.find("\"unit\":24"));
  r = Concord({"--json", "--lang", "ja", "--limit", "100", "館"});
  EXPECT_EQ(Lines(r.out), 25u);
}

TEST_F(ConcordCliTest, VietnameseWithoutDiacritics) {
  const RunResult r = Concord({"--json", "--lang", "vi", "--limit", "3", "dai su quan"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 3u);
  for (const char* field : {"\"unit\":", "\"text\":\"Đại sứ quán", "\"targets\":{",
                            "\"en\":", "\"ja\":", "\"origin\":\"small.tmx\""}) {
    EXPECT_NE(r.out.find(field), std::string::npos) << field;
  }
}

TEST_F(ConcordCliTest, TextOutputWithoutColourWhenNotATerminal) {
  const RunResult r = Concord({"--lang", "en", "--limit", "1", "EVENT 7"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("en  The embassy held event 7.\n", 0), 0u) << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST_F(ConcordCliTest, SyntaxCharactersAreText) {
  for (const char* phrase : {"\"", "*", "NEAR(", "OR", "'); DROP TABLE units; --"}) {
    const RunResult r = Concord({"--lang", "en", phrase});
    EXPECT_EQ(r.exit_code, 0) << phrase << ": " << r.err;
    EXPECT_EQ(r.out, "") << phrase;
  }
  EXPECT_NE(StatsJson(Tm()).find("\"units\":25"), std::string::npos);
}

TEST_F(ConcordCliTest, BadArgumentsAreUsageErrors) {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"--lang", "ja", ""},
                                             {"--lang", "ja", "  "},
                                             {"--lang", "ja"},
                                             {"協力"},
                                             {"--lang", "ja", "--limit", "0", "協力"},
                                             {"--lang", "j a", "協力"}}) {
    const RunResult r = Concord(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.out, "");
  }
}

}  // namespace
}  // namespace hashi::testing
