// IndexedSearch: the lossless top-k search of SqliteTmStore::Lookup over the match index.
// Private to hashi_core; see match_search.cpp for how it works and why it misses nothing.
#ifndef HASHI_CORE_STORE_MATCH_SEARCH_H_
#define HASHI_CORE_STORE_MATCH_SEARCH_H_

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
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

class SecondReader;

// One per store connection: it keeps its scratch space (a few MB per chunk of counters and
// marks) from one query to the next, since allocating and clearing it afresh cost a query at
// 1M units more than its counting did.
class IndexedSearch {
 public:
  explicit IndexedSearch(MatchIndexReader& reader) : reader_(reader) {}
  // A second connection for a lookup that keeps no keys (null: none); it must outlive this.
  void set_second_reader(SecondReader* second_reader) { second_reader_ = second_reader; }
  // Offers every unit that can score at least top.threshold() to `top`, `scorer` scoring them.
  Status Run(const SearchQuery& query, VariantScorer& scorer, match::TopUnits& top);

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
  // Counts chunks [from_chunk, end) on a second thread while this one counts the others.
  Status CountSplit(int from, int to, size_t from_chunk);
  struct Round {
    int low, high;          // bounds in [low, high)
    int minimum_count;      // the fewest shared tokens such a bound needs
    int shortest, longest;  // the key lengths that allow it
  };
  Round RoundFor(int low, int high) const;
  // Where Extract puts the units it finds: the main thread straight into buckets_, a second
  // thread into its own buckets, merged in after.
  struct Extraction {
    match::ChunkBits mask;  // scratch
    std::vector<std::vector<int64_t>>* buckets;
    bool may_read;  // may ask the reader (the main thread only)
    int64_t candidates = 0;
  };
  Status ExtractRound(int counted, const Round& round);
  Status Extract(size_t index, int counted, const Round& round, Extraction& out);
  Status Refine(size_t index, int counted, const std::vector<uint16_t>& slots);
  Status VerifyBucket(int bound, std::vector<int64_t>& units);
  Status VerifyRange(int bound, const std::vector<int64_t>& units, size_t from, size_t to);
  Status VerifyShared(int bound, const std::vector<int64_t>& units);
  // For a second thread: the key blocks of `units` (sorted), loaded by this one (the reader is
  // not thread-safe), and the units whose distance can be within the cut-off of `threshold`
  // (the others cannot score that much).
  Result<std::vector<const KeyBlockView*>> LoadBlocks(const std::vector<int64_t>& units);
  // Reads at once the keys of each chunk that `units` (sorted) and the units verified before
  // hold kBulkLoadUnits of.
  Status LoadBusyChunks(const std::vector<int64_t>& units);
  void Prefilter(const int64_t* units, const KeyBlockView* const* blocks, size_t count,
                 int threshold, std::vector<int64_t>& survivors);
  uint16_t Claim(int64_t unit);
  Status Score(int64_t unit, uint16_t length, const KeyBlockView& block);
  Status Verify(int64_t unit);
  // For a lookup that keeps no keys (SearchQuery::keep_keys false).
  Status VerifyInPlace(const std::vector<std::pair<int64_t, int>>& units);
  Status VerifyRoundInPlace(int low, int high);
  struct Claimed {  // a unit claimed for the second thread
    int64_t unit;
    int bound;
    uint16_t length;
  };
  struct Survivor {  // a unit the second thread's prefilter let through, with its entry
    int64_t unit;
    int bound;
    int ord;
    std::string tag, key;
    int known_length;
  };
  Status PrefilterInPlace(MatchIndexReader& reader, const std::vector<Claimed>& units,
                          int threshold, std::vector<Survivor>& survivors);
  // The second connection's reader for verifying `units` candidates in place, or null: one
  // thread reads them (a small round, one thread allowed, no second connection, or one whose
  // index is not the first's).
  MatchIndexReader* SecondConnection(size_t units);
  uint16_t SlotLength(int64_t unit) const;
  void Prefetch(int64_t unit, bool near);
  int MinimumCount(int threshold) const;

  // The language's chunks, their slot lengths, and no unit marked verified.
  Status Prepare();
  Status Search();
  void ClearExact();
  // Pivots (store/lookup_memory.h), for a query with a LookupMemory at a low threshold.
  bool MayUsePivots() const;
  // Answers the query from the nearest pivot that serves it, if one does (true).
  Result<bool> AnswerFromPivot();
  // How far (edit distance) from a pivot key of `length` code points the query may lie for
  // the pivot to serve it at the current threshold; negative: it cannot.
  int PivotSlack(int length) const;
  // Leaves the query's key as a pivot: every key of the language within its reach.
  Status MakePivot();

  MatchIndexReader& reader_;
  SecondReader* second_reader_ = nullptr;
  MatchIndexReader* second_ = nullptr;  // second_reader_'s in this Run, if it began one
  bool second_tried_ = false;           // whether this Run asked second_reader_
  std::atomic<int> threshold_now_{0};   // top_'s, for PrefilterInPlace on the second thread
  const SearchQuery* query_ = nullptr;  // those of the current Run
  VariantScorer* scorer_ = nullptr;
  match::TopUnits* top_ = nullptr;
  std::vector<QueryToken> tokens_;  // the query's tokens the index knows, rarest first
  int overflow_ = 0;                // occurrences past kMaxOccurrence
  std::vector<int64_t> chunks_;
  std::vector<match::SlicedCounter> counters_;  // per chunk
  std::vector<std::string_view> second_lists_;  // what CountSplit's second thread adds
  std::deque<std::string> second_copies_;       // of those the reader does not keep
  match::ChunkBits mask_;
  std::vector<std::vector<int64_t>> buckets_;  // units by the upper bound of their score
  Extraction main_extraction_{{}, &buckets_, true};
  std::vector<std::vector<int64_t>> second_buckets_;
  Extraction second_extraction_{{}, &second_buckets_, false};
  // Per chunk: the exact number of query tokens each refined slot holds (-1: not refined),
  // and which slots are refined (to reset just those for the next query).
  std::vector<std::vector<int32_t>> exact_;
  std::vector<std::vector<uint16_t>> refined_;
  std::vector<uint16_t> refine_slots_;  // scratch of Extract
  std::vector<uint16_t> fresh_slots_;   // scratch of Refine
  std::vector<int> refine_counts_;      // scratch of Refine
  // Per chunk (by position in chunks_): units verified, and the slot lengths.
  std::vector<int> positions_;  // chunk id -> position in chunks_, or -1
  std::vector<match::ChunkBits> seen_;
  std::vector<int> verified_in_;
  match::Levenshtein second_levenshtein_;  // Prefilter's, on the second thread
  match::Levenshtein pivot_levenshtein_;   // the query's key, for pivots
  std::vector<int64_t> pivot_units_;       // scratch of AnswerFromPivot
  std::vector<const std::vector<uint16_t>*> lengths_;
  std::vector<uint16_t> masked_lengths_;       // SearchQuery::after_unit's chunk, cut below it
  std::vector<const LengthClasses*> classes_;  // per chunk, null until Extract needs them
  Stats stats_;
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_MATCH_SEARCH_H_
