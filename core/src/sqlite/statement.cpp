#include "sqlite/statement.h"

#include <cstring>

namespace hashi::sqlite {

Status ErrorStatus(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  // "disk I/O error" alone does not say that the disk is full or a file-size limit was hit.
  if (db != nullptr && ((rc & 0xFF) == SQLITE_IOERR || (rc & 0xFF) == SQLITE_FULL)) {
    if (const int error = sqlite3_system_errno(db); error != 0) {
      message += " (";
      message += std::strerror(error);
      message += ")";
    }
  }
  switch (rc & 0xFF) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Status::InvalidInput(message);
    case SQLITE_NOTFOUND:
      return Status::NotFound(message);
    default:
      return Status::Io(message);
  }
}

Status Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string message = error ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  return ErrorStatus(nullptr, rc, message);
}

Result<Statement> Statement::Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc =
      sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &raw, nullptr);
  if (rc != SQLITE_OK) return ErrorStatus(db, rc, "prepare");
  Statement statement;
  statement.stmt_.reset(raw);
  statement.db_ = db;
  return statement;
}

Statement& Statement::Bind(int index, std::string_view utf8) {
  sqlite3_bind_text(stmt_.get(), index, utf8.data(), static_cast<int>(utf8.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_.get(), index, value);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  if (bytes.empty()) return BindNull(index);
  sqlite3_bind_blob(stmt_.get(), index, bytes.data(), static_cast<int>(bytes.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return ErrorStatus(db_, rc, "query");
}

Status Statement::Run() {
  Result<bool> row = Step();
  Reset();
  return row.status();
}

void Statement::Reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::string_view Statement::ColumnText(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), column));
  if (!text) return {};
  return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column))};
}

std::string_view Statement::ColumnBlob(int column) const {
  const auto* blob = static_cast<const char*>(sqlite3_column_blob(stmt_.get(), column));
  if (!blob) return {};
  return {blob, static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column))};
}

Result<Transaction> Transaction::Begin(sqlite3* db) {
  if (Status s = Exec(db, "BEGIN IMMEDIATE"); !s.ok()) return s.WithContext("begin transaction");
  return Transaction(db);
}

Transaction::~Transaction() {
  if (db_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);  // errors ignored: no throw
}

Status Transaction::Commit() {
  Status s = Exec(db_, "COMMIT");
  if (s.ok()) db_ = nullptr;
  return s.WithContext("commit");
}

Result<std::string> ReadBlob(Statement& st) {
  Result<bool> row = st.Step();
  std::string blob;
  if (row.ok() && *row) blob = std::string(st.ColumnBlob(0));
  st.Reset();
  if (!row.ok()) return row.status();
  return blob;
}

}  // namespace hashi::sqlite
