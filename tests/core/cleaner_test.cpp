// The boilerplate cleaner with the shipped patterns (data/boilerplate.txt), in English,
// Vietnamese and Japanese, and the patterns-file format.
#include "hashi/cleaner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "shipped_rules.h"
#include "test_support.h"

namespace hashi {
namespace {

std::string Clean(const std::string& page) { return testing::ShippedCleaner().Clean(page); }

// The embassy footer as the pages have it (no-break spaces included), in one language.
std::string Footer(const std::string& heading, const std::string& address, const std::string& phone,
                   const std::string& fax, const std::string& mailbox, const std::string& counter) {
  return heading + "\n\n" + address + "\xC2\xA0Tokyo, 151-0062, Shibuya-ku\n\n" + phone +
         "\n\n\xC2\xA0 \xC2\xA0 \xC2\xA0 -\xC2\xA0(813) 3466-3311\n\xC2\xA0 \xC2\xA0 "
         "\xC2\xA0 -\xC2\xA0(813) 3466-3313\n\n" +
         fax + "+8133466-3312\n\n\n- " + mailbox + "\n\n- " + mailbox + "\n\n" + counter;
}

TEST(Cleaner, StripsEnglishFooterAndCounter) {
  const std::string page = "Title\n\nBody sentence one. Body two.\n\n" +
                           Footer("Quick contact", "Address:", "Telephone Number:", "Fax : ",
                                  "Consular Affairs:", "Total number of pageviews 10614852");
  EXPECT_EQ(Clean(page), "Title\n\nBody sentence one. Body two.\n");
}

TEST(Cleaner, StripsVietnameseFooterAndCounter) {
  const std::string page = "Tiêu đề\n\nCâu thứ nhất. Câu thứ hai.\n\n" +
                           Footer("Liên hệ nhanh", "Địa chỉ:", "Điện thoại:", "Fax : ",
                                  "Hộp thư bảo hộ công dân:", "Tổng số lượt xem 10614855");
  EXPECT_EQ(Clean(page), "Tiêu đề\n\nCâu thứ nhất. Câu thứ hai.\n");
}

TEST(Cleaner, StripsJapaneseFooterButKeepsBodySentenceWithSameWord) {
  const std::string body = "お問い合わせは festival@vnembassy-jp.org までお寄せください。";
  const std::string page = "題名\n\n本文です。" + body + "\n\n" + body + "\n\n" +
                           Footer("お問い合わせ", "住所：", "電話番号：", "ファックス：",
                                  "領事部：", "総閲覧数 10631290");
  EXPECT_EQ(Clean(page), "題名\n\n本文です。" + body + "\n\n" + body + "\n");
}

TEST(Cleaner, KeepsAHeadingThatIsNotFollowedByContactData) {
  const std::string page = "Notice\n\nお問い合わせ\n大使館までご連絡ください。\n";
  EXPECT_EQ(Clean(page), page);
}

TEST(Cleaner, DropsStandaloneCreditsButKeepsCaptions) {
  const std::string page =
      "Caption on Sept. 10. (Photo: VNA)\n\nBody.\n\n(Photo: Embassy of Vietnam in Japan)\n\n"
      "Chú thích ngày 10/9. (Ảnh: TTXVN)\n(Ảnh: Đại sứ quán Việt Nam tại Nhật Bản)\n\n"
      "大使（写真：VNA）\n（写真：在日本ベトナム大使館）\n\nEnd.";
  EXPECT_EQ(Clean(page),
            "Caption on Sept. 10. (Photo: VNA)\n\nBody.\n\nChú thích ngày 10/9. (Ảnh: TTXVN)"
            "\n\n大使（写真：VNA）\n\nEnd.\n");
}

TEST(Cleaner, DropsOtherCreditForms) {
  EXPECT_EQ(Clean("One.\n\n(VNA photo)\n\n(Photo by Embassy of Vietnam)\n\nẢnh: TTXVN\n\n"
                  "（写真提供：VNA）\n\nTwo."),
            "One.\n\nTwo.\n");
}

TEST(Cleaner, DropsACounterAnywhereAndCollapsesBlankLines) {
  EXPECT_EQ(Clean("\n\nOne.\nTwo.\n\n\n\nTotal number of pageviews 12\n\n\nThree.\n\n"),
            "One.\nTwo.\n\nThree.\n");
  EXPECT_EQ(Clean(""), "");
}

TEST(Cleaner, CleansEveryExampleArticle) {
  const auto articles = testing::SourceDir() / "examples/articles";
  for (const auto& entry : std::filesystem::directory_iterator(articles)) {
    for (const char* lang : {"en", "vi", "ja"}) {
      const std::string cleaned =
          Clean(testing::ReadFileBytes(entry.path() / (lang + std::string(".txt"))));
      for (const char* left : {"Quick contact", "Liên hệ nhanh", "pageviews", "lượt xem",
                               "総閲覧数", "3466-3311", "Fax", "ファックス"}) {
        EXPECT_EQ(cleaned.find(left), std::string::npos) << entry.path() << " " << lang;
      }
      EXPECT_GT(cleaned.size(), 500u) << entry.path() << " " << lang;
    }
  }
}

TEST(CleanerPatterns, FormatCommentsAndCrlf) {
  auto cleaner = MakeCleaner("# comment\r\n\r\n  drop\tSPAM \\d+\r\ncontact x.*\r\n", "p.txt");
  ASSERT_TRUE(cleaner.ok()) << cleaner.status().ToString();
  EXPECT_EQ((*cleaner)->Clean("a\nspam 12\nb"), "a\nb\n");
}

TEST(CleanerPatterns, ErrorsNameFileLineAndColumn) {
  auto unknown = MakeCleaner("drop a\nremove b\n", "p.txt");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().ToString(),
            "p.txt:2: unknown pattern kind 'remove' (expected drop, footer or contact)");
  auto bad_regex = MakeCleaner("drop  ok\nfooter  (unclosed\n", "p.txt");
  ASSERT_FALSE(bad_regex.ok());
  EXPECT_EQ(bad_regex.status().location().line, 2);
  EXPECT_GT(bad_regex.status().location().column, 8);
  auto no_regex = MakeCleaner("contact\n", "p.txt");
  ASSERT_FALSE(no_regex.ok());
  EXPECT_EQ(no_regex.status().location().line, 1);
}

}  // namespace
}  // namespace hashi
