// SecondReader: a second read-only connection to a TM, for the second thread of a lookup that
// compares keys where SQLite reads them (SearchQuery::keep_keys false): the first connection's
// reader is not thread-safe, and reading the key blocks is most of such a lookup's time. Its
// reads are used only when its own read transaction sees the same match index as the first
// connection's (equal chunk stamps: nothing was written in between). Private to hashi_core.
#ifndef HASHI_CORE_STORE_SECOND_READER_H_
#define HASHI_CORE_STORE_SECOND_READER_H_

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "store/match_index_reader.h"

namespace hashi::store {

// PRAGMA mmap_size of a reading connection: up to 2 GB mapped, so that lookups read the match
// index without copying pages (a 1M-unit TM is over 1 GB).
inline constexpr char kReadingMmapSize[] = "2147418112";

class SecondReader {
 public:
  explicit SecondReader(std::string path) : path_(std::move(path)) {}
  ~SecondReader();
  SecondReader(const SecondReader&) = delete;
  SecondReader& operator=(const SecondReader&) = delete;

  // Begins a read transaction and returns a reader in it if its index is the one `stamps`
  // describe (the first reader's MatchIndexReader::stamps()), else null: a TM without stamps,
  // a write committed since the first transaction began, or any error (the caller then reads
  // alone). Ends the transaction it began when it returns null.
  MatchIndexReader* Begin(const std::map<int64_t, int64_t>* stamps);
  // Ends the transaction Begin began, if any.
  void End();

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  std::string path_;
  std::unique_ptr<sqlite3, Closer> db_;
  std::unique_ptr<MatchIndexReader> reader_;  // declared after db_: destroyed before it closes
  bool unusable_ = false;                     // the connection could not be opened
  bool in_transaction_ = false;
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_SECOND_READER_H_
