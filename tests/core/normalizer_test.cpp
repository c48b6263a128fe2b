#include "hashi/normalizer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "hashi/unit.h"

namespace hashi {
namespace {

constexpr size_t kNpos = std::string_view::npos;

// Vietnamese in NFD, spelled out so that no editor or tool can recompose it.
#define GRAVE "\xCC\x80"       // U+0300
#define ACUTE "\xCC\x81"       // U+0301
#define CIRCUMFLEX "\xCC\x82"  // U+0302
#define TILDE "\xCC\x83"       // U+0303
#define HOOK "\xCC\x89"        // U+0309
#define HORN "\xCC\x9B"        // U+031B
#define DOT_BELOW "\xCC\xA3"   // U+0323

// ---- FindInvalidUtf8 ----

TEST(FindInvalidUtf8, WellFormedTextIsValid) {
  EXPECT_EQ(FindInvalidUtf8(""), kNpos);
  EXPECT_EQ(FindInvalidUtf8("plain ASCII, long enough for the word-at-a-time loop"), kNpos);
  EXPECT_EQ(FindInvalidUtf8("Hợp tác Việt Nam – Nhật Bản"), kNpos);
  EXPECT_EQ(FindInvalidUtf8("日本語のプレスリリース２０１９年ｶﾞ"), kNpos);
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"), kNpos);  // U+1F600, U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xEF\xBF\xBF\xEF\xBF\xBE"), kNpos);   // noncharacters are well-formed
  EXPECT_EQ(FindInvalidUtf8(std::string_view("a\0b", 3)), kNpos);  // only the encoding is checked
}

TEST(FindInvalidUtf8, ReportsTheOffsetOfTheFirstBadSequence) {
  EXPECT_EQ(FindInvalidUtf8("ab\xFF"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\x80"), 0u);              // stray continuation byte
  EXPECT_EQ(FindInvalidUtf8("\xC3\xA9\xBF"), 2u);      // one continuation too many
  EXPECT_EQ(FindInvalidUtf8("\xF5\x80\x80\x80"), 0u);  // lead byte past U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // U+110000
  EXPECT_EQ(FindInvalidUtf8("ok\xED\xA0\x80"), 2u);    // surrogate U+D800
  EXPECT_EQ(FindInvalidUtf8("\xED\xBF\xBF"), 0u);      // surrogate U+DFFF
  EXPECT_EQ(FindInvalidUtf8("\xED\x9F\xBF"), kNpos);   // U+D7FF is fine
}

TEST(FindInvalidUtf8, RejectsOverlongForms) {
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);
  EXPECT_EQ(FindInvalidUtf8("x\xC1\xBF"), 1u);
  EXPECT_EQ(FindInvalidUtf8("\xE0\x80\xAF"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xE0\x9F\xBF"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xE0\xA0\x80"), kNpos);  // U+0800, the first 3-byte one
  EXPECT_EQ(FindInvalidUtf8("\xF0\x80\x80\xAF"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xF0\x8F\xBF\xBF"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xF0\x90\x80\x80"), kNpos);  // U+10000
}

TEST(FindInvalidUtf8, RejectsTruncatedSequences) {
  EXPECT_EQ(FindInvalidUtf8("日本\xE8\xAA"), 6u);  // cut at the end
  EXPECT_EQ(FindInvalidUtf8("\xE3\x81"
                            "a"),
            0u);  // cut before ASCII
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xC3"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98\xE6\x97\xA5"), 0u);
}

TEST(FindInvalidUtf8, FindsABadByteAfterALongAsciiRun) {
  for (size_t prefix = 0; prefix < 40; ++prefix) {
    std::string text(prefix, 'a');
    text += "\xFE";
    text += std::string(20, 'b');
    EXPECT_EQ(FindInvalidUtf8(text), prefix);
  }
}

// ---- CodePointCount ----

