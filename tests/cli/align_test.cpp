// hashi align: options, TSV and TMX output, --import, --batch, and every kind of bad input
// with its defined answer.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_test_util.h"
#include "hashi/normalizer.h"

namespace hashi::testing {
namespace {

namespace fs = std::filesystem;

std::string Article(const std::string& slug, const std::string& lang) {
  return (SourceDir() / "examples/articles" / slug / (lang + ".txt")).string();
}
std::string GoldSentences(const std::string& slug, const std::string& lang) {
  return (SourceDir() / "tests/data/segmentation" / (slug + "." + lang + ".txt")).string();
}
std::string GoldTsv(const std::string& slug) {
  return ToNfc(ReadFileBytes(SourceDir() / "tests/data/alignment" / (slug + ".tsv")));
}

size_t CountLines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

class AlignCommandTest : public ::testing::Test {
 protected:
  std::string Tm() const { return (dir_ / "tm.db").string(); }
  std::vector<std::string> Versions(const std::string& slug) const {
    return {"--en", Article(slug, "en"), "--vi", Article(slug, "vi"), "--ja", Article(slug, "ja")};
  }
  std::vector<std::string> With(std::vector<std::string> args,
                                const std::vector<std::string>& more) const {
    args.insert(args.begin(), "align");
    args.insert(args.end(), more.begin(), more.end());
    return args;
  }
  TempDir dir_;
};

TEST_F(AlignCommandTest, PrintsTsvByDefaultWithTheSummaryOnStderr) {
  const RunResult r = RunHashi(With(Versions("oda-irrigation-loan"), {}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, GoldTsv("oda-irrigation-loan"));  // cleaned, segmented, aligned as the gold
  EXPECT_NE(r.err.find("15 units (14 in every language, 1 missing one)"), std::string::npos)
      << r.err;
}

TEST_F(AlignCommandTest, PresegmentedGoldSentencesGiveTheGoldAlignment) {
  const std::string slug = "typhoon-relief-donation";
  const RunResult r = RunHashi({"align", "--presegmented", "--en", GoldSentences(slug, "en"),
                                "--vi", GoldSentences(slug, "vi"), "--ja",
                                GoldSentences(slug, "ja"), "--tsv", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, GoldTsv(slug));
}

TEST_F(AlignCommandTest, AnyTwoLanguages) {
  const RunResult r = RunHashi({"align", "--ja", Article("state-visit-tokyo", "ja"), "--en",
                                Article("state-visit-tokyo", "en")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "en\tja");  // versions in EN, VI, JA order
  EXPECT_EQ(CountLines(r.out), 1u + 18u);  // the 2-2 unit of the three is two 1-1 links here
}

TEST_F(AlignCommandTest, JsonLinesPerUnit) {
  const RunResult r = RunHashi(With(Versions("trade-investment-osaka"), {"--json"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountLines(r.out), 12u);
  EXPECT_EQ(r.out.rfind("{\"confidence\":", 0), 0u) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("\"ja\":\"大阪でベトナム・日本貿易投資促進会議を開催\""), std::string::npos);
}

TEST_F(AlignCommandTest, WritesTsvAndTmxFilesWithConfidence) {
  const std::string tsv = (dir_ / "out.tsv").string();
  const std::string tmx = (dir_ / "out.tmx").string();
  const RunResult r = RunHashi(With(Versions("state-visit-tokyo"), {"--tsv", tsv, "--tmx", tmx}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFileBytes(tsv), GoldTsv("state-visit-tokyo"));
  EXPECT_NE(r.out.find("state-visit-tokyo/en.txt: 17 units"), std::string::npos) << r.out;
  const std::vector<Unit> units = ReadUnits(tmx);
  ASSERT_EQ(units.size(), 17u);
  ASSERT_EQ(units[0].props.size(), 1u);
  EXPECT_EQ(*FindAttribute(units[0].props[0].attrs, "type"), "x-hashi-confidence");
  const double confidence = std::stod(units[0].props[0].text);
  EXPECT_GT(confidence, 0.5);
  EXPECT_LE(confidence, 1.0);
  ASSERT_EQ(units[0].variants.size(), 3u);
  EXPECT_EQ(units[0].variants[2].lang, "ja");
  if (HaveXmllint()) EXPECT_EQ(DtdErrors(tmx), "");
}

TEST_F(AlignCommandTest, ImportKeepsOriginAndConfidenceAndIsIdempotent) {
  const std::vector<std::string> args =
      With(Versions("vietnam-festival-tokyo"), {"--import", "--origin", "festival"});
  std::vector<std::string> with_tm = args;
  with_tm.insert(with_tm.begin(), {"--tm", Tm()});
  RunResult r = RunHashi(with_tm);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("15 units imported, 0 duplicates skipped (origin festival)"),
            std::string::npos) << r.out;
  const std::string stats = StatsJson(Tm());
  EXPECT_NE(stats.find("\"units\":15"), std::string::npos) << stats;
  EXPECT_NE(stats.find("\"festival\":15"), std::string::npos) << stats;
  r = RunHashi(with_tm);
  EXPECT_NE(r.out.find("0 units imported, 15 duplicates skipped"), std::string::npos) << r.out;
  const std::string exported = (dir_ / "export.tmx").string();
  ASSERT_EQ(RunHashi({"--tm", Tm(), "export", exported}).exit_code, 0);
  EXPECT_NE(ReadFileBytes(exported).find("<prop type=\"x-hashi-confidence\">"), std::string::npos);
}

TEST_F(AlignCommandTest, DefaultOriginIsTheEnglishFile) {
  const std::string en = Article("trade-investment-osaka", "en");
  ASSERT_EQ(RunHashi({"--tm", Tm(), "align", "--en", en, "--ja",
                      Article("trade-investment-osaka", "ja"), "--import"}).exit_code, 0);
  EXPECT_NE(StatsJson(Tm()).find(en), std::string::npos) << StatsJson(Tm());
}

TEST_F(AlignCommandTest, BatchWritesOneTmxPerArticleAndOneSummaryLineEach) {
  const fs::path batch = dir_ / "batch";
  for (const std::string slug : {"oda-irrigation-loan", "typhoon-relief-donation"}) {
    fs::create_directories(batch / slug);
    for (const std::string lang : {"en", "vi", "ja"}) {
      fs::copy_file(Article(slug, lang), batch / slug / (lang + ".txt"));
    }
  }
  fs::create_directories(batch / "vi-ja-only");
  fs::copy_file(Article("state-visit-tokyo", "vi"), batch / "vi-ja-only/vi.txt");
  fs::copy_file(Article("state-visit-tokyo", "ja"), batch / "vi-ja-only/ja.txt");
  const fs::path out = dir_ / "aligned";
  const RunResult r = RunHashi({"--tm", Tm(), "align", "--batch", batch.string(), "--tmx-dir",
                                out.string(), "--import"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountLines(r.out), 3u) << r.out;
  EXPECT_NE(r.out.find("oda-irrigation-loan: 15 units"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("vi-ja-only: 17 units"), std::string::npos) << r.out;
  EXPECT_EQ(ReadUnits(out / "typhoon-relief-donation.tmx").size(), 13u);
  EXPECT_EQ(ReadUnits(out / "vi-ja-only.tmx").size(), 17u);
  const std::string stats = StatsJson(Tm());
  EXPECT_NE(stats.find("\"units\":45"), std::string::npos) << stats;
  EXPECT_NE(stats.find("\"oda-irrigation-loan/en.txt\":15"), std::string::npos) << stats;
  EXPECT_NE(stats.find("\"vi-ja-only/vi.txt\":17"), std::string::npos) << stats;
}

TEST_F(AlignCommandTest, BatchGoesOnPastABadArticleAndFailsAtTheEnd) {
  const fs::path batch = dir_ / "batch";
  fs::create_directories(batch / "a-good");
  fs::copy_file(Article("oda-irrigation-loan", "en"), batch / "a-good/en.txt");
  fs::copy_file(Article("oda-irrigation-loan", "ja"), batch / "a-good/ja.txt");
  fs::create_directories(batch / "b-lonely");
  fs::copy_file(Article("oda-irrigation-loan", "en"), batch / "b-lonely/en.txt");
  fs::create_directories(batch / "c-good");
  fs::copy_file(Article("oda-irrigation-loan", "en"), batch / "c-good/en.txt");
  fs::copy_file(Article("oda-irrigation-loan", "vi"), batch / "c-good/vi.txt");
  const RunResult r = RunHashi({"align", "--batch", batch.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(CountLines(r.out), 2u) << r.out;
  EXPECT_NE(r.err.find("b-lonely: needs at least two of en.txt, vi.txt, ja.txt"),
            std::string::npos) << r.err;
}

TEST_F(AlignCommandTest, MinConfidenceLeavesUnitsOut) {
  const RunResult all = RunHashi(With(Versions("vietnam-festival-tokyo"), {"--tsv", "-"}));
  const RunResult some =
      RunHashi(With(Versions("vietnam-festival-tokyo"), {"--tsv", "-", "--min-confidence", "1"}));
  ASSERT_EQ(some.exit_code, 0) << some.err;
  EXPECT_LT(CountLines(some.out), CountLines(all.out));
  EXPECT_NE(some.err.find("below --min-confidence left out"), std::string::npos) << some.err;
  EXPECT_EQ(RunHashi(With(Versions("vietnam-festival-tokyo"), {"--min-confidence", "1.5"}))
                .exit_code, 2);
  EXPECT_EQ(RunHashi(With(Versions("vietnam-festival-tokyo"), {"--min-confidence", "high"}))
                .exit_code, 2);
}

TEST_F(AlignCommandTest, UsageErrors) {
  EXPECT_EQ(RunHashi({"align", "--en", Article("oda-irrigation-loan", "en")}).exit_code, 2);
  EXPECT_EQ(RunHashi({"align"}).exit_code, 2);
  EXPECT_EQ(RunHashi({"align", "--batch", dir_.path().string(), "--en", "x.txt"}).exit_code, 2);
  EXPECT_EQ(RunHashi({"align", "--batch", dir_.path().string(), "--tmx", "x.tmx"}).exit_code, 2);
  EXPECT_EQ(RunHashi(With(Versions("oda-irrigation-loan"), {"--tmx-dir", "x"})).exit_code, 2);
  EXPECT_EQ(RunHashi(With(Versions("oda-irrigation-loan"), {"stray.txt"})).exit_code, 2);
  EXPECT_EQ(RunHashi({"align", "--bogus"}).exit_code, 2);
}

// ---- bad input: each has a defined answer naming the file ----

TEST_F(AlignCommandTest, EmptyVersionIsAnErrorNamingTheFile) {
  const std::string empty = (dir_ / "empty.txt").string();
  WriteFileBytes(empty, "  \n\n");
  const RunResult r =
      RunHashi({"align", "--en", Article("oda-irrigation-loan", "en"), "--vi", empty});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(empty + ": no sentence to align"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(AlignCommandTest, MissingFileIsAnErrorNamingIt) {
  const std::string missing = (dir_ / "missing.txt").string();
  const RunResult r =
      RunHashi({"align", "--en", Article("oda-irrigation-loan", "en"), "--ja", missing});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
}

TEST_F(AlignCommandTest, BinaryFileIsAnErrorNamingIt) {
  const std::string binary = (dir_ / "photo.jpg").string();
  WriteFileBytes(binary, std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11));
  const RunResult r =
      RunHashi({"align", "--en", Article("oda-irrigation-loan", "en"), "--vi", binary});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(binary + ": binary file, not text"), std::string::npos) << r.err;
}

TEST_F(AlignCommandTest, TwoFilesOfTheSameLanguageAreRefused) {
  const std::string en = Article("oda-irrigation-loan", "en");
  RunResult r = RunHashi({"align", "--en", en, "--vi", en});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("both written in English"), std::string::npos) << r.err;
  r = RunHashi({"align", "--vi", Article("oda-irrigation-loan", "vi"), "--ja",
                Article("state-visit-tokyo", "vi")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("both written in Vietnamese"), std::string::npos) << r.err;
}

TEST_F(AlignCommandTest, VeryUnequalVersionsAreAlignedWithAWarning) {
  // The Vietnamese holds three articles, the English one of them.
  std::string vi;
  for (const std::string slug : {"state-visit-tokyo", "oda-irrigation-loan", "vietnam-festival-tokyo"}) {
    vi += ReadFileBytes(GoldSentences(slug, "vi")) + "\n";
  }
  const std::string vi_path = (dir_ / "vi.txt").string();
  WriteFileBytes(vi_path, vi);
  const RunResult r = RunHashi({"align", "--presegmented", "--en",
                                GoldSentences("oda-irrigation-loan", "en"), "--vi", vi_path,
                                "--min-confidence", "0.8"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("the versions differ much in length"), std::string::npos) << r.err;
  // Every confident link is right; what the aligner could not place has a low confidence.
  const std::string oda = ToNfc(ReadFileBytes(GoldSentences("oda-irrigation-loan", "vi")));
  size_t complete = 0;
  for (size_t start = r.out.find('\n') + 1; start < r.out.size();) {
    const size_t end = r.out.find('\n', start);
    const std::string row = r.out.substr(start, end - start);
    start = end + 1;
    if (row.front() == '\t' || row.back() == '\t') continue;
    ++complete;
    EXPECT_NE(oda.find(ToNfc(row.substr(row.find('\t') + 1))), std::string::npos) << row;
  }
  EXPECT_GE(complete, 13u);
}

TEST_F(AlignCommandTest, FiftyThousandSentencesFinish) {
  std::string en;
  std::string ja;
  for (int k = 0; k < 50000; ++k) {
    en += "Item " + std::to_string(k) + " lists " + std::to_string(k % 997) + " projects.\n";
    ja += "項目" + std::to_string(k) + "には" + std::to_string(k % 997) + "件の事業がある。\n";
  }
  WriteFileBytes(dir_ / "en.txt", en);
  WriteFileBytes(dir_ / "ja.txt", ja);
  const auto start = std::chrono::steady_clock::now();
  const RunResult r = RunHashi({"align", "--presegmented", "--en", (dir_ / "en.txt").string(),
                                "--ja", (dir_ / "ja.txt").string(), "--tsv",
                                (dir_ / "out.tsv").string()});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("50000 units (50000 in every language"), std::string::npos) << r.out;
  EXPECT_LT(seconds, 120);
}

}  // namespace
}  // namespace hashi::testing
