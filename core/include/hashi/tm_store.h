// TmStore: the translation memory. The CLI and the pipelines only see this interface; SQLite is
// the embedded implementation (OpenSqliteStore), and a server-backed store (PostgreSQL) can be
// added behind the same interface without touching its callers.
//
// Thread safety: one TmStore per thread. Several processes may open the same SQLite TM: readers
// are not blocked by a writer (WAL), and writers wait for each other (busy timeout).
#ifndef HASHI_TM_STORE_H_
#define HASHI_TM_STORE_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hashi/concordance.h"
#include "hashi/matcher.h"
#include "hashi/status.h"
#include "hashi/unit.h"

namespace hashi {

// What to do with a unit whose languages and segment texts equal those of a stored unit.
enum class DuplicatePolicy {
  kSkip,     // keep the stored unit, drop the new one (the default)
  kReplace,  // delete the stored unit(s), store the new one
  kKeep,     // store the new one as well
};

struct ImportOptions {
  DuplicatePolicy on_duplicate = DuplicatePolicy::kSkip;
  std::string origin;  // REQUIRES: not empty. Units are labelled with it.
  // Called now and then with the number of units read so far (for progress display).
  std::function<void(int64_t units_read)> on_progress;
};

struct ImportStats {
  int64_t imported = 0;    // units stored
  int64_t duplicates = 0;  // units skipped (kSkip) or that replaced stored ones (kReplace)
};

struct ExportFilter {
  std::vector<std::string> langs;  // only variants matching one of these tags; empty = all.
                                   // With a filter, units left with fewer than 2 are dropped.
  std::string origin;              // only units of this origin; empty = all
};

struct StoreStats {
  int64_t units = 0;
  std::map<std::string, int64_t> variants;  // canonical language tag -> variants
  std::map<std::string, int64_t> pairs;     // "en-ja" (tags sorted) -> units holding both
  std::map<std::string, int64_t> origins;   // origin name -> units
};

// An origin: where units came from (a file name or a name given by the user), with its header.
struct OriginInfo {
  std::string name;
  DocumentInfo header;
  int64_t units = 0;
};

// What TmStore::Check found.
struct CheckReport {
  int64_t units = 0;                  // units in the TM
  std::vector<std::string> problems;  // one line each; empty when the TM is sound
  int64_t more_problems = 0;          // problems found beyond those listed
  int64_t stale_postings = 0;         // postings of deleted units (harmless; Vacuum drops them)
  bool file_damaged = false;          // SQLite's own check failed: Vacuum cannot repair it
  bool sound() const { return problems.empty(); }
};

struct VacuumStats {
  int64_t units = 0;
  int64_t bytes_before = 0;
  int64_t bytes_after = 0;
};

class TmStore {
 public:
  virtual ~TmStore() = default;

  // Stores every unit of `units` in one transaction: on any error (from the stream or the
  // store) nothing of it is kept and the TM is exactly as before. Texts are stored in NFC.
  // Every variant's language must be a BCP-47 tag (else kInvalidInput naming the unit).
  virtual Result<ImportStats> Import(UnitStream& units, const DocumentInfo& header,
                                     const ImportOptions& options) = 0;

  // Calls `visit` for each stored unit that passes `filter`, in store order, streaming (one
  // unit in memory at a time). Stops at the first non-OK Status `visit` returns and returns it.
  virtual Status ForEachUnit(const ExportFilter& filter,
                             const std::function<Status(const Unit&)>& visit) = 0;

  // Figures kept up to date by every write: cheap even on millions of units.
  virtual Result<StoreStats> Stats() = 0;

  // The origins, with their headers, in the order they were first imported.
  virtual Result<std::vector<OriginInfo>> Origins() = 0;

  // The most common srclang among the stored units (their own, else their origin's), or
  // "*all*" when there is none.
  virtual Result<std::string> MostCommonSourceLanguage() = 0;

  // The units whose variant in request.from best matches request.query, scored and ordered as
  // hashi/matcher.h defines, at most request.limit of them, none below request.min_score.
  // No unit scoring at or above min_score is ever missed: the indexed search returns exactly
  // what request.exhaustive (a comparison with every unit) returns. A TM with no variant in
  // request.from answers no match. kUsage for a request ValidateLookup rejects.
  // Caches what it reads (the index, keys), so a long run of lookups on one store gets faster.
  virtual Result<std::vector<Match>> Lookup(const LookupRequest& request) = 0;

  // The units whose variant in request.lang contains request.phrase, as hashi/concordance.h
  // defines, most recently stored first, at most request.limit of them. kUsage for a request
  // ValidateConcord rejects.
  virtual Result<std::vector<ConcordHit>> Concord(const ConcordRequest& request) = 0;

  // Verifies the TM: the file's own structure (SQLite's integrity check), the counters `Stats`
  // reads against the units, and the match index against the units (every variant's key, key
  // length and tokens present; no unit indexed that is not stored). Read-only; reads the whole
  // TM. Problems go into the report (an error Status only when the check itself cannot run).
  virtual Result<CheckReport> Check() = 0;

  // Compacts and repairs: rebuilds the counters and the match index from the units (dropping
  // the postings of replaced units), then VACUUMs the file. Repairs everything Check reports
  // except a damaged file. REQUIRES: opened with OpenMode::kReadWrite.
  virtual Result<VacuumStats> Vacuum() = 0;
};

enum class OpenMode {
  kReadOnly,   // the TM must exist; nothing is written
  kReadWrite,  // created (with the current schema) if missing; migrated if older
};

// How long a write waits for another connection writing to the TM (an import holds it for a
// whole file) before it fails as busy.
inline constexpr int kWriteWaitSeconds = 60;

// The answers of recent lookups on one TM: a request asked again while the TM is unchanged is
// answered from here, exactly as a search would answer it. Each store keeps one unless given
// one to share (StoreOptions::answers) with the other stores of the same TM that a program
// keeps open at once (as `hashi serve` does). Thread-safe.
class AnswerCache;
std::shared_ptr<AnswerCache> NewAnswerCache();

struct StoreOptions {
  // Called (with the TM's path) when a write first has to wait for another writer; it waits
  // either way. The library prints nothing itself; the CLI says so on a terminal.
  std::function<void(const std::string& tm_path)> on_wait;
  // Shared with the other stores of this TM; null: the store keeps its own.
  std::shared_ptr<AnswerCache> answers;
  // false: no answer is cached, every lookup is searched (for comparing ways of searching).
  bool cache_answers = true;
};

// Opens the SQLite TM at `path`. Errors: not a SQLite database, a hashi schema newer than this
// program knows, a read-only file opened for writing, a missing file in kReadOnly mode.
Result<std::unique_ptr<TmStore>> OpenSqliteStore(const std::filesystem::path& path, OpenMode mode,
                                                 StoreOptions options = {});

// The schema version this build writes (PRAGMA user_version).
int CurrentSchemaVersion();

}  // namespace hashi

#endif  // HASHI_TM_STORE_H_
