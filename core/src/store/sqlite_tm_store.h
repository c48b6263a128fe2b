// SqliteTmStore: the embedded TmStore, one SQLite file (schema in store/schema.cpp).
#ifndef HASHI_CORE_STORE_SQLITE_TM_STORE_H_
#define HASHI_CORE_STORE_SQLITE_TM_STORE_H_

#include <sqlite3.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "hashi/language_tag.h"
#include "hashi/tm_store.h"
#include "sqlite/statement.h"
#include "store/answer_cache.h"
#include "store/match_index_reader.h"
#include "store/match_index_writer.h"
#include "store/match_search.h"
#include "store/second_reader.h"
#include "store/unit_preparer.h"
#include "store/unit_signature.h"

namespace hashi::store {

// Changes to the counters of `stats`, gathered during a write and applied before its commit.
struct CounterDeltas {
  std::map<int64_t, int64_t> units;                          // origin -> units
  std::map<std::pair<int64_t, std::string>, int64_t> langs;  // (origin, lang) -> variants
  std::map<std::pair<int64_t, std::string>, int64_t> pairs;  // (origin, "a/b") -> units
  // Counts one unit with these canonical languages (sorted, may repeat) in or out.
  void Add(int64_t origin, const std::vector<std::string>& sorted_langs, int64_t sign);
};

class SqliteTmStore : public TmStore {
 public:
  static Result<std::unique_ptr<SqliteTmStore>> Open(const std::filesystem::path& path,
                                                     OpenMode mode, StoreOptions options = {});
  ~SqliteTmStore() override;

  Result<ImportStats> Import(UnitStream& units, const DocumentInfo& header,
                             const ImportOptions& options) override;
  Status ForEachUnit(const ExportFilter& filter,
                     const std::function<Status(const Unit&)>& visit) override;
  Result<StoreStats> Stats() override;
  Result<std::vector<OriginInfo>> Origins() override;
  Result<std::string> MostCommonSourceLanguage() override;
  Result<std::vector<Match>> Lookup(const LookupRequest& request) override;
  Result<std::vector<ConcordHit>> Concord(const ConcordRequest& request) override;
  Result<CheckReport> Check() override;   // sqlite_check.cpp
  Result<VacuumStats> Vacuum() override;  // sqlite_check.cpp

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  SqliteTmStore(std::string path, StoreOptions options)
      : path_(std::move(path)), options_(std::move(options)) {}
  static int WaitWhileBusy(void* store, int attempt);  // SQLite's busy handler
  Status Configure(OpenMode mode);
  // An error if the file at path_ is no longer the one opened (deleted or replaced meanwhile):
  // committing then would write to a file nobody sees, beside a -wal that is not its own.
  Status CheckUnmoved() const;
  Status PrepareStatements();

  // Import steps (sqlite_import.cpp).
  Result<int64_t> UpsertOrigin(const std::string& name, const DocumentInfo& header);
  Result<bool> HandleDuplicates(const PreparedUnit& prepared, DuplicatePolicy policy,
                                CounterDeltas& deltas, MatchIndexWriter& index);
  Status InsertUnit(PreparedUnit& prepared, int64_t origin_id, MatchIndexWriter& index);
  Status ApplyDeltas(const CounterDeltas& deltas);

  // Lookup steps (sqlite_lookup.cpp).
  // The answer to `request` from the units with ids above `after_unit`.
  Result<std::vector<Match>> Search(const LookupRequest& request, int64_t after_unit);
  // `answer`, computed on the units up to `last_unit`, for the units up to `last_unit_now`
  // (none rewritten since): the units added since searched, and merged in.
  Result<std::vector<Match>> Extend(const LookupRequest& request, std::vector<Match> answer,
                                    int64_t last_unit, int64_t last_unit_now);
  Result<UnitsState> ReadUnitsState();  // in the current read transaction
  Status ScanAllUnits(VariantScorer& scorer);
  Result<std::vector<Match>> RankContenders(const LookupRequest& request,
                                            std::vector<match::ScoredUnit> contenders);
  Result<std::string> VariantIdentity(int64_t unit, int ord);
  Result<bool> HasEveryTarget(const LookupRequest& request, int64_t unit);
  // One unit's row for answers: changed, origin name, decoded variants and their tags.
  struct UnitRow {
    std::string changed;
    std::string origin;
    std::vector<Variant> variants;
    std::vector<std::string> tags;
  };
  Result<UnitRow> ReadUnitRow(int64_t unit);

  std::string path_;
  StoreOptions options_;
  uint64_t file_device_ = 0;  // of the file opened, for CheckUnmoved
  uint64_t file_inode_ = 0;
  std::unique_ptr<sqlite3, Closer> db_;
  // Hot statements, prepared once; declared after db_ so they are finalized before it closes.
  sqlite::Statement insert_unit_;
  sqlite::Statement find_by_sig_;
  sqlite::Statement delete_unit_;
  sqlite::Statement unit_row_;
  std::optional<sqlite::Statement> units_state_;    // ReadUnitsState's, once prepared
  std::unique_ptr<MatchIndexReader> match_reader_;  // caches across lookups; see Lookup()
  std::unique_ptr<SecondReader> second_reader_;     // for one-off lookups on two cores
  std::unique_ptr<IndexedSearch> search_;           // over match_reader_, its scratch kept
  std::shared_ptr<AnswerCache> answers_;  // options_.answers, the store's own, or null: none
  int64_t told_generation_ = -1;          // match_reader_'s, when answers_ last heard of it
  std::string import_time_;               // TMX date of this import: `changed` of undated units
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_SQLITE_TM_STORE_H_
