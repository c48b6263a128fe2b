// SecondReader: a second connection's reads stand in for the first's only while both see one
// match index; otherwise the lookup reads alone (store/second_reader.h).
#include "store/second_reader.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "match_test_util.h"
#include "sqlite/statement.h"
#include "test_support.h"

namespace hashi::store {
namespace {

// Every entry of the English key blocks 0..99 as `reader` reads them.
std::string EnglishKeys(MatchIndexReader& reader) {
  std::string out;
  Status s = reader.VisitBlocks("en", 0, 99, [&](int64_t block, const KeyBlockView& view) {
    for (int slot = 0; slot < kBlockSlots; ++slot) {
      view.ForEachEntry(slot, [&](int ord, std::string_view tag, std::string_view key) {
        out += std::to_string(block) + "/" + std::to_string(slot) + "/" + std::to_string(ord) +
               " " + std::string(tag) + " " + std::string(key) + "\n";
        return true;
      });
    }
    return true;
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

TEST(SecondReader, ReadsOnlyWhileItSeesTheFirstConnectionsIndex) {
  testing::TempDir dir;
  const std::filesystem::path tm = testing::GeneratedTmAt(dir / "tm.db", 200, 1);
  sqlite3* first = nullptr;
  ASSERT_EQ(sqlite3_open_v2(tm.string().c_str(), &first, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  {
    MatchIndexReader reader(first);
    ASSERT_TRUE(sqlite::Exec(first, "BEGIN").ok());
    ASSERT_TRUE(reader.Refresh().ok());
    ASSERT_NE(reader.stamps(), nullptr);

    SecondReader second(tm.string());
    MatchIndexReader* other = second.Begin(reader.stamps());
    ASSERT_NE(other, nullptr);
    const std::string keys = EnglishKeys(reader);
    EXPECT_GT(keys.size(), 1000u);
    EXPECT_EQ(EnglishKeys(*other), keys);
    second.End();

    // Another connection writes: the first keeps its snapshot, the second would see the write.
    testing::ImportUnits(*testing::OpenTm(tm, OpenMode::kReadWrite), testing::GenerateUnits(50, 2),
                         "second.tmx");
    EXPECT_EQ(second.Begin(reader.stamps()), nullptr);
    ASSERT_TRUE(sqlite::Exec(first, "COMMIT").ok());

    // The first moves on to the same state: the second reads again, the new keys too.
    ASSERT_TRUE(sqlite::Exec(first, "BEGIN").ok());
    ASSERT_TRUE(reader.Refresh().ok());
    other = second.Begin(reader.stamps());
    ASSERT_NE(other, nullptr);
    EXPECT_EQ(EnglishKeys(*other), EnglishKeys(reader));
    EXPECT_NE(EnglishKeys(reader), keys);
    second.End();

    EXPECT_EQ(second.Begin(nullptr), nullptr);  // a TM without stamps (schema version 2)
    SecondReader missing((dir / "missing.db").string());
    EXPECT_EQ(missing.Begin(reader.stamps()), nullptr);
    ASSERT_TRUE(sqlite::Exec(first, "COMMIT").ok());
  }
  sqlite3_close(first);
}

}  // namespace
}  // namespace hashi::store
