// MatchIndexWriter (store/match_index_writer.h): each language's key blocks of a chunk are
// written together, so that they lie together in the file; and a block set aside to be written
// with its chunk is taken back, not read stale from the table, if a unit of it comes late.
#include "store/match_index_writer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "match_test_util.h"
#include "sqlite/statement.h"
#include "store/match_index_reader.h"
#include "test_support.h"

namespace hashi::store {
namespace {

// The page numbers of the TM's match_keys leaves in key order, or nothing without SQLite's
// dbstat table.
std::vector<int64_t> KeyLeafPages(const std::filesystem::path& tm) {
  std::vector<int64_t> pages;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(tm.string().c_str(), &db), SQLITE_OK);
  {
    Result<sqlite::Statement> st = sqlite::Statement::Prepare(
        db,
        "SELECT pageno FROM dbstat WHERE name = 'match_keys' AND pagetype = 'leaf' "
        "ORDER BY path");
    if (st.ok()) {
      Status s = st->ForEachRow([&](sqlite::Statement& row) { pages.push_back(row.ColumnInt(0)); });
      EXPECT_TRUE(s.ok()) << s.ToString();
    }
  }
  sqlite3_close(db);
  return pages;
}

TEST(MatchIndexWriter, WritesALanguagesKeyBlocksTogether) {
  testing::TempDir dir;
  const std::vector<int64_t> pages = KeyLeafPages(testing::GeneratedTmAt(dir / "tm.db", 4000, 3));
  if (pages.empty()) GTEST_SKIP() << "this SQLite has no dbstat table";
  ASSERT_GT(pages.size(), 30u);  // three languages' keys of 4,000 units
  // Leaves next to each other in key order are next to each other in the file, but where one
  // language's blocks end (written block by block, nearly every step was a jump).
  size_t adjacent = 0;
  for (size_t i = 1; i < pages.size(); ++i) adjacent += pages[i] == pages[i - 1] + 1;
  EXPECT_GE(adjacent * 10, (pages.size() - 1) * 8) << adjacent << " of " << pages.size() - 1;
}

// The key of `unit` in English as `db`'s index has it ("" if none).
std::string EnglishKey(sqlite3* db, int64_t unit) {
  MatchIndexReader reader(db);
  EXPECT_TRUE(reader.Refresh().ok());
  Result<const KeyBlockView*> block = reader.UnitBlock("en", unit);
  EXPECT_TRUE(block.ok()) << block.status().ToString();
  std::string key;
  if (block.ok()) {
    (*block)->ForEachEntry(static_cast<int>(unit % kBlockSlots),
                           [&](int, std::string_view, std::string_view k) {
                             key = std::string(k);
                             return false;
                           });
  }
  return key;
}

TEST(MatchIndexWriter, TakesBackABlockSetAsideWhenAUnitOfItComesLate) {
  testing::TempDir dir;
  const std::filesystem::path tm = dir / "tm.db";
  ASSERT_NE(testing::OpenTm(tm, OpenMode::kReadWrite), nullptr);  // the schema
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(tm.string().c_str(), &db), SQLITE_OK);
  ASSERT_TRUE(sqlite::Exec(db, "BEGIN").ok());
  {
    Result<std::unique_ptr<MatchIndexWriter>> writer = MatchIndexWriter::Create(db);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    // Units 40 and 41 share block 1; unit 10 (block 0) comes between them.
    ASSERT_TRUE((*writer)->Add(40, {{"en", "forty"}}).ok());
    ASSERT_TRUE((*writer)->Add(10, {{"en", "ten"}}).ok());
    ASSERT_TRUE((*writer)->Add(41, {{"en", "forty-one"}}).ok());
    ASSERT_TRUE((*writer)->Flush().ok());
  }
  ASSERT_TRUE(sqlite::Exec(db, "COMMIT").ok());
  EXPECT_EQ(EnglishKey(db, 40), "forty");
  EXPECT_EQ(EnglishKey(db, 41), "forty-one");
  EXPECT_EQ(EnglishKey(db, 10), "ten");
  sqlite3_close(db);
}

}  // namespace
}  // namespace hashi::store
