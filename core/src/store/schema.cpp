#include "store/schema.h"

#include <string>

#include "sqlite/statement.h"

namespace hashi::store {
namespace {

// Migration i takes a TM from version i to i + 1. Never edit one that has shipped: add another.
const char* const kMigrations[] = {
    // 0 -> 1: origins, units (a unit's variants are one column: a row per unit keeps a 1M-unit
    // import fast; per-variant rows cost more than the XML parse) and the counters that keep
    // `stats` instant.
    R"sql(
CREATE TABLE origins(
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL UNIQUE,
  header BLOB,                       -- DocumentInfo (meta codec)
  units  INTEGER NOT NULL DEFAULT 0  -- kept by every write
);
CREATE TABLE units(
  id        INTEGER PRIMARY KEY,
  origin_id INTEGER NOT NULL REFERENCES origins(id),
  sig       INTEGER NOT NULL,        -- hash of languages + segments, for duplicate detection
  changed   TEXT NOT NULL,           -- TMX date (YYYYMMDDThhmmssZ) of the last change; sorts
  meta      BLOB,                    -- attributes, props, notes (meta codec)
  variants  BLOB NOT NULL            -- every variant: canonical tag, NFC text with placeholders,
                                     -- tag as written, attributes, props, notes, codes
);
CREATE INDEX units_by_sig ON units(sig);
CREATE TABLE lang_counts(
  origin_id INTEGER NOT NULL REFERENCES origins(id),
  lang      TEXT NOT NULL,
  variants  INTEGER NOT NULL,
  PRIMARY KEY(origin_id, lang)
) WITHOUT ROWID;
CREATE TABLE pair_counts(
  origin_id INTEGER NOT NULL REFERENCES origins(id),
  pair      TEXT NOT NULL,           -- "en/ja": two canonical tags, sorted, joined by "/"
  units     INTEGER NOT NULL,
  PRIMARY KEY(origin_id, pair)
) WITHOUT ROWID;
)sql",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion);

Result<int> UserVersion(sqlite3* db) {
  Result<sqlite::Statement> st = sqlite::Statement::Prepare(db, "PRAGMA user_version");
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(st->ColumnInt(0));
}

Result<int64_t> TableCount(sqlite3* db) {
  Result<sqlite::Statement> st =
      sqlite::Statement::Prepare(db, "SELECT count(*) FROM sqlite_schema");
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return st->ColumnInt(0);
}

Status CheckVersion(sqlite3* db, int version) {
  if (version > kSchemaVersion) {
    return Status::InvalidInput("TM schema version " + std::to_string(version) +
                                " is newer than this hashi knows (" +
                                std::to_string(kSchemaVersion) + "): upgrade hashi");
  }
  if (version == 0) {
    Result<int64_t> tables = TableCount(db);
    if (!tables.ok()) return tables.status();
    if (*tables > 0) return Status::InvalidInput("a SQLite database, but not a hashi TM");
  }
  return Status::Ok();
}

}  // namespace

Status MigrateSchema(sqlite3* db) {
  Result<sqlite::Transaction> txn = sqlite::Transaction::Begin(db);
  if (!txn.ok()) return txn.status();
  Result<int> version = UserVersion(db);
  if (!version.ok()) return version.status();
  if (Status s = CheckVersion(db, *version); !s.ok()) return s;
  if (*version == kSchemaVersion) return Status::Ok();  // ~Transaction rolls back: nothing done
  for (int v = *version; v < kSchemaVersion; ++v) {
    if (Status s = sqlite::Exec(db, kMigrations[v]); !s.ok()) {
      return s.WithContext("migrating the TM to schema version " + std::to_string(v + 1));
    }
  }
  if (Status s = sqlite::Exec(db, "PRAGMA user_version = " + std::to_string(kSchemaVersion));
      !s.ok()) {
    return s;
  }
  return txn->Commit();
}

Status CheckSchema(sqlite3* db) {
  Result<int> version = UserVersion(db);
  if (!version.ok()) return version.status();
  if (Status s = CheckVersion(db, *version); !s.ok()) return s;
  if (*version < kSchemaVersion) {
    if (*version == 0) return Status::InvalidInput("an empty file, not a hashi TM");
    return Status::InvalidInput("TM schema version " + std::to_string(*version) +
                                " is older than this hashi's (" + std::to_string(kSchemaVersion) +
                                "): run any command that writes (e.g. hashi import) to upgrade it");
  }
  return Status::Ok();
}

}  // namespace hashi::store
