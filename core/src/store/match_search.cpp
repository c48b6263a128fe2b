// How the indexed search finds every unit that can score at least the threshold t without
// comparing the query with every unit:
//
// The count filter (the q-gram lemma). Keys are indexed as padded bigrams numbered by
// occurrence (match/gram_tokens.h). One edit changes at most two of them, so keys q (m code
// points) and s (n) at Levenshtein distance d share at least max(m, n) + 1 - 2d tokens. From
// the number c of tokens they share, d >= ceil((max(m, n) + 1 - c) / 2), and always
// d >= |m - n|: together an upper bound on the score of s. Counts stay upper bounds
// everywhere: occurrences past kMaxOccurrence count as shared, deleted units' stale postings
// only add, tokens left uncounted count as shared, and units with several variants in the
// language (or giant keys) are verified as soon as a count lets them through.
//
// Counting. The counts of all 65,536 units of a chunk are made at once by adding posting lists
// into bit-sliced counters (match/posting_chunk.h): the common bigrams' lists are bitmaps,
// added eight at a time with a carry-save adder; rare ones go through byte counters.
//
// The threshold t is the limit-th best score found so far (match/top_units.h): it starts at
// --min and rises as good matches turn up, and a higher t makes every filter stronger. So:
// 1. Probe: the rarest tokens are counted first, and the units holding most of them (nearest
//    the query's length first) are verified. For a query with a close match in the TM this
//    finds it at once and lifts t near its final value.
// 2. More tokens are counted, rarest first: at least the prefix every unit able to reach t must
//    hold one of (a unit holding none of the P rarest shares at most G - P of the query's G
//    tokens), and more, a batch at a time, while that costs less than looking the remaining
//    candidates up in the other tokens' lists one by one.
// 3. Best first, in rounds: units bound at 91 or more are taken out of the counters, their
//    exact share of tokens completed by look-ups in the lists of the tokens not counted (a
//    bitmap tested at each, a sparse list merged with them), and verified from the highest
//    bound down, then those at 81-90, and so on (a last sliver of fewer than five values, as
//    70 at --min 70, goes with the round above it); once t reaches a round's floor, nothing
//    below it can enter the answer and the search ends. Units whose key length the round
//    rules out are passed over 64 at a time (store/length_classes.h).
// Where the query may use a second thread (LookupRequest::threads), it counts a large batch of
// tokens into half the chunks, extracts from half the chunks a round that yields thousands,
// and takes batches of a large bucket to prefilter while this thread verifies others.
// Verification is bit-parallel, banded Levenshtein with the cut-off of the current t
// (match/levenshtein.h), and the key of a unit comes from its key block, read once and kept;
// a lookup that keeps no keys (one process, one lookup) compares them where SQLite reads them,
// a round's candidates in one pass over their blocks.
#include "store/match_search.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <thread>

#include "hashi/matcher.h"
#include "hashi/normalizer.h"
#include "match/gram_tokens.h"
#include "match/posting_chunk.h"
#include "store/lookup_memory.h"
#include "store/second_reader.h"

