// SqliteTmStore::Import: one file, one transaction; duplicates by signature, verified.
#include <algorithm>
#include <ctime>

#include "hashi/normalizer.h"
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

template <typename T>  // Prop or Note
void NormalizeTexts(std::vector<T>& items) {
  for (T& item : items) item.text = ToNfc(item.text);
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
  int64_t ordinal = 0;
  while (std::optional<Unit> unit = units.Next()) {
    if (++ordinal % kProgressEvery == 0 && options.on_progress) options.on_progress(ordinal);
    PreparedUnit prepared;
    if (Status s = PrepareUnit(*unit, ordinal, prepared); !s.ok()) return s;
    if (options.on_duplicate != DuplicatePolicy::kKeep) {
      Result<bool> duplicate = HandleDuplicates(prepared, options.on_duplicate, deltas);
      if (!duplicate.ok()) return duplicate.status().WithFile(path_);
      if (*duplicate) ++stats.duplicates;
      if (*duplicate && options.on_duplicate == DuplicatePolicy::kSkip) continue;
    }
    if (Status s = InsertUnit(*unit, prepared, *origin_id); !s.ok()) return s.WithFile(path_);
    std::vector<std::string> sorted = prepared.langs;
    std::sort(sorted.begin(), sorted.end());
    deltas.Add(*origin_id, sorted, +1);
    ++stats.imported;
  }
  if (!units.status().ok()) return units.status();
  if (options.on_progress) options.on_progress(ordinal);
  if (Status s = ApplyDeltas(deltas); !s.ok()) return s.WithFile(path_);
  if (Status s = txn->Commit(); !s.ok()) return s.WithFile(path_);
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

Result<std::string> SqliteTmStore::CanonicalLang(const std::string& written) {
  auto it = canonical_langs_.find(written);
  if (it != canonical_langs_.end()) return it->second;
  Result<LanguageTag> tag = LanguageTag::Parse(written);
  if (!tag.ok()) return tag.status();
  return canonical_langs_.emplace(written, tag->str()).first->second;
}

Status SqliteTmStore::PrepareUnit(Unit& unit, int64_t ordinal, PreparedUnit& prepared) {
  NormalizeTexts(unit.props);
  NormalizeTexts(unit.notes);
  for (Variant& variant : unit.variants) {
    Result<std::string> lang = CanonicalLang(variant.lang);
    if (!lang.ok()) {
      const std::string* tuid = FindAttribute(unit.attrs, "tuid");
      return lang.status().WithContext("unit " + std::to_string(ordinal) +
                                       (tuid ? " (tuid " + *tuid + ")" : std::string()));
    }
    variant.segment.text = ToNfc(variant.segment.text);
    NormalizeTexts(variant.props);
    NormalizeTexts(variant.notes);
    prepared.langs.push_back(*lang);
  }
  for (size_t i = 0; i < unit.variants.size(); ++i) {
    prepared.keys.push_back({prepared.langs[i], &unit.variants[i].segment});
  }
  prepared.sig = UnitSignature(prepared.keys);
  return Status::Ok();
}

Result<std::vector<VariantKey>> SqliteTmStore::LoadKeys(int64_t unit_id,
                                                        std::vector<Variant>& storage) {
  storage.clear();
  unit_variants_.Bind(1, unit_id);
  for (;;) {
    Result<bool> row = unit_variants_.Step();
    if (!row.ok() || !*row) {
      unit_variants_.Reset();
      if (!row.ok()) return row.status();
      break;
    }
    Variant v;
    v.segment.text = unit_variants_.ColumnText(1);
    if (Status s = DecodeVariantMeta(unit_variants_.ColumnBlob(2), unit_variants_.ColumnText(0), v);
        !s.ok()) {
      unit_variants_.Reset();
      return s;
    }
    v.lang = unit_variants_.ColumnText(0);  // compare by canonical tag, not by spelling
    storage.push_back(std::move(v));
  }
  std::vector<VariantKey> keys;
  for (const Variant& v : storage) keys.push_back({v.lang, &v.segment});
  UnitSignature(keys);  // sorts them as the new unit's keys are sorted
  return keys;
}

Result<bool> SqliteTmStore::HandleDuplicates(const PreparedUnit& prepared, DuplicatePolicy policy,
                                             CounterDeltas& deltas) {
  std::vector<std::pair<int64_t, int64_t>> candidates;  // (unit, origin)
  find_by_sig_.Bind(1, prepared.sig);
  for (;;) {
    Result<bool> row = find_by_sig_.Step();
    if (!row.ok() || !*row) {
      find_by_sig_.Reset();
      if (!row.ok()) return row.status();
      break;
    }
    candidates.emplace_back(find_by_sig_.ColumnInt(0), find_by_sig_.ColumnInt(1));
  }
  bool found = false;
  std::vector<Variant> storage;
  for (const auto& [unit_id, origin_id] : candidates) {
    Result<std::vector<VariantKey>> keys = LoadKeys(unit_id, storage);
    if (!keys.ok()) return keys.status();
    if (!SameContent(*keys, prepared.keys)) continue;  // a hash collision, not a duplicate
    found = true;
    if (policy == DuplicatePolicy::kSkip) return true;
    std::vector<std::string> langs;
    for (const VariantKey& k : *keys) langs.push_back(k.lang);
    delete_unit_.Bind(1, unit_id);
    if (Status s = delete_unit_.Run(); !s.ok()) return s;
    deltas.Add(origin_id, langs, -1);
  }
  return found;
}

Status SqliteTmStore::InsertUnit(const Unit& unit, const PreparedUnit& prepared,
                                 int64_t origin_id) {
  insert_unit_.Bind(1, origin_id)
      .Bind(2, prepared.sig)
      .Bind(3, ChangedDate(unit, import_time_))
      .BindBlob(4, EncodeUnitMeta(unit));
  if (Status s = insert_unit_.Run(); !s.ok()) return s;
  const int64_t unit_id = sqlite3_last_insert_rowid(db_.get());
  for (size_t i = 0; i < unit.variants.size(); ++i) {
    const Variant& v = unit.variants[i];
    insert_variant_.Bind(1, unit_id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, prepared.langs[i])
        .Bind(4, v.segment.text)
        .BindBlob(5, EncodeVariantMeta(v, prepared.langs[i]));
    if (Status s = insert_variant_.Run(); !s.ok()) return s;
  }
  return Status::Ok();
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
