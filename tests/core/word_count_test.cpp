// Word counts: ICU words for English and Vietnamese, characters for Japanese.
#include "hashi/word_count.h"

#include <gtest/gtest.h>

#include "hashi/unit.h"

namespace hashi {
namespace {

int64_t Count(const std::string& lang, const std::string& text) {
  Result<LanguageTag> tag = LanguageTag::Parse(lang);
  EXPECT_TRUE(tag.ok());
  Result<std::unique_ptr<WordCounter>> counter = MakeWordCounter(*tag);
  EXPECT_TRUE(counter.ok()) << counter.status().ToString();
  return (*counter)->Count(text);
}

TEST(WordCount, UnitsByLanguage) {
  EXPECT_EQ(CountUnitFor(*LanguageTag::Parse("en-US")), CountUnit::kWords);
  EXPECT_EQ(CountUnitFor(*LanguageTag::Parse("vi")), CountUnit::kWords);
  EXPECT_EQ(CountUnitFor(*LanguageTag::Parse("ja-JP")), CountUnit::kCharacters);
  EXPECT_EQ(CountUnitFor(*LanguageTag::Parse("zh-Hant")), CountUnit::kCharacters);
  EXPECT_EQ(CountUnitName(CountUnit::kWords), "words");
  EXPECT_EQ(CountUnitName(CountUnit::kCharacters), "characters");
}

TEST(WordCount, EnglishWordsNotPunctuation) {
  EXPECT_EQ(Count("en", "The embassy held 3 events in 2019."), 7);
  EXPECT_EQ(Count("en", "Japan's \"leading\" partner - isn't it?"), 5);
  EXPECT_EQ(Count("en", "US$1.5 million, 50%"), 4);  // US, 1.5, million, 50
  EXPECT_EQ(Count("en", "  ... !!! -- "), 0);
  EXPECT_EQ(Count("en", ""), 0);
}

TEST(WordCount, VietnameseSyllablesWithDiacritics) {
  EXPECT_EQ(Count("vi", "Đại sứ quán Việt Nam tại Nhật Bản."), 8);
  EXPECT_EQ(Count("vi", "Hợp tác, đầu tư và phát triển nguồn nhân lực!"), 10);
  // NFD input (combining marks) counts the same as NFC.
  EXPECT_EQ(Count("vi", "Vie\xCC\xA3\xCC\x82t Nam"), 2);
}

TEST(WordCount, JapaneseCharactersWithoutSpacesOrPunctuation) {
  EXPECT_EQ(Count("ja", "大使館は行事を開催した。"), 11);
  EXPECT_EQ(Count("ja", "「日本」、ベトナム・　2024年"), 11);  // 日本 ベトナム 2024年
  EXPECT_EQ(Count("ja", "ＡＢＣ１２３ー"), 7);
}

TEST(WordCount, PlaceholdersAreNotCounted) {
  Segment segment;
  segment.AppendText("Hello");
  ASSERT_TRUE(segment.AppendCode({CodeKind::kPh, "<ph/>"}).ok());
  segment.AppendText(" world");
  EXPECT_EQ(Count("en", segment.text), 2);
  EXPECT_EQ(Count("ja", segment.text), 10);
}

}  // namespace
}  // namespace hashi
