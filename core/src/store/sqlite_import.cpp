// SqliteTmStore::Import: one file, one transaction; duplicates by signature, verified.
#include <algorithm>
#include <ctime>

#include "store/meta_codec.h"
#include "store/sqlite_tm_store.h"

namespace hashi::store {
namespace {

constexpr int64_t kProgressEvery = 4096;

std::string NowAsTmxDate() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return buffer;
}

// The unit's last change as a sortable TMX date: its changedate, else its variants' latest,
// else its creationdate, else `fallback` (the time of the import).
std::string ChangedDate(const Unit& unit, const std::string& fallback) {
  if (const std::string* d = FindAttribute(unit.attrs, "changedate")) return *d;
  std::string latest;
  for (const Variant& v : unit.variants) {
    const std::string* d = FindAttribute(v.attrs, "changedate");
    if (d && *d > latest) latest = *d;
  }
  if (!latest.empty()) return latest;
  if (const std::string* d = FindAttribute(unit.attrs, "creationdate")) return *d;
  return fallback;
}


}  // namespace

Result<ImportStats> SqliteTmStore::Import(UnitStream& units, const DocumentInfo& header,
                                          const ImportOptions& options) {
  Result<sqlite::Transaction> txn = sqlite::Transaction::Begin(db_.get());
  if (!txn.ok()) return txn.status().WithFile(path_);
  Result<int64_t> origin_id = UpsertOrigin(options.origin, header);
  if (!origin_id.ok()) return origin_id.status().WithFile(path_);
  import_time_ = NowAsTmxDate();
  ImportStats stats;
  CounterDeltas deltas;
  Result<std::unique_ptr<MatchIndexWriter>> index = MatchIndexWriter::Create(db_.get());
  if (!index.ok()) return index.status().WithFile(path_);
  int64_t ordinal = 0;
  PreparedUnitPipe pipe(units);  // parses and normalises on a second core
  while (std::optional<PreparedUnit> prepared = pipe.Next()) {
    if (++ordinal % kProgressEvery == 0 && options.on_progress) options.on_progress(ordinal);
    if (options.on_duplicate != DuplicatePolicy::kKeep) {
      Result<bool> duplicate =
          HandleDuplicates(*prepared, options.on_duplicate, deltas, **index);
      if (!duplicate.ok()) return duplicate.status().WithFile(path_);
      if (*duplicate) ++stats.duplicates;
      if (*duplicate && options.on_duplicate == DuplicatePolicy::kSkip) continue;
    }
    if (Status s = InsertUnit(*prepared, *origin_id, **index); !s.ok()) {
      return s.WithFile(path_);
    }
    std::vector<std::string> sorted = prepared->langs;
    std::sort(sorted.begin(), sorted.end());
    deltas.Add(*origin_id, sorted, +1);
    ++stats.imported;
  }
  if (!pipe.status().ok()) return pipe.status();
  if (options.on_progress) options.on_progress(ordinal);
  if (Status s = (*index)->Flush(); !s.ok()) return s.WithFile(path_);
  if (Status s = ApplyDeltas(deltas); !s.ok()) return s.WithFile(path_);
  if (Status s = CheckUnmoved(); !s.ok()) return s;
  if (Status s = txn->Commit(); !s.ok()) return s.WithFile(path_);
  match_reader_->Clear();  // what it cached is older than this import
  return stats;
}

Result<int64_t> SqliteTmStore::UpsertOrigin(const std::string& name, const DocumentInfo& header) {
  // The latest import of an origin gives it its header.
  Result<sqlite::Statement> st = sqlite::Statement::Prepare(
      db_.get(),
      "INSERT INTO origins(name, header) VALUES(?1, ?2) "
      "ON CONFLICT(name) DO UPDATE SET header = excluded.header RETURNING id");
  if (!st.ok()) return st.status();
  st->Bind(1, name).BindBlob(2, EncodeDocumentInfo(header));
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return st->ColumnInt(0);
}

