#include "hashi/tm_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "test_support.h"

namespace hashi {
namespace {

// A UnitStream over a vector, failing after `fail_after` units when set.
class VectorStream : public UnitStream {
 public:
  explicit VectorStream(std::vector<Unit> units, int fail_after = -1)
      : units_(std::move(units)), fail_after_(fail_after) {}
  std::optional<Unit> Next() override {
    if (fail_after_ >= 0 && next_ == static_cast<size_t>(fail_after_)) {
      status_ = Status::InvalidInput("mismatched end tag", {"bad.tmx", 7, 3});
      return std::nullopt;
    }
    if (next_ >= units_.size()) return std::nullopt;
    return units_[next_++];
  }
  const Status& status() const override { return status_; }

 private:
  std::vector<Unit> units_;
  int fail_after_;
  size_t next_ = 0;
  Status status_;
};

Variant MakeVariant(const std::string& lang, const std::string& text) {
  Variant v;
  v.lang = lang;
  v.segment.text = text;
  return v;
}

Unit MakeUnit(const std::string& en, const std::string& vi, const std::string& ja) {
  Unit u;
  u.variants = {MakeVariant("en", en), MakeVariant("vi", vi), MakeVariant("ja", ja)};
  return u;
}

std::vector<Unit> ExportAll(TmStore& store, const ExportFilter& filter = {}) {
  std::vector<Unit> out;
  const Status s = store.ForEachUnit(filter, [&](const Unit& u) {
    out.push_back(u);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

class TmStoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<TmStore> Open(OpenMode mode = OpenMode::kReadWrite) {
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(dir_ / "tm.db", mode);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }
  ImportStats Import(TmStore& store, std::vector<Unit> units,
                     DuplicatePolicy policy = DuplicatePolicy::kSkip,
                     const std::string& origin = "a.tmx") {
    VectorStream stream(std::move(units));
    ImportOptions options;
    options.origin = origin;
    options.on_duplicate = policy;
    Result<ImportStats> stats = store.Import(stream, DocumentInfo{}, options);
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    return stats.ok() ? *stats : ImportStats{};
  }
  testing::TempDir dir_;
};

TEST_F(TmStoreTest, KeepsEverythingAUnitHolds) {
  auto store = Open();
  Unit u = MakeUnit("Hello <b>world</b>", "Xin chào", "こんにちは");
  u.attrs = {{"tuid", "42"}, {"creationdate", "20240101T000000Z"}, {"x-unknown", "v"}};
  u.props = {{{{"type", "x-domain"}}, "diplomacy"}};
  u.notes = {{{{"xml:lang", "en"}}, "checked"}};
  u.variants[0].lang = "EN-us";
  u.variants[0].attrs = {{"changeid", "ys"}};
  u.variants[0].props = {{{{"type", "x-file"}}, "a.txt"}};
  u.variants[0].notes = {{{}, "a note"}};
  u.variants[0].segment = {};
  u.variants[0].segment.AppendText("Hello ");
  ASSERT_TRUE(u.variants[0].segment.AppendCode({CodeKind::kBpt, "<bpt i=\"1\">&lt;b></bpt>"}).ok());
  u.variants[0].segment.AppendText("world");
  ASSERT_TRUE(u.variants[0].segment.AppendCode({CodeKind::kEpt, "<ept i=\"1\">&lt;/b></ept>"}).ok());
  Import(*store, {u});
  std::vector<Unit> back = ExportAll(*store);
  ASSERT_EQ(back.size(), 1u);
  back[0].id = 0;
  EXPECT_EQ(back[0], u);
}

TEST_F(TmStoreTest, StoresNfcAndKeepsTextOtherwiseExact) {
  auto store = Open();
  // "Hoà" with a decomposed grave accent, full-width digits, runs of spaces: only NFC changes.
  Import(*store, {MakeUnit("  two  spaces\t", "Hoa\xCC\x80 bi\xCC\xA3nh", "２０１９年")});
  std::vector<Unit> back = ExportAll(*store);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].variants[0].segment.text, "  two  spaces\t");
  EXPECT_EQ(back[0].variants[1].segment.text, "Ho\xC3\xA0 b\xE1\xBB\x8Bnh");  // Hoà bịnh (NFC)
  EXPECT_EQ(back[0].variants[2].segment.text, "２０１９年");
}

TEST_F(TmStoreTest, DuplicatePolicies) {
  auto store = Open();
  const Unit u = MakeUnit("Same.", "Giống.", "同じ。");
  EXPECT_EQ(Import(*store, {u, u}).imported, 1);
  ImportStats skip = Import(*store, {u});
  EXPECT_EQ(skip.imported, 0);
  EXPECT_EQ(skip.duplicates, 1);
  ImportStats replace = Import(*store, {u}, DuplicatePolicy::kReplace, "b.tmx");
  EXPECT_EQ(replace.imported, 1);
  EXPECT_EQ(replace.duplicates, 1);
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->units, 1);
  EXPECT_EQ(stats->origins.count("a.tmx"), 0u);
  EXPECT_EQ(stats->origins.at("b.tmx"), 1);
  Import(*store, {u, u}, DuplicatePolicy::kKeep);
  EXPECT_EQ(store->Stats()->units, 3);
}

TEST_F(TmStoreTest, DuplicateMeansSameLanguagesAndTexts) {
  auto store = Open();
  Unit a = MakeUnit("One.", "Một.", "一。");
  Unit b = a;
  b.variants.pop_back();  // fewer languages: not a duplicate
  Unit c = a;
  c.variants[2].segment.text = "壱。";
  Unit d = a;
  std::swap(d.variants[0], d.variants[1]);  // order of variants does not matter
  d.variants[0].lang = "vi-VN";             // ...but the region does
  Unit e = a;
  std::swap(e.variants[0], e.variants[1]);
  ImportStats stats = Import(*store, {a, b, c, d, e});
  EXPECT_EQ(stats.imported, 4);
  EXPECT_EQ(stats.duplicates, 1);
}

TEST_F(TmStoreTest, FailedStreamLeavesTmAsBefore) {
  auto store = Open();
  Import(*store, {MakeUnit("Before.", "Trước.", "前。")});
  VectorStream bad({MakeUnit("A.", "B.", "C."), MakeUnit("D.", "E.", "F.")}, 1);
  ImportOptions options;
  options.origin = "bad.tmx";
  Result<ImportStats> result = store->Import(bad, DocumentInfo{}, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().ToString(), "bad.tmx:7:3: mismatched end tag");
  EXPECT_EQ(ExportAll(*store).size(), 1u);
  Result<StoreStats> stats = store->Stats();
  EXPECT_EQ(stats->units, 1);
  EXPECT_EQ(stats->origins.count("bad.tmx"), 0u);
}

TEST_F(TmStoreTest, BadLanguageTagFailsTheWholeImport) {
  auto store = Open();
  Unit bad = MakeUnit("x", "y", "z");
  bad.variants[1].lang = "vi_VN";
  bad.attrs = {{"tuid", "t9"}};
  VectorStream stream({MakeUnit("ok", "ok", "ok"), bad});
  ImportOptions options;
  options.origin = "x";
  Result<ImportStats> result = store->Import(stream, DocumentInfo{}, options);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("tuid t9"), std::string::npos);
  EXPECT_NE(result.status().message().find("vi_VN"), std::string::npos);
  EXPECT_EQ(store->Stats()->units, 0);
}

