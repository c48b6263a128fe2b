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
#include "store/variant_scorer.h"

namespace hashi::store {

class IndexedSearch {
 public:
  IndexedSearch(MatchIndexReader& reader, const SearchQuery& query, VariantScorer& scorer,
                match::TopUnits& top)
      : reader_(reader), query_(query), scorer_(scorer), top_(top) {}
  // Offers every unit that can score at least top.threshold() to `top`.
  Status Run();

  // Counters of the last Run, for benchmarks and tests.
  struct Stats {
    int counted_tokens = 0;  // tokens counted for every unit (the rest looked up per candidate)
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
  double CountCost(int i) const;
  int64_t CandidateCount(int counted, int low);
  Result<int> CountTokens(int counted, int low);
  Status Count(int from, int to);
  Status CountChunk(size_t index, int from, int to);
  struct Round {
    int low, high;          // bounds in [low, high)
    int minimum_count;      // the fewest shared tokens such a bound needs
    int shortest, longest;  // the key lengths that allow it
  };
  Round RoundFor(int low, int high) const;
  Status Extract(size_t index, int counted, const Round& round);
  Status Refine(size_t index, int counted, const std::vector<uint16_t>& slots);
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
  // Per chunk: the exact number of query tokens each refined slot holds (-1: not refined).
  std::vector<std::vector<int32_t>> exact_;
  std::vector<uint16_t> refine_slots_;  // scratch of Extract
  std::vector<uint16_t> fresh_slots_;   // scratch of Refine
  std::vector<int> refine_counts_;      // scratch of Refine
  // Per chunk (by position in chunks_): units verified, and the slot lengths.
  std::vector<int> positions_;  // chunk id -> position in chunks_, or -1
  std::vector<match::ChunkBits> seen_;
  std::vector<int> verified_in_;
  std::vector<const std::vector<uint16_t>*> lengths_;
  Stats stats_;
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_MATCH_SEARCH_H_
