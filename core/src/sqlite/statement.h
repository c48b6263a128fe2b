// Private RAII wrappers over the sqlite3 C API: Statement and Transaction.
// Every sqlite3 result code becomes a Status here and nowhere else.
#ifndef HASHI_CORE_SQLITE_STATEMENT_H_
#define HASHI_CORE_SQLITE_STATEMENT_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "hashi/status.h"

namespace hashi::sqlite {

// A Status for a failed sqlite3 call on `db`, with `what` as context ("insert unit").
Status ErrorStatus(sqlite3* db, int rc, std::string_view what);

// Runs SQL without results (schema, pragmas). Several statements allowed.
Status Exec(sqlite3* db, const std::string& sql);

// Owns one prepared statement; finalized on destruction. Move-only. Not thread-safe.
class Statement {
 public:
  Statement() = default;
  static Result<Statement> Prepare(sqlite3* db, std::string_view sql);

  // Binders copy the value (SQLITE_TRANSIENT). Indexes are 1-based, as in SQLite.
  Statement& Bind(int index, std::string_view utf8);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& BindBlob(int index, std::string_view bytes);  // empty bytes bind NULL
  Statement& BindNull(int index);

  // true: a row is ready; false: done. Errors name `sql`'s purpose via sqlite3_errmsg.
  Result<bool> Step();
  // Step() for statements that return no row.
  Status Run();
  // Steps through every row, calling row(*this) for each, then resets.
  template <typename Row>
  Status ForEachRow(Row row) {
    for (;;) {
      Result<bool> more = Step();
      if (!more.ok() || !*more) {
        Reset();
        return more.status();
      }
      row(*this);
    }
  }
  // sqlite3_reset + sqlite3_clear_bindings (reset alone keeps the bindings).
  void Reset();

  int64_t ColumnInt(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
  double ColumnDouble(int column) const { return sqlite3_column_double(stmt_.get(), column); }
  bool ColumnIsNull(int column) const {
    return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
  }
  // Valid until the next Step()/Reset().
  std::string_view ColumnText(int column) const;
  std::string_view ColumnBlob(int column) const;

 private:
  struct Finalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE on creation; ROLLBACK on destruction unless Commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> Begin(sqlite3* db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(sqlite3* db) : db_(db) {}
  sqlite3* db_;  // null once committed or moved from
};

// Steps a one-row query and returns column 0 as a blob (empty when there is no row); resets it.
Result<std::string> ReadBlob(Statement& st);

}  // namespace hashi::sqlite

#endif  // HASHI_CORE_SQLITE_STATEMENT_H_
