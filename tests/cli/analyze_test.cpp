// hashi analyze end to end: bands, context, repetitions, units lacking a target language, words
// and characters, JSON / CSV / table output, weights; bad inputs.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "job_test_util.h"

namespace hashi::testing {
namespace {

// One object of `analyze --json` output, read with a regex: the fields are known and the JSON
// is compact, with keys sorted (Qt writes them so): "bands" first, then count, file, segments,
// words and weighted_words.
class Report {
 public:
  explicit Report(std::string json) : json_(std::move(json)) {}
  std::string Text(const std::string& key) const {
    std::smatch m;
    const std::regex re("\"" + key + "\":\"([^\"]*)\"");
    return std::regex_search(json_, m, re) ? m[1].str() : "";
  }
  double Number(const std::string& key) const {  // a top-level number (after "bands")
    const std::string tail = json_.substr(json_.find("},\"count\""));
    std::smatch m;
    const std::regex re("\"" + key + "\":([0-9.eE+-]+)");
    return std::regex_search(tail, m, re) ? std::stod(m[1].str()) : -1;
  }
  int Band(const std::string& band, const std::string& key) const {
    std::smatch m;
    const std::regex re("\"" + band + "\":\\{\"segments\":([0-9]+),\"words\":([0-9]+)\\}");
    if (!std::regex_search(json_, m, re)) return -1;
    return std::stoi(m[key == "segments" ? 1 : 2].str());
  }
  int BandCount() const {
    const std::regex re("\\{\"segments\":[0-9]+,\"words\":[0-9]+\\}");
    return static_cast<int>(std::distance(std::sregex_iterator(json_.begin(), json_.end(), re),
                                          std::sregex_iterator()));
  }

 private:
  std::string json_;
};

std::vector<Report> JsonLines(const std::string& out) {
  std::vector<Report> reports;
  size_t start = 0;
  while (start < out.size()) {
    const size_t end = out.find('\n', start);
    reports.emplace_back(out.substr(start, end - start));
    start = end + 1;
  }
  return reports;
}

int Segments(const Report& report, const char* band) { return report.Band(band, "segments"); }
int Words(const Report& report, const char* band) { return report.Band(band, "words"); }

class AnalyzeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tm_ = MakeTm(dir_, {{{"en", "The embassy opened today."},
                         {"vi", "Đại sứ quán mở cửa."},
                         {"ja", "大使館が開館した。"}},
                        {{"en", "The ambassador gave a speech."},
                         {"vi", "Đại sứ phát biểu."},
                         {"ja", "大使が挨拶した。"}},
                        {{"en", "Visitors enjoyed traditional music."},
                         {"vi", "Khách thưởng thức âm nhạc truyền thống."}}});
  }
  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--tm", tm_, "analyze"});
    return RunHashi(args);
  }
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    WriteFileBytes(path, text);
    return path;
  }
  TempDir dir_;
  std::string tm_;
};

TEST_F(AnalyzeTest, JsonShapeBandsContextAndRepetitions) {
  const std::string a = Write("a.txt",
                              "The embassy opened today. The ambassador gave a speech.\n\n"
                              "The ambassador gave a long speech. Nothing like this.\n");
  const std::string b = Write("b.txt", "The ambassador gave a speech. Visitors enjoyed music.\n");
  const RunResult r = Run({"--from", "en", "--to", "vi", "--json", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Report> reports = JsonLines(r.out);
  ASSERT_EQ(reports.size(), 3u) << r.out;
  EXPECT_EQ(reports[0].Text("file"), a);
  EXPECT_EQ(reports[0].Text("count"), "words");
  EXPECT_EQ(reports[0].Number("segments"), 4);
  EXPECT_EQ(reports[0].Number("words"), 4 + 5 + 6 + 3);
  EXPECT_EQ(Segments(reports[0], "100"), 1);
  EXPECT_EQ(Segments(reports[0], "context"), 1);  // follows "The embassy opened today."
  EXPECT_EQ(Words(reports[0], "context"), 5);
  EXPECT_EQ(Segments(reports[0], "85-94"), 1);
  EXPECT_EQ(Segments(reports[0], "none"), 1);
  EXPECT_EQ(Segments(reports[1], "repetitions"), 1);  // seen in a.txt
  EXPECT_EQ(Segments(reports[1], "50-74"), 1);
  EXPECT_EQ(reports[2].Text("file"), "*total*");
  EXPECT_EQ(reports[2].Number("segments"), 6);
  for (const Report& report : reports) {
    int sum = 0;
    for (const char* band :
         {"context", "100", "95-99", "85-94", "75-84", "50-74", "none", "repetitions"}) {
      sum += Segments(report, band);
    }
    EXPECT_EQ(sum, report.Number("segments"));
    EXPECT_EQ(report.BandCount(), 8);
  }
}

TEST_F(AnalyzeTest, AMatchNeedsEveryTargetLanguage) {
  const std::string a = Write("a.txt", "Visitors enjoyed traditional music.\n");
  RunResult r = Run({"--from", "en", "--to", "vi", "--json", a});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Segments(JsonLines(r.out)[0], "100"), 1);
  r = Run({"--from", "en", "--to", "vi,ja", "--json", a});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Segments(JsonLines(r.out)[0], "none"), 1);  // that unit has no Japanese
}

