// ReadSnapshot: a read transaction (BEGIN DEFERRED ... COMMIT), so that the several statements
// of one lookup or concordance see one state of the TM even while another process imports
// (WAL keeps that snapshot for us). Ends on destruction. Private to hashi_core.
#ifndef HASHI_CORE_STORE_READ_SNAPSHOT_H_
#define HASHI_CORE_STORE_READ_SNAPSHOT_H_

#include <sqlite3.h>

#include "hashi/status.h"
#include "sqlite/statement.h"

namespace hashi::store {

class ReadSnapshot {
 public:
  explicit ReadSnapshot(sqlite3* db) : db_(db) {
    // Inside a transaction already (never the case today), this one just joins it.
    if (sqlite3_get_autocommit(db_) == 0) {
      db_ = nullptr;
      return;
    }
    status_ = sqlite::Exec(db_, "BEGIN");
    if (!status_.ok()) db_ = nullptr;
  }
  ~ReadSnapshot() {
    if (db_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);  // read-only: cannot fail
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  const Status& status() const { return status_; }

 private:
  sqlite3* db_;
  Status status_;
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_READ_SNAPSHOT_H_
