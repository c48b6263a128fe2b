// Concordance: FindPhrase (highlighting) and TmStore::Concord over the match index.
#include "hashi/concordance.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hashi/tm_store.h"
#include "match_test_util.h"
#include "test_support.h"

namespace hashi {
namespace {

using testing::ImportUnits;
using testing::MakeVariant;

std::string Spans(std::string_view text, std::string_view phrase) {
  std::string out;
  for (const auto& [begin, end] : FindPhrase(text, phrase)) {
    out += "[" + std::string(text.substr(begin, end - begin)) + "]";
  }
  return out;
}

TEST(ConcordFindPhrase, FoldsCaseWidthSpacingAndDiacritics) {
  EXPECT_EQ(Spans("A Strategic Partnership, a strategic  partnership.", "strategic partnership"),
            "[Strategic Partnership][strategic  partnership]");
  EXPECT_EQ(Spans("ＡＳＥＡＮ summit", "asean"), "[ＡＳＥＡＮ]");
  EXPECT_EQ(Spans("Hai bên thúc đẩy hợp tác.", "hop tac"), "[hợp tác]");
  EXPECT_EQ(Spans("Hai bên thúc đẩy hợp tác.", "hợp tác"), "[hợp tác]");
  EXPECT_EQ(Spans("tỉnh Hòa Bình", "hoà bình"), "[Hòa Bình]");  // other tone placement
  EXPECT_EQ(Spans("日本とベトナムの協力", "協力"), "[協力]");
  EXPECT_EQ(Spans("ガスとカス", "ガ"), "[ガ]");
  EXPECT_EQ(Spans("ｶﾞｽ", "ガス"), "[ｶﾞｽ]");
  EXPECT_EQ(Spans("nothing here", "absent"), "");
  EXPECT_EQ(Spans("quote \" and * and NEAR(", "\" and *"), "[\" and *]");
}

Unit MakeUnit(const std::string& en, const std::string& vi, const std::string& ja) {
  Unit u;
  u.variants = {MakeVariant("en", en), MakeVariant("vi", vi), MakeVariant("ja", ja)};
  return u;
}

class ConcordTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(dir_ / "tm.db", OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    ImportUnits(
        *store_,
        {MakeUnit("Both sides promote cooperation.", "Hai bên thúc đẩy hợp tác.",
                  "双方は協力を推進する。"),
         MakeUnit("The box was blocked.", "Cái hộp bị tắc.", "箱が詰まった。"),
         MakeUnit("Gas prices rose.", "Giá khí ga tăng.", "ガス価格が上昇した。"),
         MakeUnit("Residue remained.", "Còn cặn.", "カスが残った。"),
         MakeUnit("Hoa Binh province", "tỉnh Hòa Bình", "ホアビン省"),
         MakeUnit("A STRATEGIC PARTNERSHIP", "Đối tác chiến lược", "戦略的パートナーシップ"),
         MakeUnit("He said \"yes\" * OR NEAR(x) '); DROP TABLE units; --", "Anh ấy nói có",
                  "彼ははいと言った"),
         MakeUnit("Japan Day festival", "Lễ hội Ngày Nhật Bản", "日本の日祭り")},
        "a.tmx");
  }
  std::vector<int64_t> Units(const std::string& lang, const std::string& phrase, int limit = 20) {
    ConcordRequest r{lang, phrase, limit};
    Result<std::vector<ConcordHit>> hits = store_->Concord(r);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    std::vector<int64_t> out;
    if (hits.ok()) {
      for (const ConcordHit& h : *hits) out.push_back(h.unit);
    }
    return out;
  }
  testing::TempDir dir_;
  std::unique_ptr<TmStore> store_;
};

using Ids = std::vector<int64_t>;

TEST_F(ConcordTest, JapaneseOfAnyLength) {
  EXPECT_EQ(Units("ja", "協力"), Ids({1}));  // two characters
  EXPECT_EQ(Units("ja", "日"), Ids({8}));    // one character
  EXPECT_EQ(Units("ja", "協力を推進"), Ids({1}));
  EXPECT_EQ(Units("ja", "が"), Ids({4, 3, 2}));  // newest first
  EXPECT_EQ(Units("ja", "上昇"), Ids({3}));
}

TEST_F(ConcordTest, VoicedKanaAreNotTheirUnvoicedCounterparts) {
  EXPECT_EQ(Units("ja", "ガ"), Ids({3}));
  EXPECT_EQ(Units("ja", "カ"), Ids({4}));
  EXPECT_EQ(Units("ja", "ガス"), Ids({3}));
  EXPECT_EQ(Units("ja", "ｶﾞｽ"), Ids({3}));  // half-width
}

TEST_F(ConcordTest, VietnameseWithAndWithoutDiacritics) {
  EXPECT_EQ(Units("vi", "hop tac"), Ids({1}));
  EXPECT_EQ(Units("vi", "HỢP TÁC"), Ids({1}));
  EXPECT_EQ(Units("vi", "hop"), Ids({2, 1}));  // hộp and hợp
  EXPECT_EQ(Units("vi", "hộp"), Ids({2}));
  EXPECT_EQ(Units("vi", "hoà bình"), Ids({5}));  // stored as Hòa Bình
  EXPECT_EQ(Units("vi", "hoa binh"), Ids({5}));
  EXPECT_EQ(Units("vi", "d"), Ids({6, 1}));  // đ is a d: Đối, đẩy
}

TEST_F(ConcordTest, EnglishIgnoresCaseAndSpacing) {
  EXPECT_EQ(Units("en", "strategic partnership"), Ids({6}));
  EXPECT_EQ(Units("en", "Strategic   Partnership"), Ids({6}));
  EXPECT_EQ(Units("en", "cooperation"), Ids({1}));
  EXPECT_EQ(Units("en", "x"), Ids({7, 2}));  // one character, Latin
}

TEST_F(ConcordTest, SearchSyntaxIsJustText) {
  EXPECT_EQ(Units("en", "\""), Ids({7}));
  EXPECT_EQ(Units("en", "*"), Ids({7}));
  EXPECT_EQ(Units("en", "OR"), Ids({7}));
  EXPECT_EQ(Units("en", "NEAR("), Ids({7}));
  EXPECT_EQ(Units("en", "'); DROP TABLE units; --"), Ids({7}));
  EXPECT_EQ(Units("en", "\"yes\""), Ids({7}));
  EXPECT_EQ(Units("en", "AND"), Ids({}));
  EXPECT_EQ(Units("en", "Gas"), Ids({3}));  // the table is still there
}

TEST_F(ConcordTest, HitsCarryTheOtherLanguages) {
  Result<std::vector<ConcordHit>> hits = store_->Concord({"vi", "hop tac", 20});
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  const ConcordHit& hit = hits->front();
  EXPECT_EQ(hit.text.text, "Hai bên thúc đẩy hợp tác.");
  EXPECT_EQ(hit.lang, "vi");
  EXPECT_EQ(hit.origin, "a.tmx");
  ASSERT_EQ(hit.targets.size(), 2u);
  EXPECT_EQ(hit.targets.at("ja").text, "双方は協力を推進する。");
}

TEST_F(ConcordTest, LimitAndMissingThings) {
  EXPECT_EQ(Units("ja", "が", 1), Ids({4}));
  EXPECT_EQ(Units("ja", "存在しない"), Ids({}));
  EXPECT_EQ(Units("ko", "한국"), Ids({}));
  EXPECT_EQ(store_->Concord({"ja", "  ", 20}).status().code(), ErrorCode::kUsage);
  EXPECT_EQ(store_->Concord({"ja", "協力", 0}).status().code(), ErrorCode::kUsage);
  EXPECT_EQ(store_->Concord({"j_a", "協力", 5}).status().code(), ErrorCode::kUsage);
}

TEST_F(ConcordTest, ReplacedUnitsAreGone) {
  ImportUnits(*store_,
              {MakeUnit("Both sides promote cooperation.", "Hai bên thúc đẩy hợp tác.",
                        "双方は協力を推進する。")},
              "b.tmx", DuplicatePolicy::kReplace);
  ConcordRequest r{"ja", "協力", 20};
  Result<std::vector<ConcordHit>> hits = store_->Concord(r);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->front().origin, "b.tmx");
}

