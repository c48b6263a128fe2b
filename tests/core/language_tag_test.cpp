#include "hashi/language_tag.h"

#include <gtest/gtest.h>

#include <string>

namespace hashi {
namespace {

// The canonical form of `tag`, or "ERROR: <message>".
std::string Canonical(std::string_view tag) {
  Result<LanguageTag> parsed = LanguageTag::Parse(tag);
  if (!parsed.ok()) return "ERROR: " + parsed.status().message();
  return parsed->str();
}

LanguageTag Tag(std::string_view tag) {
  Result<LanguageTag> parsed = LanguageTag::Parse(tag);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return parsed.ok() ? *parsed : LanguageTag();
}

TEST(LanguageTag, CanonicalCaseOfSimpleTags) {
  EXPECT_EQ(Canonical("en"), "en");
  EXPECT_EQ(Canonical("EN"), "en");
  EXPECT_EQ(Canonical("en-US"), "en-US");
  EXPECT_EQ(Canonical("vi-VN"), "vi-VN");
  EXPECT_EQ(Canonical("ja"), "ja");
}

TEST(LanguageTag, TagsAsRealTmxFilesWriteThem) {
  EXPECT_EQ(Canonical("EN-US"), "en-US");
  EXPECT_EQ(Canonical("eN-uS"), "en-US");
  EXPECT_EQ(Canonical("fR-Ca"), "fr-CA");
  EXPECT_EQ(Canonical("ja-jp"), "ja-JP");
  EXPECT_EQ(Canonical("zh-CN"), "zh-CN");
  EXPECT_EQ(Canonical("VI"), "vi");
}

TEST(LanguageTag, ScriptIsTitleCaseRegionUpperCase) {
  EXPECT_EQ(Canonical("zh-hant-tw"), "zh-Hant-TW");
  EXPECT_EQ(Canonical("ZH-HANS"), "zh-Hans");
  EXPECT_EQ(Canonical("sr-latn"), "sr-Latn");
  EXPECT_EQ(Canonical("es-419"), "es-419");
  EXPECT_EQ(Canonical("ja-Jpan-JP"), "ja-Jpan-JP");
}

TEST(LanguageTag, ExtlangVariantsExtensionsPrivateUse) {
  EXPECT_EQ(Canonical("zh-YUE-hk"), "zh-yue-HK");
  EXPECT_EQ(Canonical("zh-min-nan"), "zh-min-nan");          // regular grandfathered
  EXPECT_EQ(Canonical("zh-abc-def-ghi"), "zh-abc-def-ghi");  // three extlangs is the most
  EXPECT_EQ(Canonical("de-CH-1901"), "de-CH-1901");
  EXPECT_EQ(Canonical("sl-ROZAJ-biske"), "sl-rozaj-biske");
  EXPECT_EQ(Canonical("hy-Latn-IT-arevela"), "hy-Latn-IT-arevela");
  EXPECT_EQ(Canonical("en-US-u-ca-GREGORY"), "en-US-u-ca-gregory");
  EXPECT_EQ(Canonical("en-a-bbb-x-a-ccc"), "en-a-bbb-x-a-ccc");
  EXPECT_EQ(Canonical("en-CA-x-CA"), "en-CA-x-ca");  // RFC 5646: no upper case after a singleton
  EXPECT_EQ(Canonical("az-Latn-x-LATN"), "az-Latn-x-latn");
  EXPECT_EQ(Canonical("de-Qaaa"), "de-Qaaa");
  EXPECT_EQ(Canonical("en-1-XX"), "en-1-xx");  // a digit is a singleton too
  EXPECT_EQ(Canonical("art-lojban"), "art-lojban");
}

TEST(LanguageTag, LongAndReservedLanguageSubtags) {
  EXPECT_EQ(Canonical("abcd"), "abcd");                // 4 letters: reserved, but well-formed
  EXPECT_EQ(Canonical("abcdefgh-US"), "abcdefgh-US");  // 5-8 letters: registered
  EXPECT_EQ(Canonical("abcd-Latn"), "abcd-Latn");
}

TEST(LanguageTag, PrivateUseAndGrandfatheredTags) {
  EXPECT_EQ(Canonical("x-whatever"), "x-whatever");
  EXPECT_EQ(Canonical("X-Hashi-Test"), "x-hashi-test");
  EXPECT_EQ(Canonical("i-klingon"), "i-klingon");
  EXPECT_EQ(Canonical("I-KLINGON"), "i-klingon");
  EXPECT_EQ(Canonical("en-gb-oed"), "en-GB-oed");
  EXPECT_EQ(Canonical("sgn-be-fr"), "sgn-BE-FR");
}

TEST(LanguageTag, RejectsWhatIsNotBcp47) {
  for (const char* bad : {"",
                          "en_US",
                          "en-",
                          "-en",
                          "e",
                          "english language",
                          "123",
                          "en--US",
                          "*all*",
                          "*",
                          " en",
                          "en ",
                          "en-US-",
                          "en-abcdefghi",
                          "abcdefghi",
                          "x",
                          "x-",
                          "en-x",
                          "en-a",
                          "en-a-x-foo",
                          "en-US-Latn",
                          "en-US-US",
                          "e1",
                          "en-Latn-Latn",
                          "en-b-c",
                          "i-foo",
                          "zh-abc-def-ghi-jkl",
                          "abcd-abc",
                          "ja-日本",
                          "en\xC3\xA9"}) {
    Result<LanguageTag> parsed = LanguageTag::Parse(bad);
    EXPECT_FALSE(parsed.ok()) << "accepted \"" << bad << "\" as " << parsed->str();
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidInput) << bad;
    }
  }
}