TEST(CodePointCount, CountsCodePointsNotBytes) {
  EXPECT_EQ(CodePointCount(""), 0u);
  EXPECT_EQ(CodePointCount("abc"), 3u);
  EXPECT_EQ(CodePointCount("日本語"), 3u);
  EXPECT_EQ(CodePointCount("Việt Nam"), 8u);
  EXPECT_EQ(CodePointCount("Vie" DOT_BELOW CIRCUMFLEX "t"), 6u);  // NFD: marks count
  EXPECT_EQ(CodePointCount("\xF0\x9F\x98\x80"), 1u);
}

// ---- ToNfc ----

TEST(ToNfc, AsciiAndNfcTextIsUnchanged) {
  EXPECT_EQ(ToNfc(""), "");
  EXPECT_EQ(ToNfc("Press release, 1 April 2019"), "Press release, 1 April 2019");
  EXPECT_EQ(ToNfc("Thông cáo báo chí về hợp tác"), "Thông cáo báo chí về hợp tác");
  EXPECT_EQ(ToNfc("報道発表：日越協力について"), "報道発表：日越協力について");
}

TEST(ToNfc, ComposesDecomposedVietnamese) {
  EXPECT_EQ(ToNfc("Vie" DOT_BELOW CIRCUMFLEX "t Nam"), "Việt Nam");
  EXPECT_EQ(ToNfc("Vie" CIRCUMFLEX DOT_BELOW "t Nam"), "Việt Nam");  // marks out of order
  EXPECT_EQ(ToNfc("ho" HORN DOT_BELOW "p ta" ACUTE "c"), "hợp tác");
  EXPECT_EQ(ToNfc("Nguye" CIRCUMFLEX TILDE "n"), "Nguyễn");
}

TEST(ToNfc, ComposesJapaneseButKeepsCompatibilityForms) {
  EXPECT_EQ(ToNfc("\xE3\x82\xAB\xE3\x82\x99"), "ガ");  // カ + U+3099
  EXPECT_EQ(ToNfc("ｶﾞ２０１９"), "ｶﾞ２０１９");        // width is a key matter, not NFC
  EXPECT_EQ(ToNfc("①ﬁ"), "①ﬁ");
}

TEST(ToNfc, MapsCanonicalSingletons) {
  EXPECT_EQ(ToNfc("\xE2\x84\xAB"), "\xC3\x85");  // ANGSTROM SIGN -> Å
  EXPECT_EQ(ToNfc("\xE2\x84\xA6"), "\xCE\xA9");  // OHM SIGN -> Ω
}

TEST(ToNfc, ReplacesInvalidBytesWithReplacementCharacter) {
  EXPECT_EQ(ToNfc("caf\xC3\xA9\xFF"), "café\xEF\xBF\xBD");
  EXPECT_EQ(ToNfc("e" ACUTE "\xFF"), "é\xEF\xBF\xBD");
  EXPECT_EQ(FindInvalidUtf8(ToNfc("\xC0\x80 \xED\xA0\x80 \xE3\x81")), kNpos);
}

// ---- MatchKey: case, width, white space ----

TEST(MatchKey, AsciiIsLowerCasedAndWhiteSpaceCollapsed) {
  EXPECT_EQ(MatchKey(""), "");
  EXPECT_EQ(MatchKey(" \t\r\n "), "");
  EXPECT_EQ(MatchKey("  Hello\tWORLD \r\n"), "hello world");
  EXPECT_EQ(MatchKey("Tokyo  2020"), "tokyo 2020");
  EXPECT_EQ(MatchKey("a\x1F"
                     "b"),
            "a\x1F"
            "b");  // U+001F is not White_Space
}

TEST(MatchKey, FastAndFullPathsAgree) {
  EXPECT_EQ(MatchKey("  Hello\tWORLD \r\n\xC3\xA9"), "hello world \xC3\xA9");
  EXPECT_EQ(MatchKey("Hello\v\fWorld\xC2\xA0"), "hello world");
}

TEST(MatchKey, FullCaseFolding) {
  EXPECT_EQ(MatchKey("Straße"), "strasse");
  EXPECT_EQ(MatchKey("STRASSE"), MatchKey("straße"));
  EXPECT_EQ(MatchKey("ΟΔΟΣ"), MatchKey("οδος"));
  EXPECT_EQ(MatchKey("ÉCOLE"), "école");
}

