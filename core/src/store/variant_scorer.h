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
#include "hashi/matcher.h"
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
  std::string lang;                // primary subtag of `from`
  LanguageTag from;                // a variant is a source if its tag Matches this
  std::u32string key;              // MatchKey of the query, as code points
  std::string identity;            // MatchIdentity of the query
  int threads = 1;                 // LookupRequest::threads
  bool keep_keys = true;           // LookupRequest::keep_keys
  LookupMemory* memory = nullptr;  // LookupRequest::memory
  int64_t after_unit = 0;          // only units with greater ids (those added since an answer)
};

// The largest Levenshtein distance that still allows a score of `threshold` between keys whose
// longer one has `longest` code points.
inline int MaxDistance(int longest, int threshold) { return longest * (100 - threshold) / 100; }
// Whether a variant with the canonical tag `tag` is in the language of a query from `from`.
bool IsSourceTag(std::string_view tag, const LanguageTag& from);
// Whether variants' tags are in the language of a query from `from`, remembering the verdict on
// the last tag asked about (nearly all are equal). For a second thread, which cannot share the
// scorer's.
class SourceTagCheck {
 public:
  explicit SourceTagCheck(const LanguageTag& from) : from_(from) {}
  bool operator()(std::string_view tag) {
    if (tag != last_tag_) {
      last_tag_ = std::string(tag);
      last_verdict_ = IsSourceTag(tag, from_);
    }
    return last_verdict_;
  }

 private:
  const LanguageTag& from_;
  std::string last_tag_;
  bool last_verdict_ = false;
};
// The distance between `levenshtein`'s pattern (the query's key) and `key` (UTF-8) if it still
// allows a score of `threshold`, else -1; `n` receives the key's length in code points, which
// the caller may give as `known_length` (the index's slot length) to spare counting them.
int DistanceWithinCutoff(match::Levenshtein& levenshtein, std::string_view key, int threshold,
                         int& n, int known_length = -1);

class VariantScorer {
 public:
  VariantScorer(const SearchQuery& query, const CandidateChecks& checks, match::TopUnits& top);
  // Scores variant `ord` of `unit` with tag `tag` and matching key `key` (UTF-8), whose length
  // in code points is `known_length` if that is not -1.
  Status Score(int64_t unit, int ord, std::string_view tag, std::string_view key,
               int known_length = -1);
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
