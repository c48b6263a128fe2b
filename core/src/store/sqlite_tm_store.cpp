#include "store/sqlite_tm_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <system_error>

#include "store/meta_codec.h"
#include "store/schema.h"

namespace hashi {

int CurrentSchemaVersion() { return store::kSchemaVersion; }

Result<std::unique_ptr<TmStore>> OpenSqliteStore(const std::filesystem::path& path, OpenMode mode,
                                                 StoreOptions options) {
  Result<std::unique_ptr<store::SqliteTmStore>> opened =
      store::SqliteTmStore::Open(path, mode, std::move(options));
  if (!opened.ok()) return opened.status();
  return std::unique_ptr<TmStore>(std::move(*opened));
}

namespace store {

void CounterDeltas::Add(int64_t origin, const std::vector<std::string>& sorted_langs,
                        int64_t sign) {
  units[origin] += sign;
  for (const std::string& lang : sorted_langs) langs[{origin, lang}] += sign;
  // A pair counts a unit once, even when it has two variants of one language.
  std::vector<std::string> distinct = sorted_langs;
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (size_t i = 0; i < distinct.size(); ++i) {
    for (size_t j = i + 1; j < distinct.size(); ++j) {
      pairs[{origin, distinct[i] + "/" + distinct[j]}] += sign;
    }
  }
}

namespace {

constexpr int kBusyTimeoutMs = kWriteWaitSeconds * 1000;

}  // namespace

// SQLite's busy handler: sleeps and retries like sqlite3_busy_timeout (short sleeps first), up
// to kBusyTimeoutMs in all; on the first wait it tells StoreOptions::on_wait.
int SqliteTmStore::WaitWhileBusy(void* store, int attempt) {
  static constexpr int kDelaysMs[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
  constexpr int kSteps = sizeof(kDelaysMs) / sizeof(kDelaysMs[0]);
  int waited = 0;
  for (int i = 0; i < std::min(attempt, kSteps); ++i) waited += kDelaysMs[i];
  if (attempt > kSteps) waited += (attempt - kSteps) * kDelaysMs[kSteps - 1];
  if (waited >= kBusyTimeoutMs) return 0;  // SQLITE_BUSY: "database is locked"
  const auto* self = static_cast<const SqliteTmStore*>(store);
  if (attempt == 0 && self->options_.on_wait) self->options_.on_wait(self->path_);
  sqlite3_sleep(kDelaysMs[std::min(attempt, kSteps - 1)]);
  return 1;
}

Result<std::unique_ptr<SqliteTmStore>> SqliteTmStore::Open(const std::filesystem::path& path,
                                                           OpenMode mode, StoreOptions options) {
  const std::string name = path.string();
  std::error_code ec;
  const auto file_status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(file_status)) {
    return Status::InvalidInput("is a directory, not a TM file", {name});
  }
  if (mode == OpenMode::kReadOnly && !std::filesystem::exists(file_status)) {
    return Status::NotFound("no TM here yet (hashi import creates one)", {name});
  }
  std::unique_ptr<SqliteTmStore> store(new SqliteTmStore(name, std::move(options)));
  if (store->options_.cache_answers) {
    store->answers_ = store->options_.answers ? store->options_.answers : NewAnswerCache();
  }
  const int flags = mode == OpenMode::kReadOnly ? SQLITE_OPEN_READONLY
                                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
  store->db_.reset(raw);
  if (rc != SQLITE_OK) return sqlite::ErrorStatus(raw, rc, "cannot open the TM").WithFile(name);
  if (Status s = store->Configure(mode); !s.ok()) {
    // SQLite finds out that a file is not a database only when it first reads it.
    if ((sqlite3_extended_errcode(raw) & 0xFF) == SQLITE_NOTADB ||
        s.message().find("not a database") != std::string::npos) {
      return Status::InvalidInput("not a hashi TM (not a SQLite database)", {name});
    }
    if ((sqlite3_extended_errcode(raw) & 0xFF) == SQLITE_CORRUPT) {
      return Status::InvalidInput(
          "the TM file is damaged (truncated or overwritten: SQLite says the database disk "
          "image is malformed); hashi left it as it is: restore it from a backup or an export",
          {name});
    }
    return s.WithFile(name);
  }
  if (Status s = store->PrepareStatements(); !s.ok()) return s.WithFile(name);
  struct stat opened {};
  if (::stat(name.c_str(), &opened) == 0) {
    store->file_device_ = opened.st_dev;
    store->file_inode_ = opened.st_ino;
  }
  return store;
}

Status SqliteTmStore::CheckUnmoved() const {
  struct stat now {};
  if (::stat(path_.c_str(), &now) != 0 || now.st_dev != file_device_ || now.st_ino != file_inode_) {
    return Status::Io("the TM file was deleted or replaced while hashi was writing to it", {path_});
  }
  return Status::Ok();
}

SqliteTmStore::~SqliteTmStore() = default;

Status SqliteTmStore::Configure(OpenMode mode) {
  sqlite3* db = db_.get();
  sqlite3_busy_handler(db, &WaitWhileBusy, this);  // a second writer waits for the first
  sqlite3_extended_result_codes(db, 1);
  if (mode == OpenMode::kReadWrite && sqlite3_db_readonly(db, "main") == 1) {
    return Status::Io("the TM file is read-only: cannot write to it");
  }
  // The first statement reads the file header: a file that is not SQLite fails here. Reading
  // connections map up to 2 GB (kReadingMmapSize); a writing one keeps 64 MB, so that an
  // import's memory stays small.
  const std::string mmap = mode == OpenMode::kReadOnly ? kReadingMmapSize : "67108864";
  if (Status s = sqlite::Exec(db,
                              "PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384;"
                              "PRAGMA temp_store = MEMORY; PRAGMA mmap_size = " +
                                  mmap + ";");
      !s.ok()) {
    return s;
  }
  if (mode == OpenMode::kReadOnly) return CheckSchema(db);
  // page_size only takes effect on a new, empty TM; bigger pages make bulk imports cheaper.
  if (Status s = sqlite::Exec(
          db, "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
      !s.ok()) {
    return s;
  }
  return MigrateSchema(db);
}

Status SqliteTmStore::PrepareStatements() {
  sqlite3* db = db_.get();
  struct Entry {
    sqlite::Statement* statement;
    const char* sql;
  };
  const Entry entries[] = {
      {&insert_unit_,
       "INSERT INTO units(origin_id, sig, changed, meta, variants) VALUES(?1, ?2, ?3, ?4, ?5)"},
      {&find_by_sig_, "SELECT id, origin_id, variants FROM units WHERE sig = ?1"},
      {&delete_unit_, "DELETE FROM units WHERE id = ?1"},
      {&unit_row_,
       "SELECT u.changed, o.name, u.variants FROM units u JOIN origins o ON o.id = u.origin_id "
       "WHERE u.id = ?1"},
  };
  for (const Entry& e : entries) {
    Result<sqlite::Statement> st = sqlite::Statement::Prepare(db, e.sql);
    if (!st.ok()) return st.status();
    *e.statement = std::move(*st);
  }
  match_reader_ = std::make_unique<MatchIndexReader>(db);
  search_ = std::make_unique<IndexedSearch>(*match_reader_);
  return Status::Ok();
}

Result<StoreStats> SqliteTmStore::Stats() {
  StoreStats stats;
  const char* const queries[] = {
      "SELECT name, units FROM origins WHERE units > 0 ORDER BY id",
      "SELECT lang, sum(variants) FROM lang_counts GROUP BY lang HAVING sum(variants) > 0",
      "SELECT pair, sum(units) FROM pair_counts GROUP BY pair HAVING sum(units) > 0",
  };
  std::map<std::string, int64_t>* const targets[] = {&stats.origins, &stats.variants, &stats.pairs};
  for (int i = 0; i < 3; ++i) {
    Result<sqlite::Statement> st = sqlite::Statement::Prepare(db_.get(), queries[i]);
    if (!st.ok()) return st.status().WithFile(path_);
    for (;;) {
      Result<bool> row = st->Step();
      if (!row.ok()) return row.status().WithFile(path_);
      if (!*row) break;
      (*targets[i])[std::string(st->ColumnText(0))] = st->ColumnInt(1);
    }
  }
  for (const auto& [name, units] : stats.origins) stats.units += units;
  return stats;
}

Result<std::vector<OriginInfo>> SqliteTmStore::Origins() {
  Result<sqlite::Statement> st =
      sqlite::Statement::Prepare(db_.get(), "SELECT name, header, units FROM origins ORDER BY id");
  if (!st.ok()) return st.status().WithFile(path_);
  std::vector<OriginInfo> origins;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status().WithFile(path_);
    if (!*row) break;
    OriginInfo info;
    info.name = st->ColumnText(0);
    if (Status s = DecodeDocumentInfo(st->ColumnBlob(1), info.header); !s.ok()) {
      return s.WithFile(path_);
    }
    info.units = st->ColumnInt(2);
    origins.push_back(std::move(info));
  }
  return origins;
}

Result<std::string> SqliteTmStore::MostCommonSourceLanguage() {
  Result<std::vector<OriginInfo>> origins = Origins();
  if (!origins.ok()) return origins.status();
  std::map<std::string, int64_t> weight;
  for (const OriginInfo& origin : *origins) {
    const std::string* srclang = FindAttribute(origin.header.attrs, "srclang");
    if (srclang && !srclang->empty() && origin.units > 0) weight[*srclang] += origin.units;
  }
  std::string best = "*all*";
  int64_t best_weight = 0;
  for (const auto& [lang, w] : weight) {
    if (w > best_weight) best = lang, best_weight = w;
  }
  return best;
}

}  // namespace store
}  // namespace hashi
