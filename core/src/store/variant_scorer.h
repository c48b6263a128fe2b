// VariantScorer: scores a unit's variant against the query with the cut-off of the current
// threshold and offers it to the top-k collector. Shared by the indexed search and the
// exhaustive scan of SqliteTmStore::Lookup, so that both score exactly alike. Private to
// hashi_core. Not thread-safe.
#ifndef HASHI_CORE_STORE_VARIANT_SCORER_H_
#define HASHI_CORE_STORE_VARIANT_SCORER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "hashi/language_tag.h"
#include "hashi/status.h"
#include "match/levenshtein.h"
#include "match/top_units.h"

namespace hashi::store {

// What the search asks of the store about a candidate.
struct CandidateChecks {
  // MatchIdentity (hashi/matcher.h) of variant `ord` of `unit`: needed only when its key equals
  // the query's (100 or 99).
  std::function<Result<std::string>(int64_t unit, int ord)> identity;
  // Whether `unit` may be a match at all (e.g. it has every target language); empty: all may.
  std::function<Result<bool>(int64_t unit)> admit;
};

// The query as the search needs it.
struct SearchQuery {
  std::string lang;      // primary subtag of `from`
  LanguageTag from;      // a variant is a source if its tag Matches this
  std::u32string key;    // MatchKey of the query, as code points
  std::string identity;  // MatchIdentity of the query
  int threads = 1;       // LookupRequest::threads
};

class VariantScorer {
 public:
  VariantScorer(const SearchQuery& query, const CandidateChecks& checks, match::TopUnits& top);
  // Scores variant `ord` of `unit` with tag `tag` and matching key `key` (UTF-8).
  Status Score(int64_t unit, int ord, std::string_view tag, std::string_view key);
  // Whether a variant with this canonical tag is in the query's language.
  bool TagMatches(std::string_view tag);

 private:
  const SearchQuery& query_;
  const CandidateChecks& checks_;
  match::TopUnits& top_;
  match::Levenshtein levenshtein_;
  std::unordered_map<std::string, bool> tag_verdicts_;
  std::string last_tag_;  // the last tag asked about, and its verdict: nearly all are equal
  bool last_verdict_ = false;
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_VARIANT_SCORER_H_
