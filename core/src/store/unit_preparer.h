// Makes units ready for storing (NFC texts, canonical language tags, duplicate signature), on a
// second thread, so that parsing and preparing overlap with the SQLite writes of an import.
#ifndef HASHI_CORE_STORE_UNIT_PREPARER_H_
#define HASHI_CORE_STORE_UNIT_PREPARER_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "hashi/status.h"
#include "hashi/unit.h"
#include "store/unit_signature.h"

namespace hashi::store {

struct PreparedUnit {
  Unit unit;                       // texts in NFC
  std::vector<std::string> langs;  // canonical tag per variant, in variant order
  std::vector<std::string> keys;   // MatchKey per variant, in variant order (for the index)
  int64_t sig = 0;
  // The unit's (language, segment) keys, sorted as UnitSignature sorts them. Points into `unit`.
  std::vector<VariantKey> Keys() const;
};

// Normalises one unit; fails on a language tag that is not BCP-47 (naming the unit). Keeps a
// cache of the tags it has seen. Not thread-safe.
class UnitPreparer {
 public:
  Result<PreparedUnit> Prepare(Unit unit, int64_t ordinal);

 private:
  Result<std::string> CanonicalLang(const std::string& written);
  std::unordered_map<std::string, std::string> canonical_langs_;  // as written -> canonical
};

// Pulls units from `source` on its own thread and prepares them, handing them out in order.
// At most a bounded number of units wait in between, so memory stays bounded. Next() and
// status() are called from one (consumer) thread; `source` is used only by the producer thread
// and must outlive this object. The destructor stops the producer and waits for it.
class PreparedUnitPipe {
 public:
  explicit PreparedUnitPipe(UnitStream& source);
  ~PreparedUnitPipe();
  PreparedUnitPipe(const PreparedUnitPipe&) = delete;
  PreparedUnitPipe& operator=(const PreparedUnitPipe&) = delete;

  // The next prepared unit, or nullopt at the end or on error (then status() says which).
  std::optional<PreparedUnit> Next();
  // Valid once Next() returned nullopt.
  const Status& status() const { return status_; }

 private:
  void Produce();
  bool Push(std::vector<PreparedUnit>& batch);  // false once cancelled

  UnitStream& source_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<PreparedUnit>> batches_;  // guarded by mutex_
  bool done_ = false;                              // guarded by mutex_
  bool cancelled_ = false;                         // guarded by mutex_
  Status producer_status_;                         // guarded by mutex_ until done_
  std::vector<PreparedUnit> current_;              // consumer side
  size_t next_in_current_ = 0;
  Status status_;
  std::thread producer_;  // last: starts after every other member is ready
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_UNIT_PREPARER_H_