// Generated units: the hits are exactly the stored units whose text contains the phrase (as
// FindPhrase sees it, character by character), newest first.
TEST(ConcordGenerated, FindsExactlyTheUnitsThatContainThePhrase) {
  testing::TempDir dir;
  Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(dir / "tm.db", OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok());
  ImportUnits(**store, testing::GenerateUnits(800, 5), "gen.tmx");
  std::vector<Unit> stored;  // with their ids (duplicates were skipped)
  ASSERT_TRUE((*store)
                  ->ForEachUnit({},
                                [&](const Unit& u) {
                                  stored.push_back(u);
                                  return Status::Ok();
                                })
                  .ok());
  const char* phrases[][2] = {{"ja", "協力"},       {"ja", "日"},       {"ja", "ガ"},
                              {"vi", "hop tac"},    {"vi", "Hòa Bình"}, {"vi", "nhat ban"},
                              {"en", "embassy of"}, {"en", "Mizuho"},   {"en", "e"},
                              {"ja", "ビザ申請"}};
  for (const auto& [lang, phrase] : phrases) {
    Result<std::vector<ConcordHit>> hits = (*store)->Concord({lang, phrase, 100000});
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    std::vector<int64_t> expected, got;
    for (auto u = stored.rbegin(); u != stored.rend(); ++u) {
      for (const Variant& v : u->variants) {
        if (v.lang.rfind(lang, 0) == 0 && !FindPhrase(v.segment.PlainText(), phrase).empty()) {
          expected.push_back(u->id);
          break;
        }
      }
    }
    for (const ConcordHit& h : *hits) got.push_back(h.unit);
    EXPECT_EQ(got, expected) << lang << " " << phrase;
    EXPECT_FALSE(got.empty()) << lang << " " << phrase;
  }
}

}  // namespace
}  // namespace hashi