TEST_F(AnalyzeTest, JapaneseCountsCharacters) {
  MakeTm(dir_, {{{"ja", "大使館が開館した。"}, {"en", "The embassy opened today."}}}, "ja.tmx");
  const std::string a = Write("ja.txt", "大使館が開館した。大使が挨拶した。\n");
  const RunResult r = Run({"--from", "ja", "--to", "en", "--json", a});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Report report = JsonLines(r.out)[0];
  EXPECT_EQ(report.Text("count"), "characters");
  EXPECT_EQ(report.Number("words"), 8 + 7);
  EXPECT_EQ(Words(report, "100"), 8);
}

TEST_F(AnalyzeTest, TableCsvAndWeights) {
  const std::string a = Write("a.txt", "The embassy opened today. Something else entirely here.\n");
  RunResult r = Run({"--from", "en", "--to", "vi", a});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with(a + " (words)\nband")) << r.out;
  EXPECT_NE(r.out.find("\n100                   1           4    50.0%\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\ntotal                 2           8   100.0%\n"), std::string::npos);
  r = Run({"--from", "en", "--to", "vi", "--csv", "--weights", "100=0.25,none=1", a});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("file,count,band,segments,words,weighted\n")) << r.out;
  EXPECT_NE(r.out.find(a + ",words,100,1,4,1.00\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("*total*,words,total,2,8,5.00\n"), std::string::npos) << r.out;
  const std::string rates = Write("rates.txt", "# agency rates\n100 = 0.5\nnone = 2\n");
  r = Run({"--from", "en", "--to", "vi", "--json", "--weights", rates, a});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_DOUBLE_EQ(JsonLines(r.out)[0].Number("weighted_words"), 2 + 8);
}

// Under a locale with a decimal comma, numbers read and printed stay in the C form: "0.25" is a
// rate, and the report says "1.00", not "1,00". The locale is compiled into the test's folder.
TEST_F(AnalyzeTest, NumbersIgnoreADecimalCommaLocale) {
  if (!std::filesystem::exists("/usr/share/i18n/locales/de_DE")) {
    GTEST_SKIP() << "no locale sources (Debian package locales)";
  }
  const std::string locales = (dir_ / "locales").string();
  std::filesystem::create_directories(locales);
  int code = 0;
  RunShell("localedef -i de_DE -f UTF-8 '" + locales + "/de_DE.UTF-8'", &code);
  if (!std::filesystem::exists(locales + "/de_DE.UTF-8")) GTEST_SKIP() << "localedef failed";
  const std::string a = Write("a.txt", "The embassy opened today. Something else entirely here.\n");
  const RunResult r = RunHashi(
      {"--tm", tm_, "analyze", "--from", "en", "--to", "vi", "--csv", "--weights",
       "100=0.25,none=1", a},
      "", {"LOCPATH=" + locales, "LC_ALL=de_DE.UTF-8"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(a + ",words,100,1,4,1.00\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("*total*,words,total,2,8,5.00\n"), std::string::npos) << r.out;
}

TEST_F(AnalyzeTest, XliffInputCountsItsTranslatableSegments) {
  const std::string x = Write("page.xlf", R"(<xliff version="1.2">
<file source-language="en" datatype="html"><body>
<trans-unit id="1"><source>The embassy opened today.</source><target>Xong.</target></trans-unit>
<trans-unit id="2" translate="no"><source>Do not count me.</source></trans-unit>
<trans-unit id="3"><source>Other words.</source></trans-unit>
</body></file></xliff>)");
  const RunResult r = Run({"--from", "en", "--to", "vi", "--json", x});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Report report = JsonLines(r.out)[0];
  EXPECT_EQ(report.Number("segments"), 2);
  EXPECT_EQ(Segments(report, "100"), 1);
}

TEST_F(AnalyzeTest, EmptyArticle) {
  const std::string a = Write("empty.txt", "");
  const RunResult r = Run({"--from", "en", "--to", "vi", "--json", a});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(JsonLines(r.out)[0].Number("segments"), 0);
  EXPECT_EQ(JsonLines(r.out)[1].Number("words"), 0);
}

TEST_F(AnalyzeTest, BadInputs) {
  const std::string a = Write("a.txt", "Text.\n");
  EXPECT_EQ(Run({"--from", "en", "--to", "vi"}).exit_code, 2);
  EXPECT_EQ(Run({"--to", "vi", a}).exit_code, 2);
  EXPECT_EQ(Run({"--from", "en", a}).exit_code, 2);
  EXPECT_EQ(Run({"--from", "en", "--to", "vi,", a}).exit_code, 0);
  EXPECT_EQ(Run({"--from", "en", "--to", "v!", a}).exit_code, 2);
  EXPECT_EQ(Run({"--from", "en", "--to", "vi", "--csv", "--json", a}).exit_code, 2);
  const RunResult weights = Run({"--from", "en", "--to", "vi", "--weights", "101=1", a});
  EXPECT_EQ(weights.exit_code, 2);
  EXPECT_NE(weights.err.find("unknown band '101'"), std::string::npos) << weights.err;
  const RunResult missing = Run({"--from", "en", "--to", "vi", (dir_ / "none.txt").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("none.txt"), std::string::npos);
  const std::string de = Write("de.xlf",
                               "<xliff version=\"1.2\"><file source-language=\"de\" "
                               "datatype=\"x\"><body/></file></xliff>");
  const RunResult wrong = Run({"--from", "en", "--to", "vi", de});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.err.find(de + ":1:22: the source language"), std::string::npos) << wrong.err;
}

}  // namespace
}  // namespace hashi::testing
