// hashi lookup: output, JSON fields, stdin batches, every kind of bad input (CONTRACT.md).
#include <gtest/gtest.h>

#include <string>

#include "cli_test_util.h"

namespace hashi::testing {
namespace {

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class LookupCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string tmx = (dir_ / "small.tmx").string();
    WriteFileBytes(tmx, SmallTmx(30));
    ASSERT_EQ(RunHashi({"--tm", Tm(), "import", tmx}).exit_code, 0);
  }
  std::string Tm() const { return (dir_ / "tm.db").string(); }
  RunResult Lookup(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--tm", Tm(), "lookup"});
    return RunHashi(args, input);
  }
  TempDir dir_;
};

TEST_F(LookupCliTest, PrintsBestFirstWithTargetsAndOrigin) {
  const RunResult r = Lookup({"--from", "en", "--to", "vi,ja", "The embassy held event 12."});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("100  The embassy held event 12.\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("     vi  Đại sứ quán tổ chức sự kiện 12.\n"), std::string::npos);
  EXPECT_NE(r.out.find("     ja  大使館は行事12を開催した。\n"), std::string::npos);
  EXPECT_NE(r.out.find("(unit 12, small.tmx)"), std::string::npos);
  EXPECT_LT(r.out.find("     vi "), r.out.find("     ja "));  // in --to order
  EXPECT_EQ(Count(r.out, "(unit "), 5u);                      // --limit 5 by default
}

TEST_F(LookupCliTest, JsonHasTheContractFields) {
  const RunResult r =
      Lookup({"--json", "--from", "ja", "--to", "en", "--limit", "1", "大使館は行事7を開催した"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.out, "\n"), 1u);
  for (const char* field : {"\"query\":", "\"score\":", "\"source\":", "\"targets\":{\"en\":",
                            "\"unit\":7", "\"origin\":\"small.tmx\""}) {
    EXPECT_NE(r.out.find(field), std::string::npos) << field << " in " << r.out;
  }
}

TEST_F(LookupCliTest, MinAndLimitAndExhaustiveAgree) {
  const RunResult a = Lookup({"--json", "--from", "vi", "--to", "en", "--min", "90", "--limit",
                              "50", "Đại sứ quán tổ chức sự kiện 1."});
  const RunResult b = Lookup({"--json", "--from", "vi", "--to", "en", "--min", "90", "--limit",
                              "50", "--exhaustive", "Đại sứ quán tổ chức sự kiện 1."});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_GT(Count(a.out, "\n"), 1u);
  EXPECT_EQ(Count(a.out, "\"score\":8"), 0u);
}

TEST_F(LookupCliTest, StandardInputIsOneQueryPerLine) {
  const std::string input =
      "The embassy held event 3.\n\n   \nThe embassy held event 30.\r\nNothing like it at all\n";
  const RunResult r = Lookup({"--json", "--from", "en", "--to", "vi", "--limit", "1", "-"}, input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.out, "\n"), 2u) << r.out;  // blank lines skipped, no match for the last
  EXPECT_NE(r.out.find("\"query\":\"The embassy held event 30.\""), std::string::npos);
  const RunResult text = Lookup({"--from", "en", "--to", "vi", "--limit", "1", "-"}, input);
  EXPECT_EQ(Count(text.out, "> "), 3u);
  EXPECT_NE(text.out.find("(no match at or above 70)"), std::string::npos);
}

TEST_F(LookupCliTest, BatchEqualsExhaustive) {
  std::string input;
  for (int i = 1; i <= 40; ++i) {
    input += "The embassy held event " + std::to_string(i * 7 % 45) + (i % 3 ? "." : "!") + "\n";
    input += "Đại sứ quán tổ chức " + std::to_string(i) + "\n";
  }
  const RunResult a = Lookup({"--json", "--from", "en", "--to", "ja", "--min", "60", "-"}, input);
  const RunResult b =
      Lookup({"--json", "--from", "en", "--to", "ja", "--min", "60", "--exhaustive", "-"}, input);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
}

TEST_F(LookupCliTest, InvalidUtf8OnStdinIsReportedWithLineAndColumn) {
  const RunResult r = Lookup({"--json", "--from", "en", "--to", "vi", "-"},
                             "The embassy held event 3.\nab\xFF"
                             "cd\nThe embassy held event 4.\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("-:2:3:"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("event 3."), std::string::npos);  // the other lines are answered
  EXPECT_NE(r.out.find("event 4."), std::string::npos);
}

TEST_F(LookupCliTest, BadArgumentsAreUsageErrors) {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"--from", "en", "--to", "vi", "--min", "150", "text"},
                                             {"--from", "en", "--to", "vi", "--min", "abc", "text"},
                                             {"--from", "en", "--to", "vi", "--limit", "0", "text"},
                                             {"--from", "en", "--to", "vi", ""},
                                             {"--from", "en", "--to", "vi", "   "},
                                             {"--from", "en", "--to", "vi"},
                                             {"--to", "vi", "text"},
                                             {"--from", "en", "text"},
                                             {"--from", "e n", "--to", "vi", "text"},
                                             {"--from", "en", "--to", "vi", "one", "two"}}) {
    const RunResult r = Lookup(args);
    EXPECT_EQ(r.exit_code, 2) << args.back() << ": " << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err, "");
  }
}

TEST_F(LookupCliTest, ALanguageTheTmLacksWarnsAndFindsNothing) {
  const RunResult r = Lookup({"--from", "ko", "--to", "en", "대사관"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("no text in ko"), std::string::npos) << r.err;
  const RunResult quiet = Lookup({"--quiet", "--json", "--from", "ko", "--to", "en", "대사관"});
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.out, "");
  EXPECT_EQ(quiet.err, "");
}

TEST_F(LookupCliTest, EmptyTmAndMissingTm) {
  const std::string empty = (dir_ / "empty.tmx").string();
  WriteFileBytes(empty, SmallTmx(0));
  const std::string tm = (dir_ / "empty.db").string();
  ASSERT_EQ(RunHashi({"--tm", tm, "import", empty}).exit_code, 0);
  RunResult r = RunHashi({"--tm", tm, "lookup", "--from", "en", "--to", "vi", "Hello"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("the TM is empty"), std::string::npos) << r.err;
  r = RunHashi({"--tm", (dir_ / "none.db").string(), "lookup", "--from", "en", "--to", "vi", "x"});
  EXPECT_EQ(r.exit_code, 1);
}

TEST_F(LookupCliTest, AQueryOfTenThousandCharacters) {
  std::string query;
  while (query.size() < 10000) query += "The embassy held event 12. ";
  query.resize(10000);
  const RunResult r = Lookup({"--json", "--from", "en", "--to", "vi", query});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");  // nothing in the TM is anywhere near that long
}

TEST_F(LookupCliTest, AnyDirection) {
  const RunResult r = Lookup(
      {"--json", "--from", "vi", "--to", "ja", "--limit", "1", "Đại sứ quán tổ chức sự kiện 21."});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"score\":100"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"ja\":\"大使館は行事21を開催した。\""), std::string::npos) << r.out;
}

}  // namespace
}  // namespace hashi::testing
