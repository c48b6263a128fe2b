// The SRX reader: the shared corpus (SRX 1.0 and 2.0), segmentation by corpus rules, and errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "hashi/formats/srx.h"
#include "hashi/language_tag.h"
#include "hashi/segmenter.h"
#include "test_support.h"

namespace hashi::formats {
namespace {

using Lines = std::vector<std::string>;

std::filesystem::path CorpusSrx(const std::string& name) {
  return testing::SharedDir() / "corpus/srx" / name;
}

Lines SegmentWith(const SrxRules& rules, const char* lang, const std::string& text) {
  Result<std::unique_ptr<Segmenter>> segmenter =
      MakeSegmenter(LanguageTag::Parse(lang).value(), &rules);
  EXPECT_TRUE(segmenter.ok()) << segmenter.status().ToString();
  return segmenter.ok() ? (*segmenter)->Sentences(text) : Lines{};
}

TEST(SrxReader, EveryCorpusFileLoadsButTheInvalidOne) {
  if (!testing::HaveSharedCorpus()) GTEST_SKIP() << "no ../shared/corpus";
  int loaded = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CorpusSrx(""))) {
    const std::string name = entry.path().filename().string();
    Result<SrxRules> rules = ReadSrxFile(entry.path());
    if (name == "loomchild-invalid.srx") {
      ASSERT_FALSE(rules.ok());
      EXPECT_EQ(rules.status().location().file, entry.path().string());
      EXPECT_EQ(rules.status().location().line, 2);
      EXPECT_NE(rules.status().message().find("version"), std::string::npos);
      continue;
    }
    ASSERT_TRUE(rules.ok()) << rules.status().ToString();
    EXPECT_FALSE(rules->language_rules.empty()) << name;
    EXPECT_FALSE(rules->maps.empty()) << name;
    ++loaded;
  }
  EXPECT_EQ(loaded, 14);
}

TEST(SrxReader, ReadsSrx10MapRulesAndLines) {
  if (!testing::HaveSharedCorpus()) GTEST_SKIP() << "no ../shared/corpus";
  Result<SrxRules> rules = ReadSrxFile(CorpusSrx("loomchild-example1.srx"));
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_FALSE(rules->cascade);
  ASSERT_EQ(rules->language_rules.size(), 2u);
  EXPECT_EQ(rules->language_rules[1].name, "Japanese");
  ASSERT_EQ(rules->language_rules[0].rules.size(), 5u);
  EXPECT_EQ(rules->language_rules[0].rules[0].line, 23);
  EXPECT_FALSE(rules->language_rules[0].rules[0].is_break);
  EXPECT_EQ(rules->language_rules[0].rules[0].before, "^\\s*[0-9]+\\.");
  ASSERT_EQ(rules->maps.size(), 2u);
  EXPECT_EQ(rules->maps[0].pattern, "JA.*");
  const auto selected = SelectSrxRules(*rules, LanguageTag::Parse("ja").value());
  ASSERT_EQ(selected.size(), 1u);
  EXPECT_EQ(selected[0]->name, "Japanese");
}

TEST(SrxReader, CorpusRulesSegmentWhereTheySay) {
  if (!testing::HaveSharedCorpus()) GTEST_SKIP() << "no ../shared/corpus";
  // Okapi's sample: "U.K." and "U.S." (two initials) and Mr./Dr. never break; "." + space does.
  Result<SrxRules> okapi = ReadSrxFile(CorpusSrx("okapi-sample20.srx"));
  ASSERT_TRUE(okapi.ok()) << okapi.status().ToString();
  EXPECT_EQ(SegmentWith(*okapi, "en",
                        "Mr. Holmes is from the U.K. not the U.S. Is Dr. Watson "
                        "from there too? Yes: both are."),
            (Lines{"Mr. Holmes is from the U.K. not the U.S. Is Dr. Watson from there too?",
                   "Yes: both are."}));
  // segment's SRX 1.0 example: "etc." before a lower-case word and " Mr." do not break,
  // "[.?!]+" before a space does, and so does a line end.
  Result<SrxRules> example = ReadSrxFile(CorpusSrx("loomchild-example1.srx"));
  ASSERT_TRUE(example.ok()) << example.status().ToString();
  EXPECT_EQ(SegmentWith(*example, "en", "Pears etc. are fruit. Ask Mr. Smith now! Steps\n1. Go."),
            (Lines{"Pears etc. are fruit.", "Ask Mr. Smith now!", "Steps", "1. Go."}));
  // OmegaT's defaults for English keep common abbreviations.
  Result<SrxRules> omegat = ReadSrxFile(CorpusSrx("omegat-defaultRules.srx"));
  ASSERT_TRUE(omegat.ok()) << omegat.status().ToString();
  EXPECT_EQ(SegmentWith(*omegat, "en", "Dr. Watson met Mr. Holmes in London. It rained."),
            (Lines{"Dr. Watson met Mr. Holmes in London.", "It rained."}));
}