Result<bool> SqliteTmStore::HandleDuplicates(const PreparedUnit& prepared, DuplicatePolicy policy,
                                             CounterDeltas& deltas, MatchIndexWriter& index) {
  struct Candidate {
    int64_t unit_id;
    int64_t origin_id;
    std::vector<Variant> variants;
    std::vector<std::string> langs;
  };
  std::vector<Candidate> candidates;
  find_by_sig_.Bind(1, prepared.sig);
  Status status;
  for (;;) {
    Result<bool> row = find_by_sig_.Step();
    if (!row.ok()) status = row.status();
    if (!row.ok() || !*row) break;
    Candidate& c = candidates.emplace_back();
    c.unit_id = find_by_sig_.ColumnInt(0);
    c.origin_id = find_by_sig_.ColumnInt(1);
    status = DecodeVariants(find_by_sig_.ColumnBlob(2), c.variants, &c.langs);
    if (!status.ok()) break;
  }
  find_by_sig_.Reset();
  if (!status.ok()) return status;
  bool found = false;
  const std::vector<VariantKey> new_keys = prepared.Keys();
  for (const Candidate& c : candidates) {
    std::vector<VariantKey> keys;
    for (size_t i = 0; i < c.variants.size(); ++i) keys.push_back({c.langs[i], &c.variants[i].segment});
    UnitSignature(keys);  // sorts them as the new unit's keys are sorted
    if (!SameContent(keys, new_keys)) continue;  // a hash collision, not a duplicate
    found = true;
    if (policy == DuplicatePolicy::kSkip) return true;
    delete_unit_.Bind(1, c.unit_id);
    if (Status s = delete_unit_.Run(); !s.ok()) return s;
    if (Status s = index.Remove(c.unit_id, c.langs); !s.ok()) return s;
    std::vector<std::string> sorted = c.langs;
    std::sort(sorted.begin(), sorted.end());
    deltas.Add(c.origin_id, sorted, -1);
  }
  return found;
}

Status SqliteTmStore::InsertUnit(PreparedUnit& prepared, int64_t origin_id,
                                 MatchIndexWriter& index) {
  const Unit& unit = prepared.unit;
  insert_unit_.Bind(1, origin_id)
      .Bind(2, prepared.sig)
      .Bind(3, ChangedDate(unit, import_time_))
      .BindBlob(4, EncodeUnitMeta(unit))
      .BindBlob(5, EncodeVariants(unit.variants, prepared.langs));
  if (Status s = insert_unit_.Run(); !s.ok()) return s;
  std::vector<IndexedVariant> variants(prepared.langs.size());
  for (size_t i = 0; i < variants.size(); ++i) {
    variants[i] = {prepared.langs[i], std::move(prepared.keys[i])};
  }
  return index.Add(sqlite3_last_insert_rowid(db_.get()), std::move(variants));
}

Status SqliteTmStore::ApplyDeltas(const CounterDeltas& deltas) {
  Result<sqlite::Statement> units = sqlite::Statement::Prepare(
      db_.get(), "UPDATE origins SET units = units + ?2 WHERE id = ?1");
  Result<sqlite::Statement> langs = sqlite::Statement::Prepare(
      db_.get(),
      "INSERT INTO lang_counts(origin_id, lang, variants) VALUES(?1, ?2, ?3) "
      "ON CONFLICT(origin_id, lang) DO UPDATE SET variants = variants + excluded.variants");
  Result<sqlite::Statement> pairs = sqlite::Statement::Prepare(
      db_.get(),
      "INSERT INTO pair_counts(origin_id, pair, units) VALUES(?1, ?2, ?3) "
      "ON CONFLICT(origin_id, pair) DO UPDATE SET units = units + excluded.units");
  for (const auto* st : {&units, &langs, &pairs}) {
    if (!st->ok()) return st->status();
  }
  for (const auto& [origin, n] : deltas.units) {
    if (Status s = units->Bind(1, origin).Bind(2, n).Run(); !s.ok()) return s;
  }
  for (const auto& [key, n] : deltas.langs) {
    if (Status s = langs->Bind(1, key.first).Bind(2, key.second).Bind(3, n).Run(); !s.ok()) {
      return s;
    }
  }
  for (const auto& [key, n] : deltas.pairs) {
    if (Status s = pairs->Bind(1, key.first).Bind(2, key.second).Bind(3, n).Run(); !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

}  // namespace hashi::store