TEST_F(TmStoreTest, StatsCountLanguagesPairsOrigins) {
  auto store = Open();
  Import(*store, {MakeUnit("a", "b", "c"), MakeUnit("d", "e", "f")}, DuplicatePolicy::kSkip, "x");
  Unit en_ja;
  en_ja.variants = {MakeVariant("en-US", "g"), MakeVariant("ja", "h")};
  Import(*store, {en_ja}, DuplicatePolicy::kSkip, "y");
  Result<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->units, 3);
  EXPECT_EQ(stats->variants.at("en"), 2);
  EXPECT_EQ(stats->variants.at("en-US"), 1);
  EXPECT_EQ(stats->variants.at("ja"), 3);
  EXPECT_EQ(stats->pairs.at("en/ja"), 2);
  EXPECT_EQ(stats->pairs.at("en-US/ja"), 1);
  EXPECT_EQ(stats->pairs.at("ja/vi"), 2);
  EXPECT_EQ(stats->origins.at("x"), 2);
  EXPECT_EQ(stats->origins.at("y"), 1);
}

TEST_F(TmStoreTest, ExportFiltersByLanguageAndOrigin) {
  auto store = Open();
  Unit en_vi;
  en_vi.variants = {MakeVariant("en-GB", "a"), MakeVariant("vi", "b")};
  Import(*store, {MakeUnit("c", "d", "e"), en_vi}, DuplicatePolicy::kSkip, "x");
  Import(*store, {MakeUnit("f", "g", "h")}, DuplicatePolicy::kSkip, "y");
  ExportFilter en_ja{{"en", "ja"}, ""};
  std::vector<Unit> out = ExportAll(*store, en_ja);
  ASSERT_EQ(out.size(), 2u);  // en_vi keeps one variant only: dropped
  EXPECT_EQ(out[0].variants.size(), 2u);
  ExportFilter origin_y{{}, "y"};
  out = ExportAll(*store, origin_y);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].variants[0].segment.text, "f");
}

TEST_F(TmStoreTest, ReadOnlyOpenOfMissingFileIsNotFoundAndCreatesNothing) {
  Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(dir_ / "none.db", OpenMode::kReadOnly);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "none.db"));
}

TEST_F(TmStoreTest, RefusesAFileThatIsNotADatabase) {
  testing::WriteFileBytes(dir_ / "junk.db", std::string(4096, '\x7f') + "not sqlite at all");
  for (OpenMode mode : {OpenMode::kReadOnly, OpenMode::kReadWrite}) {
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(dir_ / "junk.db", mode);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.status().ToString().find("junk.db"), std::string::npos);
    EXPECT_NE(store.status().message().find("not a hashi TM"), std::string::npos)
        << store.status().ToString();
  }
  EXPECT_EQ(testing::ReadFileBytes(dir_ / "junk.db").size(), 4096u + 17u);
}

TEST_F(TmStoreTest, RefusesANewerSchemaAndAForeignDatabase) {
  { auto store = Open(); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "tm.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(dir_ / "tm.db", OpenMode::kReadWrite);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer"), std::string::npos);

  ASSERT_EQ(sqlite3_open((dir_ / "other.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  store = OpenSqliteStore(dir_ / "other.db", OpenMode::kReadWrite);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not a hashi TM"), std::string::npos);
}

TEST_F(TmStoreTest, SchemaVersionIsRecorded) {
  { auto store = Open(); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "tm.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), CurrentSchemaVersion());
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_F(TmStoreTest, MostCommonSourceLanguageWeighsOriginsByUnits) {
  auto store = Open();
  DocumentInfo en_header;
  en_header.attrs = {{"srclang", "en-US"}};
  VectorStream two({MakeUnit("a", "b", "c"), MakeUnit("d", "e", "f")});
  ImportOptions options;
  options.origin = "en";
  ASSERT_TRUE(store->Import(two, en_header, options).ok());
  EXPECT_EQ(*store->MostCommonSourceLanguage(), "en-US");
}

}  // namespace
}  // namespace hashi
