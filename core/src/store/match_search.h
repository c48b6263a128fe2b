// IndexedSearch: the lossless top-k search of SqliteTmStore::Lookup over the match index.
// Private to hashi_core; see match_search.cpp for how it works and why it misses nothing.
#ifndef HASHI_CORE_STORE_MATCH_SEARCH_H_
#define HASHI_CORE_STORE_MATCH_SEARCH_H_

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "hashi/language_tag.h"
#include "hashi/status.h"
#include "match/levenshtein.h"
#include "match/posting_chunk.h"
#include "match/top_units.h"
#include "store/match_index_reader.h"

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
};

// Scores a variant's key against the query with the cut-off of `top`, and offers it.
// Shared by the indexed search and the exhaustive scan, so both score exactly alike.
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

class IndexedSearch {
 public:
  IndexedSearch(MatchIndexReader& reader, const SearchQuery& query, VariantScorer& scorer,
                match::TopUnits& top)
      : reader_(reader), query_(query), scorer_(scorer), top_(top) {}
  // Offers every unit that can score at least top.threshold() to `top`.
  Status Run();

  // Counters of the last Run, for benchmarks and tests.
  struct Stats {
    int counted_tokens = 0;  // tokens whose lists were added up (the rest count as shared)
    int64_t candidates = 0;  // units whose bound reached the threshold
    int64_t verified = 0;    // units whose keys were compared
  };
  const Stats& stats() const { return stats_; }

 private:
  struct QueryToken {
    int64_t number;
    int64_t units;  // how many units hold it (an upper bound: deletions are not subtracted)
  };
  Status ResolveTokens();
  int ProbeTokens() const;
  Status Probe(int probe);
  int CountedTokens() const;
  Status Count(int from, int to);
  Status CountChunk(size_t index, int from, int to);
  Status Extract(size_t index, int counted, int low, int high);
  Status VerifyBucket(int bound, std::vector<int64_t>& units);
  Status Verify(int64_t unit);
  int MinimumCount(int threshold) const;

  MatchIndexReader& reader_;
  const SearchQuery& query_;
  VariantScorer& scorer_;
  match::TopUnits& top_;
  std::vector<QueryToken> tokens_;  // the query's tokens the index knows, rarest first
  int overflow_ = 0;                // occurrences past kMaxOccurrence
  std::vector<int64_t> chunks_;
  std::vector<match::SlicedCounter> counters_;  // per chunk
  match::ChunkBits mask_;
  std::vector<std::vector<int64_t>> buckets_;  // units by the upper bound of their score
  std::unordered_map<int64_t, match::ChunkBits> verified_;  // by chunk
  Stats stats_;
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_MATCH_SEARCH_H_
