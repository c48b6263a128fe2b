// The segmenter with the shipped rules: each phenomenon of the issue in English, Vietnamese and
// Japanese, one case per phenomenon and language.
#include "hashi/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "shipped_rules.h"

namespace hashi {
namespace {

using testing::Segment;
using Lines = std::vector<std::string>;

struct Case {
  const char* name;
  const char* lang;
  const char* text;
  Lines expected;
};

class ShippedRulesTest : public ::testing::TestWithParam<Case> {};

TEST_P(ShippedRulesTest, Segments) {
  const Case& c = GetParam();
  EXPECT_EQ(Segment(c.lang, c.text), c.expected) << c.text;
}

const Case kCases[] = {
    // Abbreviations that do not end a sentence.
    {"EnTitles",
     "en",
     "Mr. Sato met Mrs. Lan, Ms. Hoa, Dr. Le and Prof. Ito. Assoc. Prof. Dr. Tran spoke. "
     "Gov. Koike and H.E. Mr. Suzuki came.",
     {"Mr. Sato met Mrs. Lan, Ms. Hoa, Dr. Le and Prof. Ito.", "Assoc. Prof. Dr. Tran spoke.",
      "Gov. Koike and H.E. Mr. Suzuki came."}},
    {"EnAddressesAndCompanies",
     "en",
     "It is on St. Luke's Ave. Tokyo, at No. 5. Sakura Co. Ltd. and Hanoi Inc. signed.",
     {"It is on St. Luke's Ave. Tokyo, at No. 5.", "Sakura Co. Ltd. and Hanoi Inc. signed."}},
    {"EnApproxEgIe",
     "en",
     "It costs approx. US$5 million, e.g. roads, i.e. about 3% (ext. 12 vs. 10). It opened.",
     {"It costs approx. US$5 million, e.g. roads, i.e. about 3% (ext. 12 vs. 10).", "It opened."}},
    {"EnMonthsAndInitials",
     "en",
     "On Jan. 15 and Sept. 2, J. F. Oberlin and N.V.T. spoke in the U.S. embassy. It ended.",
     {"On Jan. 15 and Sept. 2, J. F. Oberlin and N.V.T. spoke in the U.S. embassy.", "It ended."}},
    {"ViAbbreviations",
     "vi",
     "PGS.TS. Nguyễn Văn An, GS.TS. Yamada, Th.S. Lê Hoa, ThS. Mai, TS. Đức và GS. Ito đến "
     "TP. HCM, TP.HCM và P. Bến Nghé, Q.1, v.v. hôm qua. Hội nghị kết thúc.",
     {"PGS.TS. Nguyễn Văn An, GS.TS. Yamada, Th.S. Lê Hoa, ThS. Mai, TS. Đức và GS. Ito đến "
      "TP. HCM, TP.HCM và P. Bến Nghé, Q.1, v.v. hôm qua.",
      "Hội nghị kết thúc."}},
    {"JaLatinAbbreviations",
     "ja",
     "技能実習生のN.V.T.さんはSakura Co., Ltd.（本社：大阪市）とHanoi Inc.で働く。次に進む。",
     {"技能実習生のN.V.T.さんはSakura Co., Ltd.（本社：大阪市）とHanoi Inc.で働く。",
      "次に進む。"}},
    {"EnInitialsBeforeTitles",
     "en",
     "The U.N. Secretary-General and U.S. President Biden met. They flew to the U.K. The talks "
     "ended.",
     {"The U.N. Secretary-General and U.S. President Biden met.", "They flew to the U.K.",
      "The talks ended."}},
    // The same abbreviations end the sentence when a new sentence follows.
    {"EnAbbreviationEndsSentence",
     "en",
     "The talks ended at 3 p.m. The two sides met Sakura Co., Ltd. It is based in the U.S. "
     "Exports include textiles, etc. Imports grew.",
     {"The talks ended at 3 p.m.", "The two sides met Sakura Co., Ltd.", "It is based in the U.S.",
      "Exports include textiles, etc.", "Imports grew."}},
    {"ViAbbreviationEndsSentence",
     "vi",
     "Các mặt hàng gồm dệt may, thuỷ sản, v.v. Ngoài ra, hai bên ký với Công ty Hikari Co., Ltd. "
     "Theo đó, đoàn đến TP.HCM. Thông tin sẽ được đăng.",
     {"Các mặt hàng gồm dệt may, thuỷ sản, v.v.",
      "Ngoài ra, hai bên ký với Công ty Hikari Co., Ltd.", "Theo đó, đoàn đến TP.HCM.",
      "Thông tin sẽ được đăng."}},
    // Numbers, URLs and addresses never break; a period right after them ends the sentence.
    {"EnNumbersUrlsMail",
     "en",
     "Trade rose 4.5% to US$46.2 billion at 10:30 on 2024-04-01 (v2.1.3). See "
     "https://vnembassy-jp.org/files/notice.v2.pdf. Write to consular@vnembassy-jp.org. Done.",
     {"Trade rose 4.5% to US$46.2 billion at 10:30 on 2024-04-01 (v2.1.3).",
      "See https://vnembassy-jp.org/files/notice.v2.pdf.", "Write to consular@vnembassy-jp.org.",
      "Done."}},
    {"ViDecimalComma",
     "vi",
     "Kim ngạch đạt 29,1 tỷ USD, tăng 4,5% với 5.600 dự án lúc 14h30 ngày 20/11/2024. Xem "
     "https://vnembassy-jp.org/vi/tin-tuc?id=3. Hết.",
     {"Kim ngạch đạt 29,1 tỷ USD, tăng 4,5% với 5.600 dự án lúc 14h30 ngày 20/11/2024.",
      "Xem https://vnembassy-jp.org/vi/tin-tuc?id=3.", "Hết."}},
    {"JaFullWidthNumbers",
     "ja",
     "成長率は４．５％と5.05％で、詳細は https://vnembassy-jp.org/ja/ をご覧ください。次へ。",
     {"成長率は４．５％と5.05％で、詳細は https://vnembassy-jp.org/ja/ をご覧ください。",
      "次へ。"}},
    // Closing quotes and brackets; a quotation with its attribution is one sentence.
    {"EnQuotes",
     "en",
     "“We thank Japan,” he said. He called it “historic.” She asked: \"When?\" “Soon?” a "
     "reporter asked. “Good. Very good,” Mr. Sato said.",
     {"“We thank Japan,” he said.", "He called it “historic.”", "She asked: \"When?\"",
      "“Soon?” a reporter asked.", "“Good. Very good,” Mr. Sato said."}},
    {"ViQuotes",
     "vi",
     "“Nhật Bản là đối tác tin cậy”, ông nói. Bộ trưởng nhấn mạnh: “Hợp tác là trụ cột.” "
     "“Khi nào hoàn thành?”, một phóng viên hỏi.",
     {"“Nhật Bản là đối tác tin cậy”, ông nói.", "Bộ trưởng nhấn mạnh: “Hợp tác là trụ cột.”",
      "“Khi nào hoàn thành?”, một phóng viên hỏi."}},
    {"JaQuotesAndNesting",
     "ja",
     "大使は「両国関係は新たな段階に入った。今後も協力を深めたい」と述べた。副大臣は「重要です。」"
     "と強調した。一人はこう語った。「技術を生かしたい。」大使は『日越関係の５０年（改訂版。）』"
     "を贈った。",
     {"大使は「両国関係は新たな段階に入った。今後も協力を深めたい」と述べた。",
      "副大臣は「重要です。」と強調した。", "一人はこう語った。", "「技術を生かしたい。」",
      "大使は『日越関係の５０年（改訂版。）』を贈った。"}},
    {"EnBrackets",
     "en",
     "It includes grants (approx. 3.7 trillion yen). (The full text is attached.) Participants "
     "(incl. 40 students) joined.",
     {"It includes grants (approx. 3.7 trillion yen).", "(The full text is attached.)",
      "Participants (incl. 40 students) joined."}},
    {"JaBrackets",
     "ja",
     "（式典の詳細は後日お知らせします。）供与額は約3.7兆円（合計）に上る。",
     {"（式典の詳細は後日お知らせします。）", "供与額は約3.7兆円（合計）に上る。"}},
    // An ellipsis ends a sentence only when a new one follows.
    {"EnEllipsis",
     "en",
     "They served pho, egg coffee... and more. The queue kept growing... Then it rained. It "
     "paused … then went on until Dec. 20… Late entries were refused.",
     {"They served pho, egg coffee... and more.", "The queue kept growing...", "Then it rained.",
      "It paused … then went on until Dec. 20…", "Late entries were refused."}},
    {"ViEllipsis",
     "vi",
     "Thực đơn gồm phở, nem... và nhiều món khác. Hạn chót là ngày 20/12… Hồ sơ muộn bị từ chối.",
     {"Thực đơn gồm phở, nem... và nhiều món khác.", "Hạn chót là ngày 20/12…",
      "Hồ sơ muộn bị từ chối."}},
    {"JaEllipsis",
     "ja",
     "フォー、春巻き…など、料理が並んだ。行列が続いた…。結局、会場を開放した。",
     {"フォー、春巻き…など、料理が並んだ。", "行列が続いた…。", "結局、会場を開放した。"}},
    // Japanese sentence ends need no space; full-width ones too.
    {"JaTerminals",
     "ja",
     "開催しました。出席しました！最大なのか？答えは信頼だ．以上。",
     {"開催しました。", "出席しました！", "最大なのか？", "答えは信頼だ．", "以上。"}},
    // Headings and list blocks: every line is one sentence, with its marker.
    {"EnListsAndHeadings",
     "en",
     "Required documents\n- A completed form.\n- A copy of the residence card\n1. Fill in the "
     "form.\n2. Pay the fee.\nQ. Can I apply by post?\nA. Yes, you can.",
     {"Required documents", "- A completed form.", "- A copy of the residence card",
      "1. Fill in the form.", "2. Pay the fee.", "Q. Can I apply by post?", "A. Yes, you can."}},
    {"ViListsAndHeadings",
     "vi",
     "Hồ sơ cần nộp\n- Tờ khai.\n- Bản sao thẻ cư trú\n1. Điền tờ khai.\nHỏi: Mất bao lâu?\n"
     "Đáp: Năm ngày.",
     {"Hồ sơ cần nộp", "- Tờ khai.", "- Bản sao thẻ cư trú", "1. Điền tờ khai.",
      "Hỏi: Mất bao lâu?", "Đáp: Năm ngày."}},
    {"JaListsAndHeadings",
     "ja",
     "提出書類\n・申請書（オンライン）\n・在留カードの写し\n１．申請書を作成する。\nＱ．期間は？\n"
     "Ａ．５日です。\n※現金のみ。",
     {"提出書類", "・申請書（オンライン）", "・在留カードの写し", "１．申請書を作成する。",
      "Ｑ．期間は？", "Ａ．５日です。", "※現金のみ。"}},
    // A caption keeps its credit.
    {"EnCaption",
     "en",
     "Delegates in Osaka on Feb. 20. (Image credit: Embassy of Vietnam)",
     {"Delegates in Osaka on Feb. 20. (Image credit: Embassy of Vietnam)"}},
    {"EnCaptionCreditForms",
     "en",
     "Delegates in Osaka. (VNA photo)\n\nThe Ambassador at the ceremony. (Photo by VNA)\n\nThe "
     "report is out. (Photos of the event are online.)",
     {"Delegates in Osaka. (VNA photo)", "The Ambassador at the ceremony. (Photo by VNA)",
      "The report is out.", "(Photos of the event are online.)"}},
    {"ViCaption",
     "vi",
     "Các đại biểu tại Osaka ngày 20/2. (Ảnh: TTXVN)\n\nĐại sứ phát biểu. (Ảnh TTXVN)",
     {"Các đại biểu tại Osaka ngày 20/2. (Ảnh: TTXVN)", "Đại sứ phát biểu. (Ảnh TTXVN)"}},
    {"JaCaption", "ja", "大阪での会議の参加者（写真：VNA）", {"大阪での会議の参加者（写真：VNA）"}},
    // Line breaks: a break after a sentence breaks; one inside a sentence becomes a space.
    {"EnLineBreaks",
     "en",
     "They agreed to hold\nthe next round in Hanoi. Both welcomed it.\u00A0\nThe next one is in "
     "2026.",
     {"They agreed to hold the next round in Hanoi.", "Both welcomed it.",
      "The next one is in 2026."}},
    {"ViLineBreaks",
     "vi",
     "Hai bên nhất trí sẽ tổ chức\nvòng đàm phán tại Hà Nội.\nHết.",
     {"Hai bên nhất trí sẽ tổ chức vòng đàm phán tại Hà Nội.", "Hết."}},
    {"JaLineBreaks",
     "ja",
     "両国は外交関係を樹立した。\n記念行事が開催された。\n日本政府は\nJICAを通じて支援した。",
     {"両国は外交関係を樹立した。", "記念行事が開催された。", "日本政府は JICAを通じて支援した。"}},
    // Paragraphs always break, sentence punctuation or not.
    {"ParagraphsAlwaysBreak",
     "en",
     "Title without a stop\n\n\u00A0 \nMr.\n\nTanaka came.",
     {"Title without a stop", "Mr.", "Tanaka came."}},
};

INSTANTIATE_TEST_SUITE_P(Segmenter, ShippedRulesTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace hashi