TEST(MatchKey, FullWidthFormsFoldToAscii) {
  EXPECT_EQ(MatchKey("２０１９年"), "2019年");
  EXPECT_EQ(MatchKey("ＡＢＣ"), "abc");
  EXPECT_EQ(MatchKey("ａｂｃ"), "abc");
  EXPECT_EQ(MatchKey("（株）トヨタ！"), "(株)トヨタ!");
  EXPECT_EQ(MatchKey("Ｔｏｋｙｏ\xE3\x80\x80２０２０"), "tokyo 2020");  // U+3000 between
}

TEST(MatchKey, HalfWidthKatakanaFoldsAndComposes) {
  EXPECT_EQ(MatchKey("ﾃｽﾄ"), "テスト");
  EXPECT_EQ(MatchKey("ｶﾞ"), "ガ");
  EXPECT_EQ(MatchKey("ﾊﾟﾝ"), "パン");
  EXPECT_EQ(MatchKey("ｶﾞｲﾄﾞﾗｲﾝ"), MatchKey("ガイドライン"));
  EXPECT_EQ(MatchKey("｢ﾆｭｰｽ｣"), "「ニュース」");
}

TEST(MatchKey, OnlyTheWidthBlockIsCompatibilityFolded) {
  EXPECT_EQ(MatchKey("①"), "①");    // circled digit
  EXPECT_EQ(MatchKey("x²"), "x²");  // superscript
  EXPECT_EQ(MatchKey("㈱"), "㈱");  // parenthesised ideograph
  EXPECT_EQ(MatchKey("™"), "™");
  EXPECT_EQ(MatchKey("…"), "…");
  EXPECT_EQ(MatchKey("\xEE\x80\x80"), "\xEE\x80\x80");  // U+E000: private use, not a placeholder
}

TEST(MatchKey, UnicodeWhiteSpaceCollapsesToOneSpace) {
  EXPECT_EQ(MatchKey("a\xC2\xA0"
                     "b"),
            "a b");                                                         // NBSP
  EXPECT_EQ(MatchKey("日本\xE3\x80\x80\xE3\x80\x80語"), "日本 語");         // U+3000 U+3000
  EXPECT_EQ(MatchKey("\xE2\x80\x83Việt\t\n Nam\xE2\x80\xA8"), "việt nam");  // EM SPACE, LS
  EXPECT_EQ(MatchKey("\xE3\x80\x80報道発表\xE3\x80\x80"), "報道発表");
  EXPECT_EQ(MatchKey("日本\xE2\x80\x8B語"), "日本\xE2\x80\x8B語");  // ZWSP is not White_Space
}

TEST(MatchKey, JapaneseTextIsOnlyWidthAndCaseFolded) {
  EXPECT_EQ(MatchKey("日本政府は２０２０年、ベトナムとの協力を発表した。"),
            "日本政府は2020年、ベトナムとの協力を発表した。");
  EXPECT_EQ(MatchKey("ガイドライン"), "ガイドライン");
  EXPECT_EQ(MatchKey("ＪＥＴＲＯハノイ事務所"), "jetroハノイ事務所");
}

// ---- MatchKey: placeholders ----

TEST(MatchKey, PlaceholdersAreRemoved) {
  Segment seg;
  seg.AppendText("Click ");
  ASSERT_TRUE(seg.AppendCode({CodeKind::kBpt, "<bpt i=\"1\">&lt;b&gt;</bpt>"}).ok());
  seg.AppendText("HERE");
  ASSERT_TRUE(seg.AppendCode({CodeKind::kEpt, "<ept i=\"1\">&lt;/b&gt;</ept>"}).ok());
  seg.AppendText(" – Nhấn vào đây");
  EXPECT_EQ(MatchKey(seg.text), "click here – nhấn vào đây");
  EXPECT_EQ(MatchKey(seg.text), MatchKey(seg.PlainText()));
}