TEST(SrxReader, ReadsUtf16WithBom) {
  const std::string utf8 =
      "<?xml version=\"1.0\"?>\n<srx version=\"2.0\"><header cascade=\"yes\"/><body>"
      "<languagerules><languagerule languagerulename=\"D\"><rule break=\"no\">"
      "<beforebreak>Mr\\.</beforebreak><afterbreak> </afterbreak></rule></languagerule>"
      "</languagerules><maprules><languagemap languagepattern=\".*\" languagerulename=\"D\"/>"
      "</maprules></body></srx>";
  std::string utf16 = "\xFF\xFE";
  for (char c : utf8) utf16 += std::string{c, '\0'};
  Result<SrxRules> rules = ReadSrx(utf16, "u16.srx");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_TRUE(rules->cascade);
  ASSERT_EQ(rules->language_rules.at(0).rules.size(), 1u);
  EXPECT_EQ(rules->language_rules[0].rules[0].after, " ");  // white space is a regex too
  EXPECT_EQ(rules->language_rules[0].rules[0].line, 2);
}

struct BadSrx {
  const char* name;
  const char* text;
  int line;
  const char* message;
};

class SrxReaderErrors : public ::testing::TestWithParam<BadSrx> {};

TEST_P(SrxReaderErrors, NameFileLineAndRule) {
  const BadSrx& bad = GetParam();
  Result<SrxRules> rules = ReadSrx(bad.text, "bad.srx");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().location().file, "bad.srx");
  EXPECT_EQ(rules.status().location().line, bad.line) << rules.status().ToString();
  EXPECT_NE(rules.status().message().find(bad.message), std::string::npos)
      << rules.status().ToString();
}

#define SRX_HEAD "<?xml version=\"1.0\"?>\n<srx version=\"2.0\">\n<header/>\n<body>\n"
#define SRX_RULES_OPEN "<languagerules>\n<languagerule languagerulename=\"D\">\n"
#define SRX_TAIL                                                                      \
  "</languagerule>\n</languagerules>\n<maprules><languagemap languagepattern=\".*\" " \
  "languagerulename=\"D\"/></maprules>\n</body>\n</srx>\n"

const BadSrx kBadSrx[] = {
    {"Empty", "", 0, "empty"},
    {"NotXml", "<srx version=\"2.0\">\n<body>\n</srx>", 3, "malformed XML"},
    {"NotSrx", "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>", 2, "root element is <tmx>"},
    {"NoVersion", "<srx>\n<body/></srx>", 1, "unsupported SRX version ''"},
    {"BadRegex",
     SRX_HEAD SRX_RULES_OPEN
     "<rule break=\"no\"><beforebreak>\\.</beforebreak></rule>\n"
     "<rule break=\"no\">\n<beforebreak>(Mr</beforebreak></rule>\n" SRX_TAIL,
     8, "rule 2 of language rule 'D'"},
    {"UnclosedClass",
     SRX_HEAD SRX_RULES_OPEN "<rule><beforebreak>[</beforebreak></rule>\n" SRX_TAIL, 7,
     "beforebreak"},
    {"BadBreakValue", SRX_HEAD SRX_RULES_OPEN "<rule break=\"maybe\"/>\n" SRX_TAIL, 7,
     "break=\"maybe\""},
    {"RuleSetWithoutName", SRX_HEAD "<languagerules>\n<languagerule>\n" SRX_TAIL, 6,
     "without a languagerulename"},
    {"MapToMissingSet",
     SRX_HEAD SRX_RULES_OPEN
     "</languagerule>\n</languagerules>\n<maprules>\n"
     "<languagemap languagepattern=\"ja\" languagerulename=\"Japanese\"/>\n</maprules>\n"
     "</body>\n</srx>\n",
     10, "Japanese"},
    {"BadLanguagePattern",
     SRX_HEAD SRX_RULES_OPEN
     "</languagerule>\n</languagerules>\n<maprules>\n"
     "<languagemap languagepattern=\"(ja\" languagerulename=\"D\"/>\n</maprules>\n"
     "</body>\n</srx>\n",
     10, "languagepattern"},
};

INSTANTIATE_TEST_SUITE_P(Srx, SrxReaderErrors, ::testing::ValuesIn(kBadSrx),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(SrxReader, MissingFileIsAnIoError) {
  Result<SrxRules> rules = ReadSrxFile("/nonexistent/rules.srx");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().code(), ErrorCode::kIo);
  EXPECT_EQ(rules.status().location().file, "/nonexistent/rules.srx");
}

TEST(SrxReader, ShippedRulesLoad) {
  Result<SrxRules> rules = ReadSrxFile(testing::SourceDir() / "data/hashi.srx");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_TRUE(rules->cascade);
  EXPECT_EQ(rules->language_rules.size(), 4u);
}

}  // namespace
}  // namespace hashi::formats
