// SqliteTmStore::ForEachUnit: streams units out in store order, one in memory at a time.
#include <unordered_map>

#include "hashi/language_tag.h"
#include "store/meta_codec.h"
#include "store/sqlite_tm_store.h"

namespace hashi::store {
namespace {

// Which stored languages pass the --langs filter; each tag is parsed once.
class LangFilter {
 public:
  explicit LangFilter(std::vector<LanguageTag> wanted) : wanted_(std::move(wanted)) {}
  bool empty() const { return wanted_.empty(); }
  bool Wants(const std::string& canonical) {
    if (wanted_.empty()) return true;
    auto it = verdicts_.find(canonical);
    if (it != verdicts_.end()) return it->second;
    bool wanted = false;
    if (Result<LanguageTag> tag = LanguageTag::Parse(canonical); tag.ok()) {
      for (const LanguageTag& w : wanted_) wanted |= w.Matches(*tag);
    }
    return verdicts_.emplace(canonical, wanted).first->second;
  }

 private:
  std::vector<LanguageTag> wanted_;
  std::unordered_map<std::string, bool> verdicts_;
};

}  // namespace

Status SqliteTmStore::ForEachUnit(const ExportFilter& filter,
                                  const std::function<Status(const Unit&)>& visit) {
  std::vector<LanguageTag> wanted;
  for (const std::string& lang : filter.langs) {
    Result<LanguageTag> tag = LanguageTag::Parse(lang);
    if (!tag.ok()) return Status::Usage(tag.status().message());
    wanted.push_back(*tag);
  }
  LangFilter langs(std::move(wanted));
  std::string sql = "SELECT id, meta, variants FROM units ";
  if (!filter.origin.empty()) {
    sql += "WHERE origin_id = (SELECT id FROM origins WHERE name = ?1) ";
  }
  sql += "ORDER BY id";
  Result<sqlite::Statement> st = sqlite::Statement::Prepare(db_.get(), sql);
  if (!st.ok()) return st.status().WithFile(path_);
  if (!filter.origin.empty()) st->Bind(1, filter.origin);
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status().WithFile(path_);
    if (!*row) return Status::Ok();
    Unit unit;
    unit.id = st->ColumnInt(0);
    std::vector<Variant> variants;
    std::vector<std::string> canonical;
    Status s = DecodeUnitMeta(st->ColumnBlob(1), unit);
    if (s.ok()) s = DecodeVariants(st->ColumnBlob(2), variants, &canonical);
    if (!s.ok()) return s.WithFile(path_);
    for (size_t i = 0; i < variants.size(); ++i) {
      if (langs.Wants(canonical[i])) unit.variants.push_back(std::move(variants[i]));
    }
    if (!langs.empty() && unit.variants.size() < 2) continue;
    if (Status v = visit(unit); !v.ok()) return v;
  }
}

}  // namespace hashi::store
