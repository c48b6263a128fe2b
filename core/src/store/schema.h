// The SQLite schema of a hashi TM and its migrations. The version is PRAGMA user_version.
#ifndef HASHI_CORE_STORE_SCHEMA_H_
#define HASHI_CORE_STORE_SCHEMA_H_

#include <sqlite3.h>

#include "hashi/status.h"

namespace hashi::store {

inline constexpr int kSchemaVersion = 4;
// Read-only opens also accept TMs this old: version 3 only added match_stamps, without which a
// reader drops all its caches on every change, as before; version 4 only added rewrites,
// without which cached answers are searched again after every change.
inline constexpr int kOldestReadableVersion = 2;

// Brings the database to kSchemaVersion inside one transaction: creates it when empty, runs the
// migrations from its version otherwise. Refuses a database of a newer version, and a SQLite
// database that has tables but is not a hashi TM.
Status MigrateSchema(sqlite3* db);

// Fails unless the database is a hashi TM of kOldestReadableVersion to kSchemaVersion (for
// read-only opens, which do not migrate).
Status CheckSchema(sqlite3* db);

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_SCHEMA_H_
