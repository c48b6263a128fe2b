// hashi segment: output, options, bad input, the example articles and the two seed pages.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace hashi::testing {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class SegmentCli : public ::testing::Test {
 protected:
  // Runs `hashi segment ARGS` on `bytes` written to a file (the file name is the last arg).
  RunResult OnFile(const std::vector<std::string>& args, const std::string& bytes) {
    const auto path = dir_ / "input.txt";
    WriteFileBytes(path, bytes);
    std::vector<std::string> all{"segment"};
    all.insert(all.end(), args.begin(), args.end());
    all.push_back(path.string());
    return RunHashi(all);
  }
  TempDir dir_;
};

TEST_F(SegmentCli, PrintsOneSentencePerLine) {
  const RunResult r = OnFile({"--lang", "en"}, "Mr. Sato came at 3 p.m. The talks began.");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Mr. Sato came at 3 p.m.\nThe talks began.\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(SegmentCli, ReadsStandardInputAndWritesJson) {
  const RunResult r = RunHashi({"segment", "--lang", "ja", "--json", "-"}, "会談した。合意した。");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"n\":1,\"sentence\":\"会談した。\"}\n{\"n\":2,\"sentence\":\"合意した。\"}\n");
}

TEST_F(SegmentCli, EmptyFileGivesNoOutput) {
  const RunResult r = OnFile({"--lang", "vi"}, "");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(SegmentCli, BomCrlfAndNoFinalNewline) {
  const RunResult r = OnFile({"--lang", "en"}, "\xEF\xBB\xBFTitle\r\n\r\nOne is\r\nhere. Two.");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Title\nOne is here.\nTwo.\n");
}

TEST_F(SegmentCli, NfdInNfcOut) {
  // "Hòa bình." and "Thủy lợi." decomposed.
  const RunResult r =
      OnFile({"--lang", "vi"}, "Ho\xCC\x80\x61 bi\xCC\x80nh. Thu\xCC\x89y lo\xCC\x9B\xCC\xA3i.");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Hòa bình.\nThủy lợi.\n");
}

TEST_F(SegmentCli, InvalidUtf8IsAnErrorWithByteOffset) {
  const RunResult r = OnFile({"--lang", "en"}, "Good line.\nBad \xC3\x28 byte.");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("input.txt:2:5: invalid UTF-8 at byte offset 15"), std::string::npos)
      << r.err;
}

TEST_F(SegmentCli, LossyReplacesInvalidUtf8) {
  const RunResult r = OnFile({"--lang", "en", "--lossy"}, "Bad \xFF byte. Next.");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Bad \xEF\xBF\xBD byte.\nNext.\n");
  EXPECT_NE(r.err.find("warning"), std::string::npos);
}

TEST_F(SegmentCli, BinaryAndUtf16AreErrors) {
  RunResult r = OnFile({"--lang", "en"}, std::string("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR", 16));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("binary file"), std::string::npos) << r.err;
  r = OnFile({"--lang", "en"}, std::string("\xFF\xFEH\0i\0", 6));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("UTF-16"), std::string::npos) << r.err;
}

TEST_F(SegmentCli, UnknownLanguageFallsBackWithAWarning) {
  const RunResult r = OnFile({"--lang", "fr"}, "M. Dupont est venu. Il pleut.");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning"), std::string::npos);
  EXPECT_NE(r.err.find("'fr'"), std::string::npos) << r.err;
  EXPECT_EQ(Lines(r.out).size(), 2u) << r.out;
}

TEST_F(SegmentCli, UsageErrorsExitTwo) {
  EXPECT_EQ(OnFile({}, "x").exit_code, 2);                                  // no --lang
  EXPECT_EQ(OnFile({"--lang", "not a tag!"}, "x").exit_code, 2);            // malformed tag
  EXPECT_EQ(OnFile({"--lang", "en", "--bogus"}, "x").exit_code, 2);         // unknown option
  EXPECT_EQ(RunHashi({"segment", "--lang", "en", "a", "b"}).exit_code, 2);  // two files
  EXPECT_EQ(RunHashi({"segment", "--lang", "en"}).exit_code, 2);            // no file
}

TEST_F(SegmentCli, MissingFileIsAnError) {
  const RunResult r = RunHashi({"segment", "--lang", "en", (dir_ / "none.txt").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("none.txt"), std::string::npos);
}

TEST_F(SegmentCli, SrxOptionAndBadSrx) {
  const auto srx = dir_ / "rules.srx";
  WriteFileBytes(srx,
                 "<?xml version=\"1.0\"?>\n<srx version=\"2.0\"><header/><body><languagerules>\n"
                 "<languagerule languagerulename=\"D\">\n<rule break=\"yes\">"
                 "<beforebreak>[.]</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
                 "</languagerule></languagerules><maprules>"
                 "<languagemap languagepattern=\".*\" languagerulename=\"D\"/></maprules>"
                 "</body></srx>\n");
  RunResult r = OnFile({"--lang", "en", "--srx", srx.string()}, "Mr. Sato came. ok.");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Mr.\nSato came.\nok.\n");
  WriteFileBytes(srx, "<srx version=\"2.0\">\n<body>\n");
  r = OnFile({"--lang", "en", "--srx", srx.string()}, "x");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("rules.srx:2:7: malformed XML"), std::string::npos) << r.err;
}

TEST_F(SegmentCli, DataDirFromTheEnvironment) {
  const RunResult r = RunHashi({"segment", "--lang", "en", "-"}, "One.",
                               {"HASHI_DATA_DIR=" + (dir_ / "nowhere").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("hashi.srx not found"), std::string::npos) << r.err;
}

TEST_F(SegmentCli, CleansAndSegmentsAnExampleArticleAsTheGoldSays) {
  const auto article = SourceDir() / "examples/articles/vietnam-festival-tokyo/ja.txt";
  const RunResult r = RunHashi({"segment", "--lang", "ja", "--clean", article.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            ReadFileBytes(SourceDir() / "tests/data/segmentation/vietnam-festival-tokyo.ja.txt"));
}

TEST_F(SegmentCli, CleansAndSegmentsTheSeedPages) {
  const auto seeds = SharedDir() / "seeds";
  if (!std::filesystem::is_directory(seeds)) GTEST_SKIP() << "no ../shared/seeds";
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    const RunResult r = RunHashi({"segment", "--lang", "en", "--clean", entry.path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::vector<std::string> sentences = Lines(r.out);
    EXPECT_GE(sentences.size(), 15u) << entry.path();
    for (const std::string& s : sentences) {
      for (const char* left :
           {"Quick contact", "Telephone", "Fax", "pageviews", "3466-", "Mailbox"}) {
        EXPECT_EQ(s.find(left), std::string::npos) << entry.path() << ": " << s;
      }
      // Every sentence of these pages ends in a full stop or a closing bracket of a credit.
      EXPECT_TRUE(s.back() == '.' || s.back() == ')') << entry.path() << ": " << s;
    }
    ++pages;
  }
  EXPECT_EQ(pages, 2);
}

}  // namespace
}  // namespace hashi::testing
