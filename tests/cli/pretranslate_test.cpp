// hashi pretranslate end to end: an article and a CAT tool's XLIFF file against a small TM, the
// output checked with xmllint (OASIS XLIFF 1.2 schemas) and translate-toolkit; bad inputs.
#include <gtest/gtest.h>

#include "job_test_util.h"

namespace hashi::testing {
namespace {

class PretranslateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tm_ = MakeTm(dir_, {{{"en", "The embassy held a reception."},
                         {"vi", "Đại sứ quán tổ chức tiệc chiêu đãi."},
                         {"ja", "大使館はレセプションを開催した。"}},
                        {{"en",
                          "The ambassador met the <bpt i=\"1\">&lt;b&gt;</bpt>governor<ept "
                          "i=\"1\">&lt;/b&gt;</ept>."},
                         {"vi",
                          "Đại sứ gặp <bpt i=\"1\">&lt;b&gt;</bpt>thống đốc<ept "
                          "i=\"1\">&lt;/b&gt;</ept>."},
                         {"ja",
                          "大使は<bpt i=\"1\">&lt;b&gt;</bpt>知事<ept "
                          "i=\"1\">&lt;/b&gt;</ept>と会談した。"}}});
  }
  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--tm", tm_, "pretranslate"});
    return RunHashi(args);
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  TempDir dir_;
  std::string tm_;
};

constexpr char kArticle[] =
    "The embassy held a reception.\n\nThe ambassador met the governors. Nothing here is in "
    "the memory at all.\n";

