// The XLIFF 1.2 writer of articles: structure, states, alt-trans, inline codes carried over and
// renumbered, validity against the OASIS schemas, and translate-toolkit reading it back.
#include <gtest/gtest.h>

#include "hashi/formats/xliff.h"
#include "test_support.h"
#include "xliff_test_util.h"

namespace hashi::formats {
namespace {

using testing::FakeMatch;
using testing::MakeSegment;

XliffArticle::Sentence Sentence(const std::string& text, std::vector<Match> matches = {}) {
  return {MakeSegment(text), std::move(matches)};
}

// Two paragraphs: an exact match with two alternatives, a fuzzy match with TMX codes, and an
// unmatched sentence.
XliffArticle SampleArticle() {
  XliffArticle article;
  article.original = "en.txt";
  article.source_lang = "en";
  article.target_lang = "vi";
  article.alternatives = 1;
  Match coded = FakeMatch(88, "", "", "vi", 7, "press & co");
  const std::vector<Code> tmx = {{CodeKind::kBpt, "<bpt i=\"1\" type=\"bold\">&lt;b&gt;</bpt>"},
                                 {CodeKind::kEpt, "<ept i=\"1\">&lt;/b&gt;</ept>"},
                                 {CodeKind::kPh, "<ph type=\"lb\">&lt;br/&gt;</ph>"}};
  coded.source = MakeSegment("The {0}new{1} embassy{2}", tmx);
  coded.targets["vi"] = MakeSegment("Đại sứ quán {0}mới{1}{2}", tmx);
  article.paragraphs = {
      {Sentence("Hello <world> & co.",
                {FakeMatch(100, "Hello <world> & co.", "Xin chào <thế giới>"),
                 FakeMatch(90, "Hello world", "Chào thế giới"), FakeMatch(80, "Hello", "Chào")}),
       Sentence("The new embassy", {coded})},
      {Sentence("Nothing matches this.")}};
  return article;
}

TEST(XliffWriter, ArticleStructure) {
  const std::string xml = ArticleXliff(SampleArticle());
  Result<XliffDocument> doc = ReadXliff(xml, "out.xlf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString() << "\n" << xml;
  ASSERT_EQ(doc->files().size(), 1u);
  EXPECT_EQ(doc->files()[0].original, "en.txt");
  EXPECT_EQ(doc->files()[0].target_language, "vi");
  ASSERT_EQ(doc->units().size(), 3u);
  EXPECT_EQ(doc->units()[0].id, "1");
  EXPECT_EQ(doc->units()[2].id, "3");
  EXPECT_EQ(doc->units()[0].source.text, "Hello <world> & co.");
  EXPECT_EQ(doc->units()[0].target->text, "Xin chào <thế giới>");
  EXPECT_FALSE(doc->units()[2].target.has_value());
  EXPECT_NE(xml.find("<group id=\"p1\">"), std::string::npos);
  EXPECT_NE(xml.find("<group id=\"p2\">"), std::string::npos);
}

TEST(XliffWriter, StatesScoresAndAlternatives) {
  const std::string xml = ArticleXliff(SampleArticle());
  EXPECT_NE(xml.find("state=\"translated\" state-qualifier=\"exact-match\""), std::string::npos);
  EXPECT_NE(xml.find("state=\"needs-review-translation\" state-qualifier=\"fuzzy-match\""),
            std::string::npos);
  EXPECT_NE(xml.find("<alt-trans match-quality=\"100\" origin=\"test-tm\">"), std::string::npos);
  EXPECT_NE(xml.find("<alt-trans match-quality=\"90\""), std::string::npos);
  EXPECT_EQ(xml.find("<alt-trans match-quality=\"80\""), std::string::npos);  // --alt 1
  EXPECT_NE(xml.find("origin=\"press &amp; co\""), std::string::npos);
}

TEST(XliffWriter, TmCodesBecomeXliffCodesRenumbered) {
  const std::string xml = ArticleXliff(SampleArticle());
  EXPECT_NE(xml.find("Đại sứ quán <bpt id=\"1\" ctype=\"bold\">&lt;b&gt;</bpt>mới"
                     "<ept id=\"1\">&lt;/b&gt;</ept><ph id=\"2\" ctype=\"lb\">&lt;br/&gt;</ph>"
                     "</target>"),
            std::string::npos)
      << xml;
}

TEST(XliffWriter, FitKeepsTheSourceCodesOfAnXliffQuery) {
  XliffArticle article;
  article.source_lang = "en";
  article.target_lang = "vi";
  Match match = FakeMatch(99, "", "");
  const std::vector<Code> tmx = {{CodeKind::kBpt, "<bpt i=\"1\">&lt;b&gt;</bpt>"},
                                 {CodeKind::kEpt, "<ept i=\"1\">&lt;/b&gt;</ept>"}};
  match.source = MakeSegment("Go {0}now{1}", tmx);
  match.targets["vi"] = MakeSegment("Đi {0}ngay{1}", tmx);
  const std::vector<Code> xliff = {{CodeKind::kHiStart, "<g id=\"5\">"},
                                   {CodeKind::kHiEnd, "</g>"}};
  const std::string text =
      R"(<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="vi" datatype="x" original="o"><body><trans-unit id="1"><source>Go <g id="5">now</g></source></trans-unit></body></file></xliff>)";
  Result<XliffDocument> doc = ReadXliff(text, "in.xlf");
  ASSERT_TRUE(doc.ok());
  XliffLeverage leverage;
  leverage.target_lang = "vi";
  leverage.matches = {{{match}}};
  Result<std::string> out = PretranslatedXliff(*doc, leverage);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_NE(out->find("<target xml:lang=\"vi\" state=\"needs-review-translation\" "
                      "state-qualifier=\"fuzzy-match\">Đi <g id=\"5\">ngay</g></target>"),
            std::string::npos)
      << *out;
}

// A UTF-16LE file without a byte order mark goes back in UTF-16LE, still without one.
TEST(XliffWriter, TargetsAddedInTheDocumentsOwnEncoding) {
  const std::string ascii = R"(<?xml version="1.0" encoding="UTF-16LE"?>
<xliff version="1.2"><file source-language="en" target-language="vi" datatype="x"><body>
<trans-unit id="1"><source>Hi</source></trans-unit></body></file></xliff>)";
  std::string utf16;
  for (char c : ascii) utf16 += std::string{c, '\0'};
  Result<XliffDocument> doc = ReadXliff(utf16, "u16.xlf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  XliffLeverage leverage;
  leverage.target_lang = "vi";
  leverage.matches = {{{FakeMatch(100, "Hi", "Chào")}}};
  Result<std::string> out = PretranslatedXliff(*doc, leverage);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_TRUE(out->starts_with(std::string("<\0?\0x\0", 6)));
  Result<XliffDocument> again = ReadXliff(*out, "again.xlf");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  ASSERT_TRUE(again->units()[0].target.has_value());
  EXPECT_EQ(again->units()[0].target->text, "Chào");
  const std::string head = out->substr(0, utf16.find(std::string("<\0/\0s\0", 6)));
  EXPECT_EQ(head, utf16.substr(0, head.size()));  // unchanged up to the insertion point
}

TEST(XliffWriter, EmptyArticleIsAValidFileWithNoUnits) {
  XliffArticle article;
  article.source_lang = "en";
  article.target_lang = "ja";
  Result<XliffDocument> doc = ReadXliff(ArticleXliff(article), "empty.xlf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_TRUE(doc->units().empty());
}

class XliffWriterTools : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::HaveSharedCorpus()) GTEST_SKIP() << "../shared/corpus not found";
    if (!testing::HaveXmllint()) GTEST_SKIP() << "xmllint not installed";
  }
  testing::TempDir dir_;
};

TEST_F(XliffWriterTools, ValidAgainstStrictAndTransitionalSchemas) {
  const auto path = dir_ / "article.xlf";
  ASSERT_TRUE(WriteArticleXliff(SampleArticle(), path).ok());
  EXPECT_EQ(testing::XliffSchemaErrors(path, "xliff-core-1.2-strict.xsd"), "");
  EXPECT_EQ(testing::XliffSchemaErrors(path, "xliff-core-1.2-transitional.xsd"), "");
  XliffArticle empty;
  empty.source_lang = "en";
  empty.target_lang = "vi";
  const auto empty_path = dir_ / "empty.xlf";
  ASSERT_TRUE(WriteArticleXliff(empty, empty_path).ok());
  EXPECT_EQ(testing::XliffSchemaErrors(empty_path, "xliff-core-1.2-strict.xsd"), "");
}

TEST_F(XliffWriterTools, TranslateToolkitReadsIt) {
  if (!testing::HaveTranslateToolkit()) GTEST_SKIP() << "translate-toolkit not installed";
  const auto path = dir_ / "article.xlf";
  ASSERT_TRUE(WriteArticleXliff(SampleArticle(), path).ok());
  int code = 0;
  const std::string dump = testing::TranslateToolkitDump(path, &code);
  ASSERT_EQ(code, 0) << dump;
  EXPECT_NE(dump.find("Hello <world> & co.\tXin chào <thế giới>\t2\n"), std::string::npos) << dump;
  EXPECT_NE(dump.find("Nothing matches this.\t\t0\n"), std::string::npos) << dump;
}

}  // namespace
}  // namespace hashi::formats
