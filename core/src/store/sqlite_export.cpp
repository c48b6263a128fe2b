// SqliteTmStore::ForEachUnit: streams units out in store order, one in memory at a time.
#include "hashi/language_tag.h"
#include "store/meta_codec.h"
#include "store/sqlite_tm_store.h"

namespace hashi::store {
namespace {

bool LangWanted(const std::vector<LanguageTag>& wanted, const std::string& canonical) {
  if (wanted.empty()) return true;
  Result<LanguageTag> tag = LanguageTag::Parse(canonical);
  if (!tag.ok()) return false;
  for (const LanguageTag& w : wanted) {
    if (w.Matches(*tag)) return true;
  }
  return false;
}

}  // namespace

Status SqliteTmStore::ForEachUnit(const ExportFilter& filter,
                                  const std::function<Status(const Unit&)>& visit) {
  std::vector<LanguageTag> wanted;
  for (const std::string& lang : filter.langs) {
    Result<LanguageTag> tag = LanguageTag::Parse(lang);
    if (!tag.ok()) return Status::Usage(tag.status().message());
    wanted.push_back(*tag);
  }
  std::string sql =
      "SELECT u.id, u.meta, v.lang, v.text, v.meta FROM units u JOIN variants v "
      "ON v.unit_id = u.id ";
  if (!filter.origin.empty()) {
    sql += "WHERE u.origin_id = (SELECT id FROM origins WHERE name = ?1) ";
  }
  sql += "ORDER BY u.id, v.ord";
  Result<sqlite::Statement> st = sqlite::Statement::Prepare(db_.get(), sql);
  if (!st.ok()) return st.status().WithFile(path_);
  if (!filter.origin.empty()) st->Bind(1, filter.origin);

  // Rows come grouped by unit; a unit is complete when the next row's id differs.
  std::optional<Unit> current;
  auto flush = [&]() -> Status {
    if (!current) return Status::Ok();
    Unit unit = std::move(*current);
    current.reset();
    if (!wanted.empty() && unit.variants.size() < 2) return Status::Ok();
    return visit(unit);
  };
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status().WithFile(path_);
    if (!*row) break;
    const int64_t id = st->ColumnInt(0);
    if (!current || current->id != id) {
      if (Status s = flush(); !s.ok()) return s;
      current.emplace();
      current->id = id;
      if (Status s = DecodeUnitMeta(st->ColumnBlob(1), *current); !s.ok()) {
        return s.WithFile(path_);
      }
    }
    const std::string lang(st->ColumnText(2));
    if (!LangWanted(wanted, lang)) continue;
    Variant v;
    v.segment.text = st->ColumnText(3);
    if (Status s = DecodeVariantMeta(st->ColumnBlob(4), lang, v); !s.ok()) {
      return s.WithFile(path_);
    }
    current->variants.push_back(std::move(v));
  }
  return flush();
}

}  // namespace hashi::store