TEST_F(PretranslateTest, ArticleToValidXliff) {
  WriteFileBytes(Path("en.txt"), kArticle);
  const RunResult r = Run({"--from", "en", "--to", "vi", Path("en.txt"), "-o", Path("vi.xlf")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, Path("vi.xlf") + ": 3 segments, 1 exact, 1 fuzzy, 1 without a match\n");
  const std::string xlf = ReadFileBytes(Path("vi.xlf"));
  EXPECT_NE(xlf.find("<group id=\"p2\">"), std::string::npos);
  EXPECT_NE(xlf.find("state=\"translated\" state-qualifier=\"exact-match\">Đại sứ quán tổ chức "
                     "tiệc chiêu đãi.</target>"),
            std::string::npos)
      << xlf;
  // The TM's codes, renumbered, in the fuzzy match's target.
  EXPECT_NE(xlf.find("Đại sứ gặp <bpt id=\"1\">&lt;b&gt;</bpt>thống đốc<ept id=\"1\">"),
            std::string::npos)
      << xlf;
  EXPECT_NE(xlf.find("match-quality=\"96\" origin=\"press.tmx\""), std::string::npos) << xlf;
  if (HaveSharedCorpus() && HaveXmllint()) {
    EXPECT_EQ(XliffSchemaErrors(Path("vi.xlf"), "xliff-core-1.2-strict.xsd"), "");
    EXPECT_EQ(XliffSchemaErrors(Path("vi.xlf"), "xliff-core-1.2-transitional.xsd"), "");
  }
}

TEST_F(PretranslateTest, TranslateToolkitReadsTheOutput) {
  if (!HaveTranslateToolkit()) GTEST_SKIP() << "translate-toolkit not installed";
  WriteFileBytes(Path("en.txt"), kArticle);
  ASSERT_EQ(Run({"--from", "en", "--to", "ja", Path("en.txt"), "-o", Path("ja.xlf")}).exit_code, 0);
  int code = 0;
  const std::string units = TranslateToolkitDump(Path("ja.xlf"), &code);
  ASSERT_EQ(code, 0) << units;
  EXPECT_NE(units.find("The embassy held a reception.\t大使館はレセプションを開催した。\t"),
            std::string::npos)
      << units;
  EXPECT_NE(units.find("Nothing here is in the memory at all.\t\t0\n"), std::string::npos) << units;
}

TEST_F(PretranslateTest, MinAndAltOptions) {
  WriteFileBytes(Path("en.txt"), kArticle);
  const RunResult r = Run({"--from", "en", "--to", "vi", "--min", "97", "--alt", "0", "--json",
                           Path("en.txt"), "-o", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("fuzzy-match"), std::string::npos);  // 96 < --min 97
  EXPECT_NE(r.out.find("{\"exact\":1,\"file\":\"-\",\"fuzzy\":0,\"none\":2,\"segments\":3}\n"),
            std::string::npos)
      << r.out;
}

constexpr char kXliff[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="page.html" source-language="en-US" target-language="vi-VN" datatype="html">
    <body>
      <trans-unit id="a"><source>The embassy held a reception.</source></trans-unit>
      <trans-unit id="b"><source>The ambassador met the <g id="7">governor</g>.</source></trans-unit>
      <trans-unit id="c"><source>The embassy held a reception.</source><target>Đã dịch.</target></trans-unit>
    </body>
  </file>
</xliff>
)";

TEST_F(PretranslateTest, XliffComesBackWithOnlyTargetsAdded) {
  WriteFileBytes(Path("page.xlf"), kXliff);
  const RunResult r =
      Run({"--from", "en", "--to", "vi", Path("page.xlf"), "-o", Path("page.vi.xlf")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string out = ReadFileBytes(Path("page.vi.xlf"));
  const std::string in = kXliff;
  const std::string added_a =
      "<target xml:lang=\"vi-VN\" state=\"translated\" state-qualifier=\"exact-match\">Đại sứ "
      "quán tổ chức tiệc chiêu đãi.</target>";
  const size_t at = out.find(added_a);
  ASSERT_NE(at, std::string::npos) << out;
  // The source's own <g> code in place of the TM's <bpt>/<ept>.
  EXPECT_NE(out.find(">Đại sứ gặp <g id=\"7\">thống đốc</g>.</target>"), std::string::npos) << out;
  EXPECT_EQ(out.find("Đã dịch.</target><alt-trans"), std::string::npos);  // translated: untouched
  EXPECT_EQ(out.substr(0, at), in.substr(0, at));
  if (HaveSharedCorpus() && HaveXmllint()) {
    EXPECT_EQ(XliffSchemaErrors(Path("page.vi.xlf"), "xliff-core-1.2-transitional.xsd"), "");
  }
}

TEST_F(PretranslateTest, XliffInAnotherSourceLanguage) {
  std::string xliff = kXliff;
  xliff.replace(xliff.find("source-language=\"en-US\""), 23, "source-language=\"de-DE\"");
  WriteFileBytes(Path("de.xlf"), xliff);
  const RunResult r = Run({"--from", "en", "--to", "vi", Path("de.xlf"), "-o", Path("o.xlf")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(Path("de.xlf") + ":3:3: the source language of this <file> is 'de-DE', "
                                        "but --from is en"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(Path("o.xlf")));
  WriteFileBytes(Path("page.xlf"), kXliff);
  const RunResult ja = Run({"--from", "en", "--to", "ja", Path("page.xlf"), "-o", Path("o.xlf")});
  EXPECT_EQ(ja.exit_code, 1);
  EXPECT_NE(ja.err.find(Path("page.xlf") + ":3:3: the target language of this <file> is "
                                           "'vi-VN', but --to is ja"),
            std::string::npos)
      << ja.err;
}

TEST_F(PretranslateTest, Xliff20AndMalformedXliff) {
  WriteFileBytes(Path("v2.xlf"),
                 "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
                 "version=\"2.0\" srcLang=\"en\"><file id=\"f\"/></xliff>\n");
  RunResult r = Run({"--from", "en", "--to", "vi", Path("v2.xlf"), "-o", Path("o.xlf")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(Path("v2.xlf") + ":2:1: XLIFF 2.0 is not supported (this file is version "
                                        "2.0; hashi reads XLIFF 1.2)"),
            std::string::npos)
      << r.err;
  WriteFileBytes(Path("bad.xlf"), "<xliff version=\"1.2\">\n<file>\n <body></file></xliff>\n");
  r = Run({"--from", "en", "--to", "vi", Path("bad.xlf"), "-o", Path("o.xlf")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(Path("bad.xlf") + ":3:"), std::string::npos) << r.err;
}

TEST_F(PretranslateTest, XmlThatIsNotXliffIsNotTakenForAnArticle) {
  WriteFileBytes(Path("units.xlf"), "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>\n");
  const RunResult r = Run({"--from", "en", "--to", "vi", Path("units.xlf"), "-o", Path("o.xlf")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(Path("units.xlf") + ":2:1: not XLIFF (the root element is <tmx>)"),
            std::string::npos)
      << r.err;
}

TEST_F(PretranslateTest, EmptyArticleGivesAnXliffWithNoUnits) {
  WriteFileBytes(Path("empty.txt"), "\n  \n");
  const RunResult r = Run({"--from", "en", "--to", "vi", Path("empty.txt"), "-o", Path("e.xlf")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("nothing to translate (no sentence)"), std::string::npos) << r.err;
  const std::string xlf = ReadFileBytes(Path("e.xlf"));
  EXPECT_EQ(xlf.find("<trans-unit"), std::string::npos);
  if (HaveSharedCorpus() && HaveXmllint()) {
    EXPECT_EQ(XliffSchemaErrors(Path("e.xlf"), "xliff-core-1.2-strict.xsd"), "");
  }
}

TEST_F(PretranslateTest, OutputInAMissingFolder) {
  WriteFileBytes(Path("en.txt"), kArticle);
  const std::string out = Path("no/such/folder/vi.xlf");
  const RunResult r = Run({"--from", "en", "--to", "vi", Path("en.txt"), "-o", out});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(
      r.err.find(out + ": cannot write: the folder " + Path("no/such/folder") + " does not exist"),
      std::string::npos)
      << r.err;
}

TEST_F(PretranslateTest, ExistingOutputIsReplacedWholeOrKept) {
  WriteFileBytes(Path("en.txt"), kArticle);
  WriteFileBytes(Path("vi.xlf"), "old content");
  WriteFileBytes(Path("bad.xlf"), "<xliff version=\"1.2\"><file></xliff>");
  RunResult r = Run({"--from", "en", "--to", "vi", Path("bad.xlf"), "-o", Path("vi.xlf")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(ReadFileBytes(Path("vi.xlf")), "old content");
  r = Run({"--from", "en", "--to", "vi", Path("en.txt"), "-o", Path("vi.xlf")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(ReadFileBytes(Path("vi.xlf")).starts_with("<?xml"));
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    files += entry.path().filename().string().starts_with("vi.xlf");
  }
  EXPECT_EQ(files, 1) << "a temporary file was left behind";
}

TEST_F(PretranslateTest, UsageErrors) {
  WriteFileBytes(Path("en.txt"), kArticle);
  const std::string in = Path("en.txt");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--to", "vi", in, "-o", "-"},
        {"--from", "en", in, "-o", "-"},
        {"--from", "en", "--to", "vi", in},
        {"--from", "en", "--to", "vi,ja", in, "-o", "-"},
        {"--from", "en", "--to", "vi", "--min", "101", in, "-o", "-"},
        {"--from", "en", "--to", "vi", "--alt", "x", in, "-o", "-"},
        {"--from", "e_n", "--to", "vi", in, "-o", "-"},
        {"--from", "en", "--to", "vi", "-o", "-"}}) {
    const RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
  }
}

TEST_F(PretranslateTest, MissingTm) {
  WriteFileBytes(Path("en.txt"), kArticle);
  const RunResult r = RunHashi({"--tm", Path("none.db"), "pretranslate", "--from", "en", "--to",
                                "vi", Path("en.txt"), "-o", Path("o.xlf")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(Path("none.db")), std::string::npos) << r.err;
}

}  // namespace
}  // namespace hashi::testing