TEST(MatchKey, PlaceholderBetweenSpacesLeavesOneSpace) {
  Segment seg;
  ASSERT_TRUE(seg.AppendCode({CodeKind::kPh, "<ph x=\"1\"/>"}).ok());
  seg.AppendText(" Tokyo ");
  ASSERT_TRUE(seg.AppendCode({CodeKind::kPh, "<ph x=\"2\"/>"}).ok());
  seg.AppendText(" ２０２０ ");
  ASSERT_TRUE(seg.AppendCode({CodeKind::kPh, "<ph x=\"3\"/>"}).ok());
  EXPECT_EQ(MatchKey(seg.text), "tokyo 2020");
}

TEST(MatchKey, PlaceholderInsideASyllableDoesNotBlockToneFolding) {
  Segment seg;
  seg.AppendText("ho");
  ASSERT_TRUE(seg.AppendCode({CodeKind::kPh, "<ph/>"}).ok());
  seg.AppendText("\xC3\xA0");  // à
  EXPECT_EQ(MatchKey(seg.text), MatchKey("hòa"));
}

TEST(MatchKey, ManyCodesUseHighIndexCharacters) {
  Segment seg;
  for (int i = 0; i < 300; ++i) {
    seg.AppendText("x");
    ASSERT_TRUE(seg.AppendCode({CodeKind::kPh, "<ph/>"}).ok());
  }
  EXPECT_EQ(MatchKey(seg.text), std::string(300, 'x'));
}

// ---- MatchKey: Vietnamese tone placement ----

TEST(MatchKey, OldAndNewTonePlacementGiveOneKey) {
  EXPECT_EQ(MatchKey("hòa"), MatchKey("hoà"));
  EXPECT_EQ(MatchKey("thúy"), MatchKey("thuý"));
  EXPECT_EQ(MatchKey("hòe"), MatchKey("hoè"));
  EXPECT_EQ(MatchKey("khỏe"), MatchKey("khoẻ"));
  EXPECT_EQ(MatchKey("thủy"), MatchKey("thuỷ"));
  EXPECT_EQ(MatchKey("hóa"), MatchKey("hoá"));
  // The canonical place is the modern one.
  EXPECT_EQ(MatchKey("hòa"), "hoà");
  EXPECT_EQ(MatchKey("thúy"), "thuý");
  EXPECT_EQ(MatchKey("hòe"), "hoè");
}

TEST(MatchKey, ToneFoldingAfterCaseFolding) {
  EXPECT_EQ(MatchKey("Hoà"), "hoà");
  EXPECT_EQ(MatchKey("HÒA"), "hoà");
  EXPECT_EQ(MatchKey("THÚY"), "thuý");
  EXPECT_EQ(MatchKey("Thủy điện Hòa Bình"), MatchKey("THUỶ ĐIỆN HOÀ BÌNH"));
}

TEST(MatchKey, DecomposedInputGivesTheSameKey) {
  EXPECT_EQ(MatchKey("ho" GRAVE "a"), "hoà");
  EXPECT_EQ(MatchKey("hoa" GRAVE), "hoà");
  EXPECT_EQ(MatchKey("thu" ACUTE "y"), "thuý");
  EXPECT_EQ(MatchKey("thuy" ACUTE), "thuý");
  EXPECT_EQ(MatchKey("ho" GRAVE "e"), "hoè");
  EXPECT_EQ(MatchKey("hoe" GRAVE), "hoè");
  EXPECT_EQ(MatchKey("HO" GRAVE "A"), "hoà");
  EXPECT_EQ(MatchKey("Nguye" CIRCUMFLEX TILDE "n Phu" ACUTE " Tro" DOT_BELOW "ng"),
            "nguyễn phú trọng");
  EXPECT_EQ(MatchKey("ngu" HORN "o" HORN GRAVE "i"), "người");
}

