#include "store/schema.h"

#include <string>

#include "sqlite/statement.h"
#include "store/match_index_writer.h"

namespace hashi::store {
namespace {

// Migration i takes a TM from version i to i + 1: its SQL, and (if any) a step in C++ that
// fills what the SQL created. Never edit one that has shipped: add another. The steps in C++
// run after the SQL of every migration, since they are today's code, written for today's
// schema.
struct Migration {
  const char* sql;
  Status (*fill)(sqlite3* db);
};

const Migration kMigrations[] = {
    // 0 -> 1: origins, units (a unit's variants are one column: a row per unit keeps a 1M-unit
    // import fast; per-variant rows cost more than the XML parse) and the counters that keep
    // `stats` instant.
    {R"sql(
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
     nullptr},
    // 1 -> 2: the match index of `lookup` and `concord` (store/match_index_format.h), built from
    // the units already stored.
    {R"sql(
CREATE TABLE match_langs(
  id         INTEGER PRIMARY KEY,  -- 1..127, the top bits of the rowids below
  lang       TEXT NOT NULL UNIQUE, -- primary language subtag ("en" for en-US)
  next_token INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE match_tokens(       -- the vocabulary: padded bigrams of keys, by occurrence
  lang  TEXT NOT NULL,
  gram  TEXT NOT NULL,           -- two code points (U+0002/U+0003 pad a key's ends)
  occ   INTEGER NOT NULL,        -- 1 for the gram's first occurrence in a key, 2 the second ...
  id    INTEGER NOT NULL,        -- the token's number in its language
  units INTEGER NOT NULL,        -- units that held it when indexed (deletions not subtracted)
  PRIMARY KEY(lang, gram, occ)
) WITHOUT ROWID;
-- Rowid tables: their rows keep blobs of up to a page inline (a WITHOUT ROWID row overflows
-- at a quarter page), and the rowid packs the composite key.
CREATE TABLE match_postings(     -- id = lang << 56 | chunk << 32 | token; chunk = unit id >> 16
  id  INTEGER PRIMARY KEY,
  ids BLOB NOT NULL              -- unit ids & 0xFFFF: delta varints or a 65,536-bit bitmap
);
CREATE TABLE match_lengths(      -- id = lang << 56 | chunk
  id      INTEGER PRIMARY KEY,
  lengths BLOB NOT NULL          -- per unit slot, uint16: 0 none, key length + 1, 0xFFFF several
);
CREATE TABLE match_keys(         -- id = lang << 56 | block; block = unit id >> 6
  id      INTEGER PRIMARY KEY,
  entries BLOB NOT NULL          -- per unit: its variants in the language (index, tag, key)
);
)sql",
     BuildMatchIndex},
    // 2 -> 3: a stamp per chunk of the match index, so that a reading connection keeps what it
    // cached of the chunks another connection's write left alone (store/match_index_reader.h).
    // A chunk without a row has stamp 0.
    {R"sql(
CREATE TABLE match_stamps(       -- id = lang << 56 | chunk, as in match_lengths
  id    INTEGER PRIMARY KEY,
  stamp INTEGER NOT NULL         -- random, drawn afresh each time the chunk is written
);
)sql",
     nullptr},
    // 3 -> 4: a count of the writes that change or remove a unit or an origin. Writes otherwise
    // only add units, with ids above every earlier one; so while the count stays, an answer
    // computed for the units up to some id still holds for them, and only the units added since
    // need a search (store/answer_cache.h). Triggers, so that no write path can forget it.
    {R"sql(
CREATE TABLE rewrites(           -- one row
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  count INTEGER NOT NULL
);
INSERT INTO rewrites(id, count) VALUES(1, 0);
CREATE TRIGGER unit_deleted AFTER DELETE ON units
  BEGIN UPDATE rewrites SET count = count + 1; END;
CREATE TRIGGER unit_updated AFTER UPDATE ON units
  BEGIN UPDATE rewrites SET count = count + 1; END;
CREATE TRIGGER origin_deleted AFTER DELETE ON origins
  BEGIN UPDATE rewrites SET count = count + 1; END;
CREATE TRIGGER origin_renamed AFTER UPDATE OF name ON origins
  BEGIN UPDATE rewrites SET count = count + 1; END;
)sql",
     nullptr},
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
    if (Status s = sqlite::Exec(db, kMigrations[v].sql); !s.ok()) {
      return s.WithContext("migrating the TM to schema version " + std::to_string(v + 1));
    }
  }
  for (int v = *version; v < kSchemaVersion; ++v) {
    if (!kMigrations[v].fill) continue;
    if (Status s = kMigrations[v].fill(db); !s.ok()) {
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
  if (*version < kOldestReadableVersion) {
    if (*version == 0) return Status::InvalidInput("an empty file, not a hashi TM");
    return Status::InvalidInput("TM schema version " + std::to_string(*version) +
                                " is older than this hashi's (" + std::to_string(kSchemaVersion) +
                                "): run any command that writes (e.g. hashi import) to upgrade it");
  }
  return Status::Ok();
}

}  // namespace hashi::store
