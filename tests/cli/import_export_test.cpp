// hashi import / export / stats as a user runs them: output lines, exit codes, the TM after.
#include <gtest/gtest.h>

#include "cli_test_util.h"

namespace hashi::testing {
namespace {

class ImportExportTest : public ::testing::Test {
 protected:
  std::string Tm() const { return (dir_ / "tm.db").string(); }
  RunResult Hashi(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--tm", Tm()});
    return RunHashi(args, input);
  }
  std::string Write(const std::string& name, const std::string& bytes) {
    WriteFileBytes(dir_ / name, bytes);
    return (dir_ / name).string();
  }
  TempDir dir_;
};

TEST_F(ImportExportTest, ImportPrintsOneLinePerFileAndSkipsDuplicates) {
  const std::string a = Write("a.tmx", SmallTmx(3));
  const std::string b = Write("b.tmx", SmallTmx(2, 3));  // unit 3 is in both
  RunResult r = Hashi({"import", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, a + ": 3 units imported, 0 duplicates skipped\n" + b +
                       ": 1 units imported, 1 duplicates skipped\n");
  r = Hashi({"import", "--on-duplicate", "replace", a});
  EXPECT_EQ(r.out, a + ": 3 units imported, 3 duplicates replaced\n");
  r = Hashi({"import", "--json", "--on-duplicate=keep", a});
  EXPECT_EQ(r.out, "{\"duplicates\":0,\"file\":\"" + a + "\",\"imported\":3}\n");
}

TEST_F(ImportExportTest, StatsTextAndJson) {
  Hashi({"import", "--origin", "press", Write("a.tmx", SmallTmx(4))});
  RunResult r = Hashi({"stats", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"origins\":{\"press\":4},\"pairs\":{\"en/ja\":4,\"en/vi\":4,\"ja/vi\":4},"
            "\"units\":4,\"variants\":{\"en\":4,\"ja\":4,\"vi\":4}}\n");
  r = Hashi({"stats"});
  EXPECT_NE(r.out.find("units: 4"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("press  4"), std::string::npos) << r.out;
}

TEST_F(ImportExportTest, TmFromOptionBeforeOrAfterCommandOrEnvironment) {
  const std::string a = Write("a.tmx", SmallTmx(1));
  const std::string other = (dir_ / "other.db").string();
  EXPECT_EQ(RunHashi({"import", a, "--tm", other}).exit_code, 0);
  EXPECT_NE(StatsJson(other).find("\"units\":1"), std::string::npos);
  const std::string env_tm = (dir_ / "env.db").string();
  RunResult r = RunHashi({"import", a}, "", {"HASHI_TM=" + env_tm});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(StatsJson(env_tm).find("\"units\":1"), std::string::npos);
}

TEST_F(ImportExportTest, ExportRoundTripsAndFilters) {
  const std::string a = Write("a.tmx", SmallTmx(5));
  ASSERT_EQ(Hashi({"import", a}).exit_code, 0);
  const std::string out = (dir_ / "out.tmx").string();
  RunResult r = Hashi({"export", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, out + ": 5 units exported\n");
  std::vector<Unit> original = ReadUnits(a);
  std::vector<Unit> exported = ReadUnits(out);
  EXPECT_EQ(exported, original);
  const std::string header = ReadFileBytes(out).substr(0, 400);
  EXPECT_NE(header.find("srclang=\"en\""), std::string::npos) << header;
  EXPECT_NE(header.find("creationtool=\"hashi\""), std::string::npos);

  r = Hashi({"export", "--langs", "en,ja", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("xml:lang=\"vi\""), std::string::npos);
  EXPECT_NE(r.out.find("xml:lang=\"ja\""), std::string::npos);
  r = Hashi({"export", "--langs", "ko,ja", "-"});
  EXPECT_EQ(r.out.find("<tu"), std::string::npos);  // one variant left: units dropped

  r = Hashi({"export", "--origin", "nope.tmx", out});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nope.tmx"), std::string::npos);
}

TEST_F(ImportExportTest, ExportIsValidAgainstTheDtd) {
  if (!HaveSharedCorpus() || !HaveXmllint()) GTEST_SKIP() << "needs ../shared and xmllint";
  ASSERT_EQ(Hashi({"import", Write("a.tmx", SmallTmx(3))}).exit_code, 0);
  const std::string out = (dir_ / "out.tmx").string();
  ASSERT_EQ(Hashi({"export", out}).exit_code, 0);
  EXPECT_EQ(DtdErrors(out), "");
}

TEST_F(ImportExportTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunHashi({}).exit_code, 2);
  EXPECT_EQ(RunHashi({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(Hashi({"import"}).exit_code, 2);
  EXPECT_EQ(Hashi({"import", "--bogus", "x.tmx"}).exit_code, 2);
  EXPECT_EQ(Hashi({"import", "--on-duplicate", "merge", "x.tmx"}).exit_code, 2);
  EXPECT_EQ(Hashi({"export"}).exit_code, 2);
  EXPECT_EQ(Hashi({"export", "--langs", "en_US", "-"}).exit_code, 2);
  EXPECT_EQ(Hashi({"stats", "extra"}).exit_code, 2);
  RunResult r = RunHashi({"import", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("Usage: hashi import", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("--on-duplicate"), std::string::npos);
  r = RunHashi({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* command : {"import", "export", "stats"}) {
    EXPECT_NE(r.out.find(command), std::string::npos) << command;
  }
}

TEST_F(ImportExportTest, ReadCommandsDoNotCreateATm) {
  RunResult r = Hashi({"stats"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(Tm()), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(Tm()));
  EXPECT_EQ(Hashi({"export", "-"}).exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(Tm()));
}

}  // namespace
}  // namespace hashi::testing

namespace hashi::testing {
namespace {

TEST_F(ImportExportTest, VietnameseAndJapaneseRoundTripAsNfcByteForByte) {
  // NFD Vietnamese with an old-style tone (hòa written o + grave, then a), full-width digits,
  // half-width katakana and an ideographic space: stored and exported as NFC, nothing else.
  const std::string nfd_vi = "Ho\xCC\x80" "a bi\xCC\xA3nh Vi\xC3\xAA\xCC\xA3t Nam";
  const std::string nfc_vi = "H\xC3\xB2" "a b\xE1\xBB\x8Bnh Vi\xE1\xBB\x87t Nam";
  const std::string ja = "２０１９年　ﾃｽﾄ・東京";
  const std::string tmx =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"vi\"/>"
      "<body><tu><tuv xml:lang=\"vi\"><seg>" + nfd_vi + "</seg></tuv><tuv xml:lang=\"ja\"><seg>" +
      ja + "</seg></tuv></tu></body></tmx>\n";
  ASSERT_EQ(Hashi({"import", Write("a.tmx", tmx)}).exit_code, 0);
  const RunResult r = Hashi({"export", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<seg>" + nfc_vi + "</seg>"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("<seg>" + ja + "</seg>"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(nfd_vi), std::string::npos);
}

bool HaveScript() { return std::system("command -v script >/dev/null 2>&1") == 0; }

// Runs `command` under a pseudo-terminal (util-linux script), returning what the terminal saw.
std::string OnTerminal(const std::string& command) {
  const std::string cmd = "script -qec \"" + command + "\" /dev/null 2>&1";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, p)) > 0) out.append(buffer, n);
    ::pclose(p);
  }
  return out;
}

TEST_F(ImportExportTest, ProgressOnlyOnATerminalAndNotWithQuiet) {
  const std::string a = Write("a.tmx", SmallTmx(5000));
  RunResult piped = Hashi({"import", a});
  EXPECT_EQ(piped.err, "");  // stderr is a pipe here: no progress
  if (!HaveScript()) GTEST_SKIP() << "needs script (util-linux) for a pseudo-terminal";
  const std::string base = std::string(HASHI_BINARY) + " --tm " + Tm() + " import --on-duplicate keep ";
  EXPECT_NE(OnTerminal(base + a).find("units read"), std::string::npos);
  EXPECT_EQ(OnTerminal(base + "--quiet " + a).find("units read"), std::string::npos);
}

}  // namespace
}  // namespace hashi::testing
