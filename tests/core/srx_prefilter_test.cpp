// White-box tests of the SRX prefilters (core/src/segment/regex_summary.h): what they derive,
// and that they are sound: wherever ICU finds a match, the prefilter must say "may match".
#include <gtest/gtest.h>
#include <unicode/regex.h>

#include <filesystem>
#include <string>
#include <vector>

#include "hashi/formats/srx.h"
#include "segment/regex_rewrite.h"
#include "segment/regex_summary.h"
#include "segment/srx_matcher.h"
#include "shipped_rules.h"
#include "test_support.h"

namespace hashi::segment {
namespace {

std::u16string U16(const std::string& utf8) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  return std::u16string(u.getBuffer(), static_cast<size_t>(u.length()));
}

TEST(SrxPrefilter, DerivesEndingsOfAbbreviationLists) {
  const RegexSummary s = Summarize(U16("\\b(?:Mr|Mrs|[Aa]pprox|Th\\.S)\\."));
  ASSERT_TRUE(s.known);
  EXPECT_FALSE(s.nullable);
  ASSERT_TRUE(s.suffixes.has_value());
  EXPECT_EQ(s.suffixes->size(), 5u);
  const SuffixSet endings(*s.suffixes);
  const std::u16string text = u"Ask Mrs. Lan, approx. Japan. Th.S. Le";
  auto ends_at = [&](const std::u16string& before) {
    return endings.EndsAt(text.data(), static_cast<int32_t>(text.find(before) + before.size()));
  };
  EXPECT_TRUE(ends_at(u"Mrs."));
  EXPECT_TRUE(ends_at(u"approx."));
  EXPECT_TRUE(ends_at(u"Th.S."));
  EXPECT_FALSE(ends_at(u"Japan."));
}

TEST(SrxPrefilter, DerivesLineAnchorsTailsAndSkips) {
  const RegexSummary list = Summarize(U16("^\\h{0,3}[0-9]{1,3}[.．]"));
  EXPECT_TRUE(list.line_anchored);
  EXPECT_EQ(list.max_length, 7);
  // \d includes digits outside the BMP: two UTF-16 units each at most.
  EXPECT_EQ(Summarize(U16("^\\d{1,3}")).max_length, 6);
  const RegexSummary initial = Summarize(U16("(?:^|[^\\p{Latin}])\\p{Lu}\\."));
  ASSERT_EQ(initial.tail.size(), 2u);
  EXPECT_TRUE(initial.tail[1].contains(u'J'));
  EXPECT_FALSE(initial.tail[1].contains(u'n'));
  const RegexSummary after = Summarize(U16("\\h*\\n\\h*-"));
  ASSERT_TRUE(after.skip.has_value());
  const std::u16string text = u"a.  \nb.  c";
  EXPECT_TRUE(MayStartAt(after, text.data(), static_cast<int32_t>(text.size()), 2));
  EXPECT_FALSE(MayStartAt(after, text.data(), static_cast<int32_t>(text.size()), 7));
}

TEST(SrxPrefilter, UnknownSyntaxRejectsNothing) {
  for (const char* regex : {"(?i)mr\\.", "(a)\\1", "\\R", "[a&&[^b]]", "(?x) z . "}) {
    const RegexSummary s = Summarize(U16(regex));
    const std::u16string text = u"zzz";
    EXPECT_TRUE(!s.known || MayEndAt(s, nullptr, text.data(), 3, 0)) << regex;
  }
}

TEST(SrxPrefilter, EscapesJavaStrayBraces) {
  EXPECT_EQ(EscapeStrayBraces("<0}"), "<0\\}");
  EXPECT_EQ(EscapeStrayBraces("a{2,3}\\p{L}[}]\\}"), "a{2,3}\\p{L}[}]\\}");
}

TEST(SrxPrefilter, BoundRepeatsForLookBehind) {
  EXPECT_EQ(BoundRepeats("\\s+Mr\\."), "\\s{1,100}Mr\\.");
  EXPECT_EQ(BoundRepeats("a*+[*+]\\d{2,}\\p{L}+"), "a{0,100}+[*+]\\d{2,102}\\p{L}{1,100}");
  EXPECT_EQ(BoundRepeats("(?:x)?\\Q+*\\E"), "(?:x)?\\Q+*\\E");
}

// Runs each rule's `before` as an ICU look-behind and `after` as a look-ahead at every
// position of `text`, and checks the prefilter never rejects a position ICU accepts.
void ExpectSound(const SrxRules& srx, const std::u16string& text, size_t max_rules) {
  const icu::UnicodeString input(false, text.data(), static_cast<int32_t>(text.size()));
  std::vector<int32_t> line_begin(text.size() + 1, 0);
  for (size_t i = 1; i <= text.size(); ++i) {
    const char16_t c = text[i - 1];
    line_begin[i] = (c == u'\n' || c == u'\r') ? static_cast<int32_t>(i) : line_begin[i - 1];
  }
  size_t checked = 0;
  for (const SrxLanguageRules& set : srx.language_rules) {
    for (const SrxRule& rule : set.rules) {
      if (checked++ >= max_rules) return;
      for (const auto& [regex, is_before] :
           {std::pair{rule.before, true}, std::pair{rule.after, false}}) {
        if (regex.empty()) continue;
        const std::u16string pattern =
            is_before ? u"(?<=" + U16(BoundRepeats(regex)) + u")" : u"(?=" + U16(regex) + u")";
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse;
        std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(
            icu::UnicodeString(pattern.data(), static_cast<int32_t>(pattern.size())),
            UREGEX_MULTILINE, parse, status));
        if (U_FAILURE(status)) continue;
        std::unique_ptr<icu::RegexMatcher> matcher(compiled->matcher(input, status));
        const RegexSummary s = Summarize(U16(regex));
        const SuffixSet endings = s.suffixes ? SuffixSet(*s.suffixes) : SuffixSet();
        for (int32_t pos = 0; pos <= static_cast<int32_t>(text.size()); ++pos) {
          if (!matcher->lookingAt(pos, status)) continue;
          const bool may =
              is_before
                  ? MayEndAt(s, s.suffixes ? &endings : nullptr, text.data(), pos, line_begin[pos])
                  : MayStartAt(s, text.data(), static_cast<int32_t>(text.size()), pos);
          ASSERT_TRUE(may) << srx.file << ":" << rule.line << " /" << regex << "/ at " << pos;
        }
      }
    }
  }
}

std::u16string SampleText() {
  std::string text;
  const auto data = testing::SourceDir() / "tests/data/segmentation";
  for (const char* name : {"tricky.en.input.txt", "tricky.vi.input.txt", "tricky.ja.input.txt"}) {
    text += testing::ReadFileBytes(data / name) + "\n";
  }
  text += "Mr.Smith i.e.x etc. (e.g.: a) 1. b\n  2. c\n- d\n  Q. e?\" he said! Yes!!\n";
  return U16(text);
}

TEST(SrxPrefilter, SoundOnShippedRules) {
  ExpectSound(testing::ShippedRules(), SampleText(), 1000);
}

TEST(SrxPrefilter, SoundOnCorpusRules) {
  if (!testing::HaveSharedCorpus()) GTEST_SKIP() << "no ../shared/corpus";
  const std::u16string text = SampleText().substr(0, 3000);
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SharedDir() / "corpus/srx")) {
    Result<SrxRules> srx = formats::ReadSrxFile(entry.path());
    if (!srx.ok()) continue;  // the invalid one; srx_reader_test covers it
    ExpectSound(*srx, text, 120);
  }
}

}  // namespace
}  // namespace hashi::segment
