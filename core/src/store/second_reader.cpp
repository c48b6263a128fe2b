#include "store/second_reader.h"

#include "sqlite/statement.h"

namespace hashi::store {

SecondReader::~SecondReader() { End(); }

MatchIndexReader* SecondReader::Begin(const std::map<int64_t, int64_t>* stamps) {
  if (stamps == nullptr || unusable_) return nullptr;
  if (!db_) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    db_.reset(raw);
    const std::string mmap = std::string("PRAGMA mmap_size = ") + kReadingMmapSize;
    if (rc != SQLITE_OK || !sqlite::Exec(db_.get(), mmap).ok()) {
      unusable_ = true;
      db_.reset();
      return nullptr;
    }
    reader_ = std::make_unique<MatchIndexReader>(db_.get());
  }
  if (!sqlite::Exec(db_.get(), "BEGIN").ok()) return nullptr;
  in_transaction_ = true;
  // Refresh reads the stamps inside the transaction (its first read fixes the snapshot).
  if (!reader_->Refresh().ok() || reader_->stamps() == nullptr || *reader_->stamps() != *stamps) {
    End();
    return nullptr;
  }
  return reader_.get();
}

void SecondReader::End() {
  if (!in_transaction_) return;
  sqlite3_exec(db_.get(), "COMMIT", nullptr, nullptr, nullptr);  // read-only: cannot fail
  in_transaction_ = false;
}

}  // namespace hashi::store