TEST(LanguageTag, ErrorMessageQuotesTheTag) {
  Result<LanguageTag> parsed = LanguageTag::Parse("en_US");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "not a BCP-47 language tag: \"en_US\"");
  EXPECT_EQ(LanguageTag::Parse("").status().message(), "not a BCP-47 language tag: \"\"");
}

TEST(LanguageTag, SubtagsOverEightCharactersAreRejected) {
  EXPECT_TRUE(LanguageTag::Parse("en-x-abcdefgh").ok());
  EXPECT_FALSE(LanguageTag::Parse("en-x-abcdefghi").ok());
  EXPECT_TRUE(LanguageTag::Parse("de-abcdefgh").ok());  // an 8-character variant
  EXPECT_FALSE(LanguageTag::Parse("de-abcdefghi").ok());
}

TEST(LanguageTag, PrimaryAndRegion) {
  LanguageTag tag = Tag("EN-us");
  EXPECT_EQ(tag.primary(), "en");
  EXPECT_EQ(tag.region(), "US");
  EXPECT_EQ(Tag("zh-Hant-tw").region(), "TW");
  EXPECT_EQ(Tag("zh-Hant").region(), "");
  EXPECT_EQ(Tag("es-419").region(), "419");
  EXPECT_EQ(Tag("zh-yue-HK").primary(), "zh");
  EXPECT_EQ(Tag("ja").region(), "");
  EXPECT_FALSE(Tag("ja").empty());
  EXPECT_TRUE(LanguageTag().empty());
  EXPECT_EQ(Tag("en-x-us").region(), "");  // "us" after a singleton is not a region
}

TEST(LanguageTag, MatchesOnPrimaryAndOnRegionOnlyWhenBothHaveOne) {
  EXPECT_TRUE(Tag("en-US").Matches(Tag("en")));
  EXPECT_TRUE(Tag("en").Matches(Tag("en-GB")));
  EXPECT_TRUE(Tag("en-US").Matches(Tag("EN-us")));
  EXPECT_FALSE(Tag("en-US").Matches(Tag("en-GB")));
  EXPECT_FALSE(Tag("en").Matches(Tag("vi")));
  EXPECT_FALSE(Tag("ja-JP").Matches(Tag("vi-VN")));
  EXPECT_TRUE(Tag("zh-Hant-TW").Matches(Tag("zh-TW")));
  EXPECT_TRUE(Tag("zh-Hans").Matches(Tag("zh-Hant")));  // scripts are not compared
  EXPECT_FALSE(Tag("zh-CN").Matches(Tag("zh-TW")));
  EXPECT_TRUE(Tag("es-419").Matches(Tag("es")));
}

TEST(LanguageTag, MatchingIsSymmetric) {
  const char* tags[] = {"en", "en-US", "en-GB", "vi", "vi-VN", "ja-JP", "zh-Hant-TW", "x-foo"};
  for (const char* a : tags) {
    for (const char* b : tags) {
      EXPECT_EQ(Tag(a).Matches(Tag(b)), Tag(b).Matches(Tag(a))) << a << " " << b;
    }
  }
}

TEST(LanguageTag, AtomicTagsMatchOnlyThemselves) {
  EXPECT_TRUE(Tag("x-foo").Matches(Tag("X-FOO")));
  EXPECT_FALSE(Tag("x-foo").Matches(Tag("x-bar")));
  EXPECT_FALSE(Tag("i-klingon").Matches(Tag("i-navajo")));
  EXPECT_TRUE(Tag("en-GB-oed").Matches(Tag("en")));
  EXPECT_FALSE(Tag("en-GB-oed").Matches(Tag("en-US")));
}

TEST(LanguageTag, EqualityIsOnTheCanonicalForm) {
  EXPECT_EQ(Tag("EN-us"), Tag("en-US"));
  EXPECT_FALSE(Tag("en") == Tag("en-US"));
}

}  // namespace
}  // namespace hashi