TEST(MatchKey, CorrectlyPlacedTonesAreKept) {
  EXPECT_EQ(MatchKey("hoàn"), "hoàn");
  EXPECT_EQ(MatchKey("người"), "người");
  EXPECT_EQ(MatchKey("khuya"), "khuya");
  EXPECT_EQ(MatchKey("quý"), "quý");
  EXPECT_EQ(MatchKey("già"), "già");
  EXPECT_EQ(MatchKey("Nguyễn Phú Trọng"), "nguyễn phú trọng");
  EXPECT_EQ(MatchKey("Cộng hòa Xã hội Chủ nghĩa Việt Nam"), "cộng hoà xã hội chủ nghĩa việt nam");
  for (const char* word :
       {"ngoài",  "khuỷu",  "mùa",  "mía",   "hỏi", "giữa", "rượu",  "tiếng",  "cậu",     "quốc",
        "thuyền", "giường", "xoáy", "huỳnh", "gìn", "ý",    "hoạch", "khuyến", "Đà Nẵng", "hưu"}) {
    EXPECT_EQ(MatchKey(word), ToNfc(MatchKey(word))) << word;
    EXPECT_EQ(BareKey(MatchKey(word)), BareKey(word)) << word;
  }
  EXPECT_EQ(MatchKey("ngoài"), "ngoài");
  EXPECT_EQ(MatchKey("khuỷu"), "khuỷu");
  EXPECT_EQ(MatchKey("giữa"), "giữa");
  EXPECT_EQ(MatchKey("rượu"), "rượu");
  EXPECT_EQ(MatchKey("huỳnh"), "huỳnh");
  EXPECT_EQ(MatchKey("gìn"), "gìn");
}

TEST(MatchKey, MisplacedTonesMoveToTheCanonicalVowel) {
  EXPECT_EQ(MatchKey("hòan"), "hoàn");    // closed syllable: the last vowel
  EXPECT_EQ(MatchKey("ngừơi"), "người");  // ươ: on ơ
  EXPECT_EQ(MatchKey("qúy"), "quý");      // the u of qu is not a vowel
  EXPECT_EQ(MatchKey("gìa"), "già");      // nor the i of gi before a vowel
  EXPECT_EQ(MatchKey("ngòai"), "ngoài");  // three vowels: the middle one
  EXPECT_EQ(MatchKey("muà"), "mùa");      // other open pairs: the first
  EXPECT_EQ(MatchKey("hoỉ"), "hỏi");
  EXPECT_EQ(MatchKey("câụ"), "cậu");      // on the shaped vowel; dot below goes under â
  EXPECT_EQ(MatchKey("tíeng"), "tiéng");  // closed pair: the last vowel
}

TEST(MatchKey, NonVietnameseAccentsAreUntouched) {
  EXPECT_EQ(MatchKey("café"), "café");
  EXPECT_EQ(MatchKey("naïve"), "naïve");
  EXPECT_EQ(MatchKey("Crème brûlée"), "crème brûlée");
  EXPECT_EQ(MatchKey("Pokémon"), "pokémon");
  EXPECT_EQ(MatchKey("señor"), "señor");
  EXPECT_EQ(MatchKey("cafe" ACUTE), "café");
  EXPECT_EQ(MatchKey("na"
                     "\xC3\xAF"
                     "ve"),
            "naïve");
}

TEST(MatchKey, KeysAreNfcAndIdempotent) {
  const std::vector<std::string> samples = {"Hòa Bình",
                                            "THUỶ ĐIỆN",
                                            "ho" GRAVE "a",
                                            "ｶﾞｲﾄﾞﾗｲﾝ",
                                            "Ｔｏｋｙｏ\xE3\x80\x80２０２０",
                                            "Straße",
                                            "İstanbul",
                                            "ǰ",
                                            "  mixed  日本 and Việt ",
                                            "ﬁnance",
                                            "\xE2\x84\xAB"};
  for (const std::string& s : samples) {
    const std::string key = MatchKey(s);
    EXPECT_EQ(key, ToNfc(key)) << s;
    EXPECT_EQ(MatchKey(key), key) << s;
    EXPECT_EQ(FindInvalidUtf8(key), kNpos) << s;
  }
}

TEST(MatchKey, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(MatchKey("Hoà\xFF"), "hoà\xEF\xBF\xBD");
}

// ---- BareKey ----