namespace hashi::store {
namespace {

// Once a query has verified this many units of one chunk, or is about to (a bucket holds that
// many), the chunk's keys are read at once: about 1,000 units touch 40 % of its 2,048 key
// blocks, where one range scan costs less than a B-tree descent per block. Below that, blocks
// are read one by one: a one-off lookup that verifies a few hundred units per chunk read a
// whole 1M TM's keys (150 MB) with the threshold at 128, and took 0.24 s instead of 0.09 s.
constexpr int kBulkLoadUnits = 1024;
// The probe counts up to this many of the rarest tokens, as long as their lists hold at most
// kProbePostings postings in all, and verifies the kProbeUnits units holding most of them.
constexpr int kProbeTokens = 24;
constexpr int64_t kProbePostings = 300000;
constexpr size_t kProbeUnits = 64;
constexpr int kProbeSlack = 2;
// Candidates are taken out of the counters in rounds of this many score points, best first.
constexpr int kRoundWidth = 10;
// What the two ways of learning a token's share cost, roughly (ms): counting its lists into
// every chunk's counter (a posting of a sparse list, or a bitmap list of one chunk), or
// looking a candidate up in its list (see Refine). Tokens are counted kCountBatch at a time,
// rarest first, while counting the next batch costs less than looking up every candidate left.
constexpr double kPostingCost = 3e-6;
constexpr double kBitmapCost = 4e-3;
constexpr double kLookupCost = 4e-6;
constexpr int kCountBatch = 8;

Status Damaged(int64_t token) {
  return Status::InvalidInput("the TM's match index is damaged (postings of token " +
                              std::to_string(token) + ")");
}

// The bound of the count filter for a unit with a key of n code points sharing `shared`
// tokens with the query's key of m. ScoreFromDistance's formula in 32 bits and inline: the
// extraction computes it for a good part of the TM on a hard query, and the call (a 64-bit
// division, in another file) took a quarter of the extraction's time.
inline int UpperBound(int m, int n, int shared) {
  const int longest = std::max(m, n);
  if (longest == 0) return 100;
  const int tokens = longest + 1;
  const int distance = std::max((tokens - std::min(shared, tokens) + 1) / 2, std::abs(m - n));
  return 100 * std::max(0, longest - distance) / longest;
}

}  // namespace

// The fewest shared tokens any key length allowed at `threshold` needs.
int IndexedSearch::MinimumCount(int threshold) const {
  return RoundFor(threshold, 101).minimum_count;
}

// What units with a bound in [low, high) must have: a key length in [shortest, longest] and
// at least minimum_count shared tokens.
IndexedSearch::Round IndexedSearch::RoundFor(int low, int high) const {
  const int m = static_cast<int>(query_->key.size());
  const int longest_n = low == 0 ? kMaxStoredLength : std::min(kMaxStoredLength, 100 * m / low + 1);
  Round round{low, high, m + 1, kMaxStoredLength, -1};
  for (int n = 0; n <= longest_n; ++n) {
    const int longest = std::max(m, n);
    const int k = MaxDistance(longest, low);
    if (std::abs(m - n) > k) continue;
    round.minimum_count = std::min(round.minimum_count, longest + 1 - 2 * k);
    round.shortest = std::min(round.shortest, n);
    round.longest = n;
  }
  return round;
}

// The estimated cost (ms) of counting token `i` into every chunk.
double IndexedSearch::CountCost(int i) const {
  return std::min(static_cast<double>(tokens_[i].units) * kPostingCost,
                  static_cast<double>(chunks_.size()) * kBitmapCost);
}

// The units whose bound, with the first `counted` tokens counted and the others taken as
// shared, reaches `low`.
int64_t IndexedSearch::CandidateCount(int counted, int low) {
  const int bonus = static_cast<int>(tokens_.size()) - counted + overflow_;
  const int needed = MinimumCount(low) - bonus;
  int64_t candidates = 0;
  for (match::SlicedCounter& counter : counters_) {
    counter.AtLeast(needed, mask_);
    candidates += match::CountSlots(mask_);
  }
  return candidates;
}

// Counts the rarest tokens for a round of units bound at `low` or more: at least the prefix
// every such unit must hold one of (a unit holding none of the first P shares at most G - P of
// the query's G tokens), and more, a batch at a time, while that is cheaper than looking each
// remaining candidate up in the lists of the tokens left (Refine). Returns how many are
// counted (at least `counted`, the tokens counted before).
Result<int> IndexedSearch::CountTokens(int counted, int low) {
  const int total = static_cast<int>(tokens_.size());
  const int prefix = std::clamp(total + overflow_ - MinimumCount(low) + 1, 0, total);
  if (prefix > counted) {
    if (Status s = Count(counted, prefix); !s.ok()) return s;
    counted = prefix;
  }
  while (counted < total) {
    const int next = std::min(total, counted + kCountBatch);
    double counting = 0;
    for (int i = counted; i < next; ++i) counting += CountCost(i);
    const double lookups =
        static_cast<double>(CandidateCount(counted, low)) * (total - counted) * kLookupCost;
    if (lookups <= counting) break;
    if (Status s = Count(counted, next); !s.ok()) return s;
    counted = next;
  }
  return counted;
}

// Adds the lists of tokens [from, to) of chunk `index` into its counter.
Status IndexedSearch::CountChunk(size_t index, int from, int to) {
  match::SlicedCounter& counter = counters_[index];
  for (int i = from; i < to; ++i) {
    Result<std::string_view> blob =
        reader_.Postings(query_->lang, chunks_[index], tokens_[i].number);
    if (!blob.ok()) return blob.status();
    if (!blob->empty() && !counter.Add(*blob)) return Damaged(tokens_[i].number);
  }
  return Status::Ok();
}

// Counting this much (ms, by CountCost) or more is shared with a second thread where the query
// may use one: a query with no close match counts most of its tokens into every chunk. (A
// thread costs some 30 microseconds to start and join.)
constexpr double kSplitCountCost = 0.1;

Status IndexedSearch::Count(int from, int to) {
  double cost = 0;
  for (int i = from; i < to; ++i) cost += CountCost(i);
  if (query_->threads > 1 && chunks_.size() >= 2 && cost >= kSplitCountCost) {
    return CountSplit(from, to, chunks_.size() / 2);
  }
  for (size_t i = 0; i < chunks_.size(); ++i) {
    if (Status s = CountChunk(i, from, to); !s.ok()) return s;
  }
  return Status::Ok();
}

// The reader is not thread-safe: this thread fetches the second thread's lists first (copying
// those the reader does not keep), then counts its own chunks while that one adds them.
Status IndexedSearch::CountSplit(int from, int to, size_t from_chunk) {
  second_lists_.clear();
  second_copies_.clear();
  for (size_t i = from_chunk; i < chunks_.size(); ++i) {
    for (int t = from; t < to; ++t) {
      Result<std::string_view> blob = reader_.Postings(query_->lang, chunks_[i], tokens_[t].number);
      if (!blob.ok()) return blob.status();
      second_lists_.push_back(
          reader_.Kept(*blob) ? *blob : std::string_view(second_copies_.emplace_back(*blob)));
    }
  }
  int64_t damaged = -1;  // a token whose list the second thread found malformed
  std::thread second([this, from, to, from_chunk, &damaged] {
    const size_t per_chunk = static_cast<size_t>(to - from);
    for (size_t i = from_chunk; i < chunks_.size(); ++i) {
      for (size_t t = 0; t < per_chunk; ++t) {
        const std::string_view blob = second_lists_[(i - from_chunk) * per_chunk + t];
        if (!blob.empty() && !counters_[i].Add(blob) && damaged < 0) {
          damaged = tokens_[static_cast<size_t>(from) + t].number;
        }
      }
    }
  });
  Status status;
  for (size_t i = 0; i < from_chunk && status.ok(); ++i) status = CountChunk(i, from, to);
  second.join();
  if (!status.ok()) return status;
  return damaged >= 0 ? Damaged(damaged) : Status::Ok();
}

// Puts in buckets_ the units of chunk `index` whose bound is in [low, high). A unit's bound
// from the counters takes the tokens not counted as shared; a unit it lets through gets its
// exact share (Refine) before it is bucketed, so leaving tokens uncounted never adds work
// for the verification.
// Only the main thread refines (Refine reads the reader, which is not thread-safe), so a
// second thread extracts only when every token is counted. A chunk's length classes are made
// (by the reader, on the main thread) the first time its mask lets more than kDenseMask units
// through: building them costs more than passing over a few thousand units one by one, which
// a one-off lookup mostly does.
constexpr int64_t kDenseMask = 4096;

Status IndexedSearch::Extract(size_t index, int counted, const Round& round, Extraction& out) {
  const int64_t chunk = chunks_[index];
  const std::vector<uint16_t>& lengths = *lengths_[index];
  const int total = static_cast<int>(tokens_.size());
  const int bonus = total - counted + overflow_;
  match::SlicedCounter& counter = counters_[index];
  match::ChunkBits& mask = out.mask;
  mask.resize(match::kChunkWords);
  counter.AtLeast(round.minimum_count - bonus, mask);
  if (classes_[index] == nullptr && out.may_read && match::CountSlots(mask) > kDenseMask) {
    Result<const LengthClasses*> classes = reader_.Classes(query_->lang, chunk);
    if (!classes.ok()) return classes.status();
    classes_[index] = *classes;
  }
  if (classes_[index] != nullptr) classes_[index]->KeepWindow(round.shortest, round.longest, mask);
  const int m = static_cast<int>(query_->key.size());
  std::vector<std::vector<int64_t>>& buckets = *out.buckets;
  std::vector<uint16_t>& refine = refine_slots_;
  if (counted < total) refine.clear();
  for (int w = 0; w < match::kChunkWords; ++w) {
    for (uint64_t bits = mask[w]; bits != 0; bits &= bits - 1) {
      const int slot = w * 64 + std::countr_zero(bits);
      const uint16_t value = lengths[slot];
      if (value == kNoEntry) continue;
      // A unit with several variants (or a giant key) has no bound of its own: it is verified
      // in the first round whose mask lets it through (Verify skips it after that).
      if (value == kSeveral) {
        buckets[round.high - 1].push_back((chunk << match::kChunkBits) | slot);
        ++out.candidates;
        continue;
      }
      const int n = value - 1;
      if (n < round.shortest || n > round.longest) continue;  // cheap: before the count
      const int bound = UpperBound(m, n, counter.Count(slot) + bonus);
      if (bound < round.low) continue;
      if (counted == total) {
        if (bound >= round.high) continue;
        buckets[bound].push_back((chunk << match::kChunkBits) | slot);
        ++out.candidates;
      } else {
        refine.push_back(static_cast<uint16_t>(slot));
      }
    }
  }
  if (counted == total || refine.empty()) return Status::Ok();
  if (Status s = Refine(index, counted, refine); !s.ok()) return s;
  const std::vector<int32_t>& exact = exact_[index];
  for (uint16_t slot : refine) {
    const int bound = UpperBound(m, lengths[slot] - 1, exact[slot] + overflow_);
    if (bound < round.low || bound >= round.high) continue;
    buckets[bound].push_back((chunk << match::kChunkBits) | slot);
    ++out.candidates;
  }
  return Status::Ok();
}

// A round's extraction over every chunk. On a query with no close match most of the TM can
// pass the count filter and be bucketed here; so with a second thread at hand, every token
// counted (nothing left to refine) and the first chunk yielding more than kSplitCandidates,
// that thread takes half of the other chunks. (Starting a thread costs more than a round that
// yields little.)
constexpr int64_t kSplitCandidates = 2000;

Status IndexedSearch::ExtractRound(int counted, const Round& round) {
  main_extraction_.candidates = 0;
  if (chunks_.empty()) return Status::Ok();
  if (Status s = Extract(0, counted, round, main_extraction_); !s.ok()) return s;
  size_t own = chunks_.size();
  std::thread second;
  if (query_->threads > 1 && counted == static_cast<int>(tokens_.size()) && own > 2 &&
      main_extraction_.candidates > kSplitCandidates) {
    own = 1 + (own - 1) / 2;
    for (size_t i = own; i < chunks_.size(); ++i) {  // the second thread cannot make them
      if (classes_[i] != nullptr) continue;
      Result<const LengthClasses*> classes = reader_.Classes(query_->lang, chunks_[i]);
      if (!classes.ok()) return classes.status();
      classes_[i] = *classes;
    }
    second_buckets_.resize(buckets_.size());
    for (std::vector<int64_t>& bucket : second_buckets_) bucket.clear();
    second_extraction_.candidates = 0;
    second = std::thread([this, own, counted, &round] {
      for (size_t i = own; i < chunks_.size(); ++i) {
        (void)Extract(i, counted, round, second_extraction_);  // cannot fail: nothing to refine
      }
    });
  }
  Status status;
  for (size_t i = 1; i < own && status.ok(); ++i) {
    status = Extract(i, counted, round, main_extraction_);
  }
  stats_.candidates += main_extraction_.candidates;
  if (!second.joinable()) return status;
  second.join();
  for (size_t b = 0; b < second_buckets_.size(); ++b) {
    buckets_[b].insert(buckets_[b].end(), second_buckets_[b].begin(), second_buckets_[b].end());
  }
  stats_.candidates += second_extraction_.candidates;
  return status;
}

// Makes exact_[index][slot] the number of the query's tokens (known to the index) that unit
// `slot` of chunk `index` holds, for each of `slots` (ascending): the count of the first
// `counted` from the counter, plus a look-up in the lists of the others. Each list is read
// once for all of them: a bitmap is tested at each slot, a sparse list merged with them.
Status IndexedSearch::Refine(size_t index, int counted, const std::vector<uint16_t>& slots) {
  std::vector<int32_t>& exact = exact_[index];
  if (exact.empty()) exact.assign(match::kChunkSlots, -1);
  std::vector<uint16_t>& fresh = fresh_slots_;  // those not refined in an earlier round
  fresh.clear();
  for (uint16_t slot : slots) {
    if (exact[slot] < 0) fresh.push_back(slot);
  }
  refined_[index].insert(refined_[index].end(), fresh.begin(), fresh.end());
  if (fresh.empty()) return Status::Ok();
  std::vector<int>& shared = refine_counts_;
  shared.assign(fresh.size(), 0);
  match::SlicedCounter& counter = counters_[index];
  for (size_t i = 0; i < fresh.size(); ++i) shared[i] = counter.Count(fresh[i]);
  for (int t = counted; t < static_cast<int>(tokens_.size()); ++t) {
    Result<std::string_view> blob =
        reader_.Postings(query_->lang, chunks_[index], tokens_[t].number);
    if (!blob.ok()) return blob.status();
    if (blob->empty()) continue;
    if (!match::TestPostings(*blob, fresh, shared)) return Damaged(tokens_[t].number);
  }
  for (size_t i = 0; i < fresh.size(); ++i) exact[fresh[i]] = shared[i];
  return Status::Ok();
}

Status IndexedSearch::Run(const SearchQuery& query, VariantScorer& scorer, match::TopUnits& top) {
  query_ = &query;
  scorer_ = &scorer;
  top_ = &top;
  Status status = Prepare();
  const bool pivots = status.ok() && MayUsePivots();
  bool answered = false;
  if (pivots) {
    Result<bool> from_pivot = AnswerFromPivot();
    status = from_pivot.status();
    answered = from_pivot.ok() && *from_pivot;
  }
  if (status.ok() && !answered) status = Search();
  // A query that found nothing after comparing itself with much of the TM is the kind a pivot
  // saves: the queries like it find nothing either, and would compare as much.
  if (status.ok() && pivots && !answered &&
      stats_.verified >= query.memory->options().pivot_after && top.Contenders().empty() &&
      query.memory->MayAdd()) {
    status = MakePivot();
  }
  ClearExact();
  if (second_tried_ && second_reader_ != nullptr) second_reader_->End();
  second_tried_ = false;
  second_ = nullptr;
  return status;
}

// Resets the slots Refine filled, leaving exact_ all -1 for the next query.
void IndexedSearch::ClearExact() {
  for (size_t i = 0; i < refined_.size(); ++i) {
    for (uint16_t slot : refined_[i]) exact_[i][slot] = -1;
    refined_[i].clear();
  }
}

Status IndexedSearch::Prepare() {
  stats_ = {};
  Result<std::vector<int64_t>> chunks = reader_.Chunks(query_->lang);
  if (!chunks.ok()) return chunks.status();
  chunks_ = std::move(*chunks);
  const int64_t first_chunk = match::ChunkOf(query_->after_unit);
  if (query_->after_unit > 0) std::erase_if(chunks_, [&](int64_t c) { return c < first_chunk; });
  positions_.assign(chunks_.empty() ? 0 : static_cast<size_t>(chunks_.back()) + 1, -1);
  seen_.resize(chunks_.size());
  for (match::ChunkBits& seen : seen_) seen.assign(match::kChunkWords, 0);
  verified_in_.assign(chunks_.size(), 0);
  lengths_.clear();
  for (size_t i = 0; i < chunks_.size(); ++i) {
    positions_[static_cast<size_t>(chunks_[i])] = static_cast<int>(i);
    Result<const std::vector<uint16_t>*> lengths = reader_.Lengths(query_->lang, chunks_[i]);
    if (!lengths.ok()) return lengths.status();
    lengths_.push_back(*lengths);
    if (query_->after_unit > 0 && chunks_[i] == first_chunk) {
      // No entry, for this search, in the slots of the units up to after_unit.
      masked_lengths_ = **lengths;
      std::fill_n(masked_lengths_.begin(), match::SlotOf(query_->after_unit) + 1, kNoEntry);
      lengths_.back() = &masked_lengths_;
    }
  }
  classes_.assign(chunks_.size(), nullptr);  // made as Extract needs them
  return Status::Ok();
}

Status IndexedSearch::Search() {
  if (Status s = ResolveTokens(); !s.ok()) return s;
  if (counters_.size() < chunks_.size()) counters_.resize(chunks_.size());
  for (match::SlicedCounter& c : counters_) c.Reset(std::bit_width(tokens_.size() + 1));
  if (exact_.size() < chunks_.size()) exact_.resize(chunks_.size());
  if (refined_.size() < chunks_.size()) refined_.resize(chunks_.size());
  const int probe = ProbeTokens();
  if (Status s = Count(0, probe); !s.ok()) return s;
  if (Status s = Probe(probe); !s.ok()) return s;
  // Rounds of falling floors: units bound at 91 or more first, and so on. A round whose floor
  // the threshold has reached is the last: every unit not yet taken is bound below it. A round
  // counts only what its floor needs: a query whose best matches lift the threshold in the
  // first rounds never counts the common tokens a low floor would need.
  buckets_.resize(101);
  for (std::vector<int64_t>& bucket : buckets_) bucket.clear();
  int counted = probe;
  int high = 101;
  while (high > top_->threshold()) {
    int low = std::max(top_->threshold(), high - kRoundWidth);
    // A sliver left below the round (at --min 70: [70, 71) below [71, 81)) is taken with it: a
    // round of its own would extract from every chunk and read the same key blocks again for
    // the few bound values it adds.
    if (low - top_->threshold() < kRoundWidth / 2) low = top_->threshold();
    Result<int> more = CountTokens(counted, low);
    if (!more.ok()) return more.status();
    counted = *more;
    stats_.counted_tokens = counted;
    const Round round = RoundFor(low, high);
    if (Status s = ExtractRound(counted, round); !s.ok()) return s;
    if (!query_->keep_keys) {
      if (Status s = VerifyRoundInPlace(low, high); !s.ok()) return s;
    } else {
      for (int bound = high - 1; bound >= low && bound >= top_->threshold(); --bound) {
        if (Status s = VerifyBucket(bound, buckets_[bound]); !s.ok()) return s;
      }
    }
    high = low;
  }
  return Status::Ok();
}

Status IndexedSearch::ResolveTokens() {
  match::GramTokenizer tokenizer;
  std::vector<match::TokenId> tokens;
  tokenizer.PaddedTokens(query_->key, tokens, &overflow_);
  tokens_.clear();
  for (match::TokenId t : tokens) {
    const std::string gram = match::GramText(match::TokenFirst(t), match::TokenSecond(t));
    Result<MatchIndexReader::TokenInfo> info =
        reader_.Token(query_->lang, gram, match::TokenOccurrence(t));
    if (!info.ok()) return info.status();
    // A token no key holds is shared with no unit: it counts for none.
    if (info->number >= 0) tokens_.push_back({info->number, info->units});
  }
  std::sort(tokens_.begin(), tokens_.end(), [](const QueryToken& a, const QueryToken& b) {
    return a.units != b.units ? a.units < b.units : a.number < b.number;
  });
  return Status::Ok();
}
// The first tokens to count, the rarest: as many as kProbeTokens whose lists hold at most
// kProbePostings postings in all.
int IndexedSearch::ProbeTokens() const {
  int probe = 0;
  int64_t postings = 0;
  while (probe < std::min<int>(kProbeTokens, static_cast<int>(tokens_.size())) &&
         postings + tokens_[probe].units <= kProbePostings) {
    postings += tokens_[probe++].units;
  }
  return probe;
}

// Verifies the units that hold the most of the `probe` tokens counted so far (the rarest):
// cheap, and it usually finds the best matches, which raises the threshold before the
// filters below run.
Status IndexedSearch::Probe(int probe) {
  if (probe == 0) return Status::Ok();
  // The most any unit holds, by bisection: each test reads every chunk's counter.
  int best = 0;
  for (int low = 1, high = probe; low <= high;) {
    const int mid = (low + high) / 2;
    bool any = false;
    for (size_t i = 0; i < chunks_.size() && !any; ++i) {
      counters_[i].AtLeast(mid, mask_);
      for (uint64_t w : mask_) any |= w != 0;
    }
    if (any) {
      best = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  // Ranked by the bound they would have if they held every token not probed: among units
  // holding equally many, those whose length is nearest the query's come first.
  const int m = static_cast<int>(query_->key.size());
  const int rest = static_cast<int>(tokens_.size()) - probe + overflow_;
  std::vector<std::pair<int, int64_t>> ranked;  // (-bound * 256 - held, unit)
  for (size_t i = 0; i < chunks_.size() && best > 0; ++i) {
    counters_[i].AtLeast(std::max(1, best - kProbeSlack), mask_);
    for (int w = 0; w < match::kChunkWords; ++w) {
      for (uint64_t bits = mask_[w]; bits != 0; bits &= bits - 1) {
        const int slot = w * 64 + std::countr_zero(bits);
        const uint16_t value = (*lengths_[i])[slot];
        if (value == kNoEntry) continue;
        const int held = counters_[i].Count(slot);
        const int bound = value == kSeveral ? 100 : UpperBound(m, value - 1, held + rest);
        ranked.emplace_back(-bound * 256 - held, (chunks_[i] << match::kChunkBits) | slot);
      }
    }
  }
  const size_t take = std::min(kProbeUnits, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + take, ranked.end());
  if (!query_->keep_keys) {  // in the order of their blocks, to read each once
    std::vector<std::pair<int64_t, int>> units;
    for (size_t i = 0; i < take; ++i) units.emplace_back(ranked[i].second, 101);  // all of them
    std::sort(units.begin(), units.end());
    return VerifyInPlace(units);
  }
  for (size_t i = 0; i < take; ++i) {
    if (Status s = Verify(ranked[i].second); !s.ok()) return s;
  }
  return Status::Ok();
}
// Marks `unit` as verified and returns its slot value, kNoEntry when there is nothing to
// verify (verified before, deleted, or outside the language's chunks).
uint16_t IndexedSearch::Claim(int64_t unit) {
  const int64_t chunk = match::ChunkOf(unit);
  if (chunk >= static_cast<int64_t>(positions_.size()) || positions_[chunk] < 0) {
    return kNoEntry;  // no such chunk: a stale posting can name no unit outside them
  }
  const size_t position = static_cast<size_t>(positions_[chunk]);
  match::ChunkBits& seen = seen_[position];
  const uint16_t slot = match::SlotOf(unit);
  const uint64_t bit = uint64_t{1} << (slot & 63);
  if (seen[slot >> 6] & bit) return kNoEntry;
  seen[slot >> 6] |= bit;
  // Deleted units keep their postings and keys (the probe may meet them): skip them.
  const uint16_t length = (*lengths_[position])[slot];
  if (length != kNoEntry) {
    ++verified_in_[position];
    ++stats_.verified;
  }
  return length;
}

// Scores the entries of `unit` (slot value `length`) in `block`.
Status IndexedSearch::Score(int64_t unit, uint16_t length, const KeyBlockView& block) {
  const int known_length = length == kSeveral ? -1 : length - 1;  // of its only entry
  Status status;
  block.ForEachEntry(static_cast<int>(unit % kBlockSlots),
                     [&](int ord, std::string_view tag, std::string_view key) {
                       status = scorer_->Score(unit, ord, tag, key, known_length);
                       return status.ok();
                     });
  return status;
}

Status IndexedSearch::Verify(int64_t unit) {
  const uint16_t length = Claim(unit);
  if (length == kNoEntry) return Status::Ok();
  // A chunk many of whose units get verified has all its keys read at once, which is cheaper
  // than block by block, and kept for the queries that follow.
  const int64_t chunk = match::ChunkOf(unit);
  if (verified_in_[static_cast<size_t>(positions_[chunk])] == kBulkLoadUnits) {
    if (Status s = reader_.LoadChunkKeys(query_->lang, chunk); !s.ok()) return s;
  }
  Result<const KeyBlockView*> block = reader_.UnitBlock(query_->lang, unit);
  if (!block.ok()) return block.status();
  return Score(unit, length, **block);
}

// Blocks of keys this close (in block numbers) are read in one range scan rather than a
// look-up each: stepping over a few unneeded blocks costs less than descending the B-tree.
constexpr int64_t kBlockGap = 8;

namespace {

// Calls visit(i, view) for each of units[from, to) (sorted by unit_of(units[i])) whose key
// block is stored, with the block as `reader` reads it (MatchIndexReader::VisitBlocks), reading
// the blocks of units close together in one range scan. Stops when visit returns false.
template <typename Unit, typename UnitOf, typename Visit>
Status VisitUnitBlocks(MatchIndexReader& reader, const std::string& lang,
                       const std::vector<Unit>& units, size_t from, size_t to, UnitOf unit_of,
                       Visit visit) {
  auto block_of = [&](size_t i) { return BlockOf(unit_of(units[i])); };
  bool go_on = true;
  for (size_t i = from, end = from; i < to && go_on; i = end) {
    end = i + 1;
    while (end < to && block_of(end) - block_of(end - 1) <= kBlockGap) ++end;
    size_t next = i;
    auto in_block = [&](int64_t block, const KeyBlockView& view) {
      while (next < end && block_of(next) < block) ++next;  // no keys stored
      for (; next < end && block_of(next) == block && go_on; ++next) go_on = visit(next, view);
      return next < end && go_on;
    };
    if (Status s = reader.VisitBlocks(lang, block_of(i), block_of(end - 1), in_block); !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

}  // namespace

// Verifies `units` ((unit, bound) sorted by unit) where SQLite reads their keys, each while its
// bound can still enter the answer. Keys are not kept, so a search that keeps none verifies
// each round's candidates in one pass in the order of their blocks, rather than each bound's
// in a pass of its own (which read the same blocks again and again); the threshold a unit's
// bound is checked against is that of its turn. With a second thread and a second connection
// (SecondReader), that thread reads and prefilters the upper half of a large round.
Status IndexedSearch::VerifyInPlace(const std::vector<std::pair<int64_t, int>>& units) {
  size_t own = units.size();
  std::vector<Claimed> theirs;
  std::vector<Survivor> survivors;
  Status second_status;
  std::thread second;
  if (MatchIndexReader* other = SecondConnection(units.size()); other != nullptr) {
    own = units.size() / 2;
    theirs.reserve(units.size() - own);
    const int threshold = top_->threshold();
    threshold_now_.store(threshold);
    for (size_t i = own; i < units.size(); ++i) {  // Claim is for this thread only
      if (units[i].second < threshold) continue;
      const uint16_t length = Claim(units[i].first);
      if (length != kNoEntry) theirs.push_back({units[i].first, units[i].second, length});
    }
    second = std::thread([this, other, threshold, &theirs, &survivors, &second_status] {
      second_status = PrefilterInPlace(*other, theirs, threshold, survivors);
    });
  }
  int highest = -1;
  for (size_t i = 0; i < own; ++i) highest = std::max(highest, units[i].second);
  Status status;
  auto verify = [&](size_t i, const KeyBlockView& view) {
    if (highest < top_->threshold()) return false;
    const auto [unit, bound] = units[i];
    if (bound < top_->threshold()) return true;  // better matches turned up meanwhile
    const uint16_t length = Claim(unit);
    if (length != kNoEntry) status = Score(unit, length, view);
    threshold_now_.store(top_->threshold(), std::memory_order_relaxed);
    return status.ok();
  };
  auto unit_of = [](const std::pair<int64_t, int>& unit) { return unit.first; };
  Status read = VisitUnitBlocks(reader_, query_->lang, units, 0, own, unit_of, verify);
  if (second.joinable()) second.join();
  for (const Status* s : {&read, &status, &second_status}) {
    if (!s->ok()) return *s;
  }
  for (const Survivor& survivor : survivors) {
    if (survivor.bound < top_->threshold()) continue;
    status = scorer_->Score(survivor.unit, survivor.ord, survivor.tag, survivor.key,
                            survivor.known_length);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// Runs on the second thread, with the second connection's reader: of `units` (claimed by the
// first), keeps those with a key within the cut-off of `threshold` (a copy of it: the block
// is gone after the visit), for the first thread to score.
Status IndexedSearch::PrefilterInPlace(MatchIndexReader& reader, const std::vector<Claimed>& units,
                                       int threshold, std::vector<Survivor>& survivors) {
  match::Levenshtein& levenshtein = second_levenshtein_;
  levenshtein.SetPattern(query_->key);
  SourceTagCheck is_source(query_->from);
  auto visit = [&](size_t i, const KeyBlockView& view) {
    const Claimed& unit = units[i];
    // Matches the first thread found since may rule it out.
    if (unit.bound < threshold_now_.load(std::memory_order_relaxed)) return true;
    const int known = unit.length == kSeveral ? -1 : unit.length - 1;
    auto keep_if_near = [&](int ord, std::string_view tag, std::string_view key) {
      int n = 0;
      if (is_source(tag) && DistanceWithinCutoff(levenshtein, key, threshold, n, known) >= 0) {
        survivors.push_back(
            {unit.unit, unit.bound, ord, std::string(tag), std::string(key), known});
      }
      return true;
    };
    view.ForEachEntry(static_cast<int>(unit.unit % kBlockSlots), keep_if_near);
    return true;
  };
  auto unit_of = [](const Claimed& unit) { return unit.unit; };
  return VisitUnitBlocks(reader, query_->lang, units, 0, units.size(), unit_of, visit);
}

// A round this big is shared with a second connection's thread, when the query may use one.
constexpr size_t kSplitInPlace = 2048;

MatchIndexReader* IndexedSearch::SecondConnection(size_t units) {
  if (query_->threads < 2 || second_reader_ == nullptr || units < kSplitInPlace) return nullptr;
  if (!second_tried_) {
    second_tried_ = true;
    second_ = second_reader_->Begin(reader_.stamps());
  }
  return second_;
}

// The candidates of the round [low, high), taken out of their buckets, verified in place.
Status IndexedSearch::VerifyRoundInPlace(int low, int high) {
  // Sized at once: a hard query's round holds hundreds of thousands of units, and growing the
  // vector by doubling had a one-off lookup spend 6 % of its CPU zeroing fresh pages.
  size_t count = 0;
  for (int bound = low; bound < high; ++bound) count += buckets_[bound].size();
  std::vector<std::pair<int64_t, int>> units;
  units.reserve(count);
  for (int bound = low; bound < high; ++bound) {
    for (int64_t unit : buckets_[bound]) units.emplace_back(unit, bound);
    buckets_[bound].clear();
  }
  std::sort(units.begin(), units.end());
  return VerifyInPlace(units);
}

// Verification of a large bucket waits on memory more than it computes: the units' slot
// lengths, key-block views and keys lie scattered over hundreds of MB. So where the key of
// the unit kFarAhead places on starts is prefetched, and the key and slot length of the unit
// kNearAhead on (its start is in cache by then).
constexpr size_t kFarAhead = 16;
constexpr size_t kNearAhead = 8;

void IndexedSearch::Prefetch(int64_t unit, bool near) {
  const int64_t chunk = match::ChunkOf(unit);
  if (chunk >= static_cast<int64_t>(positions_.size()) || positions_[chunk] < 0) return;
  const KeyBlockView* block = reader_.CachedUnitBlock(query_->lang, unit);
  if (block == nullptr) return;
  if (!near) {
    block->PrefetchStart(static_cast<int>(unit % kBlockSlots));
    return;
  }
  block->Prefetch(static_cast<int>(unit % kBlockSlots));
  __builtin_prefetch(&(*lengths_[static_cast<size_t>(positions_[chunk])])[match::SlotOf(unit)]);
}

// A bucket this big is shared with a second thread, when the query may use one: both take
// batches of kShareBatch units in turn as they finish one, this thread verifying its own and
// the second prefiltering its (distances within the cut-off of the threshold when the bucket
// started); the survivors are then verified here. Thresholds only rise, so a unit the
// prefilter drops could not have entered the answer; taking batches as they go, neither
// thread waits long for the other at the end.
constexpr size_t kSplitUnits = 1024;
constexpr size_t kShareBatch = 256;

Status IndexedSearch::VerifyBucket(int bound, std::vector<int64_t>& units) {
  std::sort(units.begin(), units.end());  // neighbours share key blocks
  if (Status s = LoadBusyChunks(units); !s.ok()) return s;
  if (query_->threads > 1 && units.size() >= kSplitUnits && bound >= top_->threshold()) {
    return VerifyShared(bound, units);
  }
  return VerifyRange(bound, units, 0, units.size());
}

// Verifies units[from, to) while their bound can still enter the answer.
Status IndexedSearch::VerifyRange(int bound, const std::vector<int64_t>& units, size_t from,
                                  size_t to) {
  Status status;
  for (size_t i = from; i < to && status.ok(); ++i) {
    if (bound < top_->threshold()) break;  // better matches turned up meanwhile
    if (i + kFarAhead < to) Prefetch(units[i + kFarAhead], false);
    if (i + kNearAhead < to) Prefetch(units[i + kNearAhead], true);
    status = Verify(units[i]);
  }
  return status;
}

Status IndexedSearch::VerifyShared(int bound, const std::vector<int64_t>& units) {
  // The second thread reads only key blocks loaded here first (the reader is not thread-safe).
  Result<std::vector<const KeyBlockView*>> blocks = LoadBlocks(units);
  if (!blocks.ok()) return blocks.status();
  std::atomic<size_t> next{0};
  std::atomic<bool> done{false};
  std::vector<int64_t> survivors;
  std::thread second(
      [this, &units, &blocks, &next, &done, &survivors, threshold = top_->threshold()] {
        while (!done.load(std::memory_order_relaxed)) {
          const size_t from = next.fetch_add(kShareBatch);
          if (from >= units.size()) break;
          const size_t count = std::min(kShareBatch, units.size() - from);
          Prefilter(units.data() + from, blocks->data() + from, count, threshold, survivors);
        }
      });
  Status status;
  while (status.ok() && bound >= top_->threshold()) {
    const size_t from = next.fetch_add(kShareBatch);
    if (from >= units.size()) break;
    status = VerifyRange(bound, units, from, std::min(units.size(), from + kShareBatch));
  }
  done = true;  // the threshold passed the bound, or an error: the rest cannot matter
  second.join();
  for (size_t i = 0; i < survivors.size() && status.ok(); ++i) {
    if (bound < top_->threshold()) break;
    status = Verify(survivors[i]);
  }
  return status;
}

// `units` are sorted: the units of a chunk, and of a block, follow one another.
Status IndexedSearch::LoadBusyChunks(const std::vector<int64_t>& units) {
  for (size_t i = 0, end = 0; i < units.size(); i = end) {
    const int64_t chunk = match::ChunkOf(units[i]);
    while (end < units.size() && match::ChunkOf(units[end]) == chunk) ++end;
    // Stale postings may name a chunk the language no longer has: Verify passes such units.
    if (chunk >= static_cast<int64_t>(positions_.size()) || positions_[chunk] < 0) continue;
    const auto before = static_cast<size_t>(verified_in_[positions_[chunk]]);
    if (end - i + before < static_cast<size_t>(kBulkLoadUnits)) continue;
    if (Status s = reader_.LoadChunkKeys(query_->lang, chunk); !s.ok()) return s;
  }
  return Status::Ok();
}

// `units` are sorted (VerifyBucket loaded the busy chunks' keys): the units of a chunk, and of a
// block, follow one another.
Result<std::vector<const KeyBlockView*>> IndexedSearch::LoadBlocks(
    const std::vector<int64_t>& units) {
  std::vector<const KeyBlockView*> blocks;
  blocks.reserve(units.size());
  const KeyBlockView* block = nullptr;
  for (size_t i = 0; i < units.size(); ++i) {
    if (i == 0 || BlockOf(units[i]) != BlockOf(units[i - 1])) {
      Result<const KeyBlockView*> found = reader_.UnitBlock(query_->lang, units[i]);
      if (!found.ok()) return found.status();
      block = *found;
    }
    blocks.push_back(block);
  }
  return blocks;
}

// The slot value of `unit` (kNoEntry outside the chunks of the query's language).
uint16_t IndexedSearch::SlotLength(int64_t unit) const {
  const int64_t chunk = match::ChunkOf(unit);
  if (chunk >= static_cast<int64_t>(positions_.size()) || positions_[chunk] < 0) return kNoEntry;
  return (*lengths_[static_cast<size_t>(positions_[chunk])])[match::SlotOf(unit)];
}

// Runs on the second thread: reads only the key blocks it is given, the slot lengths and the
// query, none of which change while it runs.
void IndexedSearch::Prefilter(const int64_t* units, const KeyBlockView* const* blocks, size_t count,
                              int threshold, std::vector<int64_t>& survivors) {
  match::Levenshtein& levenshtein = second_levenshtein_;
  levenshtein.SetPattern(query_->key);
  SourceTagCheck is_source(query_->from);
  for (size_t i = 0; i < count; ++i) {
    if (i + kNearAhead < count) {
      blocks[i + kNearAhead]->Prefetch(static_cast<int>(units[i + kNearAhead] % kBlockSlots));
    }
    bool survives = false;
    const uint16_t length = SlotLength(units[i]);
    const int known_length = length == kSeveral || length == kNoEntry ? -1 : length - 1;
    blocks[i]->ForEachEntry(static_cast<int>(units[i] % kBlockSlots), [&](int, std::string_view tag,
                                                                          std::string_view key) {
      int n = 0;
      survives =
          is_source(tag) && DistanceWithinCutoff(levenshtein, key, threshold, n, known_length) >= 0;
      return !survives;
    });
    if (survives) survivors.push_back(units[i]);
  }
}

}  // namespace hashi::store
