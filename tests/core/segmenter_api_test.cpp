// The segmenter's contract: byte offsets, NFC, line ends, bad input, SRX semantics and errors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hashi/normalizer.h"
#include "hashi/segmenter.h"
#include "shipped_rules.h"

namespace hashi {
namespace {

using Lines = std::vector<std::string>;

LanguageTag Tag(const char* tag) { return LanguageTag::Parse(tag).value(); }

std::unique_ptr<Segmenter> Make(const char* lang, const SrxRules* rules) {
  Result<std::unique_ptr<Segmenter>> made = MakeSegmenter(Tag(lang), rules);
  EXPECT_TRUE(made.ok()) << made.status().ToString();
  return made.ok() ? std::move(made).value() : nullptr;
}

SrxRules OneSet(std::vector<SrxRule> rules) {
  SrxRules srx;
  srx.file = "test.srx";
  srx.language_rules.push_back({"All", std::move(rules)});
  srx.maps.push_back({".*", "All", 1});
  return srx;
}

std::vector<std::string> Texts(std::string_view text, const std::vector<ByteRange>& ranges) {
  std::vector<std::string> out;
  for (const ByteRange& r : ranges) out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

TEST(SegmenterApi, SplitGivesTrimmedByteRanges) {
  Segmenter& segmenter = testing::ShippedSegmenter("vi");
  const std::string text = "  Đại sứ đến.  Ông Sato nói “xin chào”.\n\n日本。";
  const std::vector<ByteRange> ranges = segmenter.Split(text);
  EXPECT_EQ(Texts(text, ranges), (Lines{"Đại sứ đến.", "Ông Sato nói “xin chào”.", "日本。"}));
  EXPECT_EQ(ranges.front().begin, 2u);
  EXPECT_EQ(ranges.back().end, text.size());
}

TEST(SegmenterApi, SentencesAreNfcAndJoinLines) {
  // "Thủy lợi\n  miền Trung. Hòa." in NFD (decomposed, as in oda-irrigation-loan/vi.txt).
  const std::string nfd =
      "Thu\xCC\x89y lo\xCC\x9B\xCC\xA3i\n  mie\xCC\x82\xCC\x80n Trung. Ho\xCC\x80\x61.";
  const Lines sentences = testing::Segment("vi", nfd);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[1], "Hòa.");
  EXPECT_EQ(sentences[0], "Thủy lợi miền Trung.");
}

TEST(SegmenterApi, CrlfAndCrLineEnds) {
  EXPECT_EQ(testing::Segment("en", "Title\r\n\r\nOne is\r\nhere. Two.\rThree."),
            (Lines{"Title", "One is here.", "Two.", "Three."}));
}

TEST(SegmenterApi, EmptyAndBlankTextHaveNoSentences) {
  Segmenter& segmenter = testing::ShippedSegmenter("ja");
  EXPECT_TRUE(segmenter.Split("").empty());
  EXPECT_TRUE(segmenter.Split(" \n\u00A0\n\t\r\n\u3000").empty());
  EXPECT_EQ(segmenter.Sentences("No final newline."), (Lines{"No final newline."}));
}

TEST(SegmenterApi, InvalidUtf8IsReadAsReplacementCharacters) {
  Segmenter& segmenter = testing::ShippedSegmenter("en");
  const std::string text = "Bad \xFF\xFE byte. Next \xE3\x81 one.\n\nLast \xC3.";
  const std::vector<ByteRange> ranges = segmenter.Split(text);
  EXPECT_EQ(Texts(text, ranges), (Lines{"Bad \xFF\xFE byte.", "Next \xE3\x81 one.", "Last \xC3."}));
}

// Random texts made of the characters the segmenter reacts to, invalid bytes included: the
// ranges must stay ordered, inside the text, non-empty and trimmed.
TEST(SegmenterApi, RandomTextKeepsTheContract) {
  const std::vector<std::string> pieces = {
      ".",      "!",  "?",    "…",    "。",       "！",  "「",  "」",
      "（",     "）", "(",    ")",    "\"",       "“",   "”",   " ",
      "\u00A0", "\n", "\r\n", "\r",   "\n\n",     "Mr",  "A",   "b",
      "1",      "- ", "・",   "\xFF", "\xE3\x81", "v.v", "U.S", "http://x.org/a?b=1",
      "\u2028", "\t", "日本", "Đ"};
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  for (const char* lang : {"en", "vi", "ja"}) {
    Segmenter& segmenter = testing::ShippedSegmenter(lang);
    for (int round = 0; round < 300; ++round) {
      std::string text;
      const int length = static_cast<int>(next() % 60);
      for (int i = 0; i < length; ++i) text += pieces[(next() >> 8) % pieces.size()];
      size_t last_end = 0;
      for (const ByteRange& r : segmenter.Split(text)) {
        ASSERT_LE(last_end, r.begin) << text;
        ASSERT_LT(r.begin, r.end) << text;
        ASSERT_LE(r.end, text.size()) << text;
        EXPECT_NE(text[r.begin], ' ') << text;
        EXPECT_NE(text[r.end - 1], '\n') << text;
        last_end = r.end;
      }
      segmenter.Sentences(text);
    }
  }
}

TEST(SegmenterApi, IcuAloneWithoutSrx) {
  auto segmenter = Make("en", nullptr);
  // ICU alone breaks after a title before a capital; the shipped rules do not.
  EXPECT_EQ(segmenter->Sentences("Mr. Sato came. It rained."),
            (Lines{"Mr.", "Sato came.", "It rained."}));
  EXPECT_EQ(testing::Segment("en", "Mr. Sato came. It rained."),
            (Lines{"Mr. Sato came.", "It rained."}));
}

TEST(SegmenterApi, FirstMatchingRuleWins) {
  const SrxRules srx = OneSet({{false, "\\bNo\\.", "\\s", 3}, {true, "\\.", "\\s", 4}});
  auto segmenter = Make("en", &srx);
  EXPECT_EQ(segmenter->Sentences("See No. 5. then more."), (Lines{"See No. 5.", "then more."}));
}

TEST(SegmenterApi, RulesDecideOnlyAtCandidates) {
  const SrxRules srx = OneSet({{true, ";", "\\s", 3}});
  auto segmenter = Make("en", &srx);
  EXPECT_EQ(segmenter->Sentences("one; two; three"), (Lines{"one; two; three"}))
      << "rules decide only at candidates (after . ! ? … 。 and line ends)";
  const SrxRules colon = OneSet({{true, "[.]", "\\s+[a-z]", 3}});
  auto colon_segmenter = Make("en", &colon);
  EXPECT_EQ(colon_segmenter->Sentences("one. two"), (Lines{"one.", "two"}));
}

TEST(SegmenterApi, UnboundedBeforeAndBackReferencesWork) {
  const SrxRules srx =
      OneSet({{false, "\\s+Xyz\\.", "\\s", 3}, {false, "([a-z])\\1\\.", "\\s", 4}});
  auto segmenter = Make("en", &srx);
  EXPECT_EQ(segmenter->Sentences("Ask Xyz. Then go. Bee. Cee. Done."),
            (Lines{"Ask Xyz. Then go.", "Bee. Cee. Done."}));
}

TEST(SegmenterApi, BadRegexNamesFileLineAndRule) {
  const SrxRules srx = OneSet({{true, "\\.", "\\s", 3}, {false, "(unclosed", "\\s", 7}});
  Result<std::unique_ptr<Segmenter>> made = MakeSegmenter(Tag("en"), &srx);
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.status().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(made.status().location().file, "test.srx");
  EXPECT_EQ(made.status().location().line, 7);
  EXPECT_NE(made.status().message().find("rule 2 of language rule 'All'"), std::string::npos)
      << made.status().message();
  EXPECT_FALSE(ValidateSrxRules(srx).ok());
}

TEST(SegmenterApi, ValidateNamesAMapToAMissingRuleSet) {
  SrxRules srx = OneSet({});
  srx.maps.push_back({"ja.*", "Japanese", 12});
  const Status status = ValidateSrxRules(srx);
  EXPECT_EQ(status.location().line, 12);
  EXPECT_NE(status.message().find("Japanese"), std::string::npos);
}

TEST(SrxRules, SelectFollowsCascade) {
  SrxRules srx;
  srx.language_rules = {{"English", {}}, {"Default", {}}};
  srx.maps = {{"EN.*", "English", 1}, {".*", "Default", 2}};
  auto names = [&](const char* tag) {
    std::vector<std::string> out;
    for (const SrxLanguageRules* r : SelectSrxRules(srx, Tag(tag))) out.push_back(r->name);
    return out;
  };
  EXPECT_EQ(names("en-US"), (std::vector<std::string>{"English"}));
  EXPECT_EQ(names("ja"), (std::vector<std::string>{"Default"}));
  srx.cascade = true;
  EXPECT_EQ(names("en"), (std::vector<std::string>{"English", "Default"}));
}

TEST(SrxRules, ShippedRulesAreSpecificForEnViJaOnly) {
  const SrxRules& rules = testing::ShippedRules();
  EXPECT_TRUE(HasSpecificSrxRules(rules, Tag("en")));
  EXPECT_TRUE(HasSpecificSrxRules(rules, Tag("vi-VN")));
  EXPECT_TRUE(HasSpecificSrxRules(rules, Tag("ja")));
  EXPECT_FALSE(HasSpecificSrxRules(rules, Tag("fr")));
  EXPECT_FALSE(HasSpecificSrxRules(rules, Tag("eng")));
}

}  // namespace
}  // namespace hashi
