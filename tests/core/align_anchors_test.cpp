// The aligner's lexical anchors (core/src/align/anchors.h): every notation of one figure,
// date, time or name gives the same key, so that it can tie a sentence to its translation.
#include "align/anchors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace hashi::align {
namespace {

std::vector<std::string> Keys(const std::string& lang, const std::string& sentence) {
  std::vector<std::string> keys;
  for (const Anchor& a : ExtractAnchors(sentence, ConventionsFor(*LanguageTag::Parse(lang)))) {
    if (!a.alternative) keys.push_back(a.key);
  }
  return keys;
}

std::vector<std::string> Alternatives(const std::string& lang, const std::string& sentence) {
  std::vector<std::string> keys;
  for (const Anchor& a : ExtractAnchors(sentence, ConventionsFor(*LanguageTag::Parse(lang)))) {
    if (a.alternative) keys.push_back(a.key);
  }
  return keys;
}

bool Has(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

#define EXPECT_KEY(lang, sentence, key) \
  EXPECT_TRUE(Has(Keys(lang, sentence), key)) << (sentence) << " lacks " << (key)
#define EXPECT_NO_KEY(lang, sentence, key) \
  EXPECT_FALSE(Has(Keys(lang, sentence), key)) << (sentence) << " has " << (key)

TEST(AlignAnchors, ThousandsInEveryConvention) {
  EXPECT_KEY("en", "attracts 218,727 visitors", "n:218727");
  EXPECT_KEY("vi", "thu hút 218.727 lượt khách", "n:218727");
  EXPECT_KEY("ja", "21万8,727人が来場", "n:218727");
  EXPECT_KEY("ja", "５，６００件", "n:5600");
  EXPECT_KEY("en", "52,380,000 yen", "n:52380000");
  EXPECT_KEY("vi", "52.380.000 yên", "n:52380000");
  EXPECT_KEY("ja", "5,238万円", "n:52380000");
}

TEST(AlignAnchors, DecimalsAndPercentages) {
  EXPECT_KEY("en", "up 4.5% from", "n:4.5");
  EXPECT_KEY("vi", "tăng 4,5% so với", "n:4.5");
  EXPECT_KEY("ja", "前年比４．５％増", "n:4.5");
  EXPECT_KEY("ja", "年0.9％", "n:0.9");
  EXPECT_KEY("vi", "0,01% đối với", "n:0.01");
}

TEST(AlignAnchors, AmbiguousSeparatorKeepsTheOtherReading) {
  EXPECT_KEY("vi", "hơn 1.200 kỹ sư", "n:1200");       // Vietnamese thousands
  EXPECT_KEY("en", "more than 1,200 engineers", "n:1200");
  EXPECT_TRUE(Has(Alternatives("en", "more than 1,200 engineers"), "n:1.2"));
  EXPECT_KEY("en", "0.125 mm", "n:0.125");             // a leading 0 is always a decimal
}

TEST(AlignAnchors, MultipliersAddUp) {
  EXPECT_KEY("en", "reached US$46.2 billion in 2024", "n:46200000000");
  EXPECT_KEY("vi", "đạt 46,2 tỷ USD", "n:46200000000");
  EXPECT_KEY("ja", "４６２億ドルに達しました", "n:46200000000");
  EXPECT_KEY("en", "1.2 million residents", "n:1200000");
  EXPECT_KEY("vi", "1,2 triệu người dân", "n:1200000");
  EXPECT_KEY("ja", "120万人以上", "n:1200000");
  EXPECT_KEY("ja", "１億２，０００万ドル", "n:120000000");
  EXPECT_KEY("en", "3.7 trillion yen", "n:3700000000000");
  EXPECT_KEY("vi", "3.700 tỷ yên", "n:3700000000000");
  EXPECT_KEY("ja", "約3.7兆円", "n:3700000000000");
}

TEST(AlignAnchors, DatesInEveryConvention) {
  for (const auto& [lang, text] : std::vector<std::pair<std::string, std::string>>{
           {"en", "on Feb. 2, 2019"}, {"en", "on 2 February 2019"}, {"vi", "ngày 2/2/2019"},
           {"ja", "2019年2月2日"}, {"ja", "２０１９年２月２日"}}) {
    EXPECT_KEY(lang, text, "d:2-2");
    EXPECT_KEY(lang, text, "n:2019");
  }
  EXPECT_KEY("en", "on 2/20/2019", "d:2-20");       // month first in English
  EXPECT_KEY("vi", "ngày 20/2/2019", "d:2-20");     // day first in Vietnamese
  EXPECT_TRUE(Has(Alternatives("en", "on 3/4/2019"), "d:4-3"));  // UK reading kept
  EXPECT_KEY("en", "in Nov. 2023", "m:11");
  EXPECT_KEY("vi", "vào tháng 11/2023", "m:11");
  EXPECT_KEY("ja", "2023年11月に", "m:11");
  EXPECT_KEY("vi", "tháng 9 tới", "m:9");
  EXPECT_KEY("en", "Sept. 10", "d:9-10");
}

TEST(AlignAnchors, TimesOnATwentyFourHourClock) {
  EXPECT_KEY("en", "began at 3 p.m.", "t:15:00");
  EXPECT_KEY("vi", "bắt đầu lúc 15h.", "t:15:00");
  EXPECT_KEY("ja", "午後3時に始まりました", "t:15:00");
  EXPECT_KEY("en", "from 9:30 a.m. to 12:00 noon", "t:9:30");
  EXPECT_KEY("en", "from 9:30 a.m. to 12:00 noon", "t:12:00");
  EXPECT_KEY("vi", "từ 9h30 đến 12h", "t:9:30");
  EXPECT_KEY("ja", "午前9時30分～正午", "t:9:30");
  EXPECT_KEY("ja", "午前9時30分～正午", "t:12:00");
  EXPECT_KEY("ja", "午後2時～5時", "t:17:00");  // the afternoon carries over the range
  EXPECT_KEY("vi", "đến 8h tối", "t:20:00");
}

TEST(AlignAnchors, LatinTokensThatStayTheSame) {
  EXPECT_KEY("en", "through JICA, e.g. tents", "w:jica");
  EXPECT_KEY("ja", "日本政府はJICAを通じて", "w:jica");
  EXPECT_KEY("ja", "日本貿易振興機構（ＪＥＴＲＯ）", "w:jetro");
  EXPECT_KEY("en", "the form TK01", "w:tk01");
  EXPECT_KEY("en", "Among the donors was N.V.T., a", "w:nvt");
  EXPECT_KEY("ja", "N.V.T.さん（24）", "w:nvt");
  EXPECT_KEY("en", "US$12,500", "w:usd");
  EXPECT_KEY("vi", "12.500 USD", "w:usd");
  EXPECT_NO_KEY("en", "e.g. tents", "w:eg");  // lower-case abbreviations are not names
}

TEST(AlignAnchors, UrlsAndEmailAddresses) {
  const std::string en = "Details are available at https://vnembassy-jp.org/en/consular.";
  const std::string ja = "詳細は https://vnembassy-jp.org/ja/consular をご覧ください。";
  EXPECT_KEY("en", en, "u:vnembassy-jp.org");
  EXPECT_KEY("en", en, "u:consular");
  EXPECT_KEY("ja", ja, "u:consular");
  EXPECT_NO_KEY("en", en, "u:en");  // the language segment differs between versions
  EXPECT_KEY("vi", "xin gửi về festival@vnembassy-jp.org.", "e:festival@vnembassy-jp.org");
}

TEST(AlignAnchors, VietnameseNamesMatchTheirEnglishSpelling) {
  EXPECT_KEY("en", "General Secretary Nguyen Phu Trong said", "w:nguyen");
  EXPECT_KEY("vi", "Tổng Bí thư Nguyễn Phú Trọng", "w:nguyen");
  EXPECT_KEY("vi", "Tổng Bí thư Nguyễn Phú Trọng", "w:phutrong");
  EXPECT_KEY("en", "General Secretary Nguyen Phu Trong said", "w:phutrong");
  EXPECT_KEY("vi", "tại Hà Nội", "w:hanoi");         // two syllables joined
  EXPECT_KEY("en", "in Hanoi in Dec. 2024", "w:hanoi");
  EXPECT_KEY("vi", "tỉnh Thanh Hoá", "w:thanhhoa");   // new-style tone placement
  EXPECT_KEY("vi", "tỉnh Thanh Hóa", "w:thanhhoa");   // old style
  EXPECT_KEY("vi", "tỉnh Thanh Ho\xCC\x81" "a", "w:thanhhoa");  // NFD
  EXPECT_NO_KEY("en", "The typhoon made landfall", "w:the");  // a short first word
}

TEST(AlignAnchors, ListMarkersQuotesAndHeadings) {
  EXPECT_KEY("en", "1. The application form", "l:1");
  EXPECT_KEY("ja", "１．旅券申請書", "l:1");
  EXPECT_NO_KEY("en", "1.2 million residents", "l:1");
  EXPECT_KEY("en", "- Fee: 8,500 yen", "l:bullet");
  EXPECT_KEY("ja", "・手数料：8,500円", "l:bullet");
  EXPECT_KEY("en", "Q. Can I apply?", "l:q");
  EXPECT_KEY("vi", "Hỏi: Tôi có thể làm hộ chiếu mới không?", "l:q");
  EXPECT_KEY("ja", "Ｑ．旅券を申請できますか。", "l:q");
  EXPECT_KEY("ja", "Ｑ．旅券を申請できますか。", "p:question");
  EXPECT_KEY("vi", "Đáp: Không.", "l:a");
  EXPECT_KEY("en", "“Japan is our partner,” she said.", "p:quote");
  EXPECT_KEY("ja", "「日本はパートナーです」と述べた。", "p:quote");
  EXPECT_KEY("en", "Required documents", "p:noend");
  EXPECT_KEY("ja", "必要書類", "p:noend");
  EXPECT_NO_KEY("en", "Ambassador Minh receives donations. (Photo: VNA)", "p:noend");
}

TEST(AlignAnchors, SmallNumbersAreTheirOwnKind) {
  const auto anchors = ExtractAnchors("Typhoon No. 4 and 37 people",
                                      ConventionsFor(*LanguageTag::Parse("en")));
  const auto kind_of = [&](const std::string& key) {
    const auto it = std::find_if(anchors.begin(), anchors.end(),
                                 [&](const Anchor& a) { return a.key == key; });
    return it == anchors.end() ? AnchorKind::kPunctuation : it->kind;
  };
  EXPECT_EQ(kind_of("n:4"), AnchorKind::kSmallNumber);
  EXPECT_EQ(kind_of("n:37"), AnchorKind::kNumber);
}

}  // namespace
}  // namespace hashi::align