TEST(BareKey, DropsVietnameseDiacritics) {
  EXPECT_EQ(BareKey("Hợp tác"), "hop tac");
  EXPECT_EQ(BareKey("ĐÀ NẴNG"), "da nang");
  EXPECT_EQ(BareKey("Nguyễn Phú Trọng"), "nguyen phu trong");
  EXPECT_EQ(BareKey("người"), "nguoi");
  EXPECT_EQ(BareKey("Thủy điện Hòa Bình"), "thuy dien hoa binh");
  EXPECT_EQ(BareKey("thuy dien hoa binh"), "thuy dien hoa binh");
  EXPECT_EQ(BareKey("ho" HORN DOT_BELOW "p  ta" ACUTE "c"), "hop tac");
}

TEST(BareKey, KeepsMatchKeyFolding) {
  EXPECT_EQ(BareKey("Ｔｏｋｙｏ\xE3\x80\x80２０２０"), "tokyo 2020");
  EXPECT_EQ(BareKey("Café  CRÈME"), "cafe creme");
  EXPECT_EQ(BareKey("hòa"), BareKey("hoà"));
}

TEST(BareKey, RecomposesWhatHasNoMarks) {
  EXPECT_EQ(BareKey("한국어"), "한국어");  // Hangul decomposes to jamo (letters) under NFD
  EXPECT_EQ(BareKey("日本語"), "日本語");
}

TEST(BareKey, KeepsKanaVoicingMarks) {
  // ガ and カ (パ and ハ) are different syllables, not accented forms: concordance must not
  // conflate them. Decomposed input and half-width forms come out composed.
  EXPECT_EQ(BareKey("ガ"), "ガ");
  EXPECT_EQ(BareKey("パンダ"), "パンダ");
  EXPECT_EQ(BareKey("\xE3\x82\xAB\xE3\x82\x99"), "ガ");  // カ + U+3099
  EXPECT_EQ(BareKey("ｶﾞｽ"), "ガス");
  EXPECT_NE(BareKey("ガス"), BareKey("カス"));
  EXPECT_EQ(BareKey("Hợp tác ガス"), "hop tac ガス");
}

// ---- robustness ----

TEST(Normalizer, RandomBytesNeverBreakTheFunctions) {
  std::mt19937 rng(12345);
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           " ",
                                           "\t",
                                           "\xC3\xA0",
                                           "\xCC\x80",
                                           "\xCC\xA3",
                                           "\xEF\xBD\xB6",
                                           "\xEF\xBE\x9E",
                                           "\xE3\x80\x80",
                                           "\xEE\x84\x83",
                                           "\xEE\x84\x90",
                                           "\xFF",
                                           "\xC3",
                                           "\xF0\x9F\x98\x80",
                                           "o",
                                           "u",
                                           "y",
                                           "q",
                                           "g",
                                           "i",
                                           "\xC6\xB0",
                                           "\xC4\x91"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 12);
    for (int k = 0; k < length; ++k) text += pieces[rng() % pieces.size()];
    const std::string nfc = ToNfc(text);
    const std::string key = MatchKey(text);
    const std::string bare = BareKey(text);
    EXPECT_EQ(FindInvalidUtf8(nfc), kNpos);
    EXPECT_EQ(FindInvalidUtf8(key), kNpos);
    EXPECT_EQ(FindInvalidUtf8(bare), kNpos);
    EXPECT_EQ(key, ToNfc(key));
    EXPECT_EQ(key.find("  "), std::string::npos);
    if (!key.empty()) {
      EXPECT_NE(key.front(), ' ');
      EXPECT_NE(key.back(), ' ');
    }
  }
  for (int round = 0; round < 2000; ++round) {  // arbitrary bytes
    std::string text(rng() % 16, '\0');
    for (char& c : text) c = static_cast<char>(rng() & 0xFF);
    EXPECT_EQ(FindInvalidUtf8(ToNfc(text)), kNpos);
    EXPECT_EQ(FindInvalidUtf8(MatchKey(text)), kNpos);
    EXPECT_EQ(FindInvalidUtf8(BareKey(text)), kNpos);
    EXPECT_LE(CodePointCount(text), text.size());
  }
}

}  // namespace
}  // namespace hashi
