// The pivots of IndexedSearch: answering a query from the keys near an earlier one, and
// leaving one. Why this misses nothing: store/lookup_memory.h.
#include <algorithm>
#include <cstdlib>

#include "match/posting_chunk.h"
#include "store/lookup_memory.h"
#include "store/match_search.h"

namespace hashi::store {
namespace {

// Longer queries neither make nor use pivots (their keys' lengths must fit NearKey's).
constexpr int kMaxPivotKey = 4096;

}  // namespace

bool IndexedSearch::MayUsePivots() const {
  const int floor = top_->threshold();
  const int m = static_cast<int>(query_->key.size());
  // A pivot stands for every unit: a search of those after some unit can neither use nor be one.
  return query_->memory != nullptr && query_->after_unit == 0 && reader_.stamps() != nullptr &&
         floor > kPivotReach && floor <= kPivotMaxFloor && m > 0 && m <= kMaxPivotKey;
}

// min over the key lengths n the threshold allows of R(n) - k(n) (store/lookup_memory.h).
int IndexedSearch::PivotSlack(int length) const {
  const int m = static_cast<int>(query_->key.size());
  const int threshold = top_->threshold();
  int slack = kMaxPivotKey;
  // Past m, n - m grows faster than k(n): the first n beyond the window ends it.
  for (int n = std::max(0, m - MaxDistance(m, threshold));; ++n) {
    const int k = MaxDistance(std::max(m, n), threshold);
    if (n > m && n - m > k) break;
    if (std::abs(m - n) > k) continue;
    slack = std::min(slack, MaxDistance(std::max(length, n), kPivotReach) - k);
  }
  return slack;
}

Result<bool> IndexedSearch::AnswerFromPivot() {
  const std::map<int64_t, int64_t>& stamps = *reader_.stamps();
  const std::string from = query_->from.str();
  std::shared_ptr<const LookupMemory::Pivot> nearest;
  int delta = 0;
  bool pattern_set = false;
  for (const std::shared_ptr<const LookupMemory::Pivot>& pivot : query_->memory->Pivots()) {
    if (pivot->from != from || pivot->stamps != stamps) continue;
    // Only a pivot nearer than the nearest so far is of interest.
    const int cutoff = std::min(PivotSlack(static_cast<int>(pivot->key.size())),
                                nearest ? delta - 1 : kMaxPivotKey);
    if (cutoff < 0) continue;
    if (!pattern_set) pivot_levenshtein_.SetPattern(query_->key);
    pattern_set = true;
    const int distance = pivot_levenshtein_.Distance(pivot->key, cutoff);
    if (distance > cutoff) continue;
    nearest = pivot;
    delta = distance;
  }
  if (!nearest) return false;
  // The near keys that may reach the threshold (`near` is by unit: a unit's keys follow one
  // another), verified as candidates are.
  const int m = static_cast<int>(query_->key.size());
  const int threshold = top_->threshold();
  pivot_units_.clear();
  for (const LookupMemory::NearKey& near : nearest->near) {
    const int n = near.length;
    const int k = MaxDistance(std::max(m, n), threshold);
    if (std::abs(m - n) > k || near.distance - delta > k) continue;
    if (pivot_units_.empty() || pivot_units_.back() != near.unit) pivot_units_.push_back(near.unit);
  }
  stats_.candidates = static_cast<int64_t>(pivot_units_.size());
  // Bound 100: every one is verified unless a unit scores 100 in band mode (threshold 101).
  if (Status s = VerifyRange(100, pivot_units_, 0, pivot_units_.size()); !s.ok()) return s;
  query_->memory->CountAnswer();
  return true;
}

Status IndexedSearch::MakePivot() {
  auto pivot = std::make_shared<LookupMemory::Pivot>();
  pivot->from = query_->from.str();
  pivot->key = query_->key;
  pivot->stamps = *reader_.stamps();
  pivot_levenshtein_.SetPattern(query_->key);
  const int m = static_cast<int>(query_->key.size());
  for (size_t i = 0; i < chunks_.size(); ++i) {
    const std::vector<uint16_t>& lengths = *lengths_[i];
    bool loaded = reader_.ChunkKeysLoaded(query_->lang, chunks_[i]);
    for (int slot = 0; slot < match::kChunkSlots; ++slot) {
      const uint16_t value = lengths[slot];
      if (value == kNoEntry) continue;
      const int known_length = value == kSeveral ? -1 : value - 1;
      // A key too long or too short to be within reach is not near: nothing to read.
      if (known_length >= 0 &&
          std::abs(m - known_length) > MaxDistance(std::max(m, known_length), kPivotReach)) {
        continue;
      }
      if (!loaded) {
        if (Status s = reader_.LoadChunkKeys(query_->lang, chunks_[i]); !s.ok()) return s;
        loaded = true;
      }
      const int64_t unit = (chunks_[i] << match::kChunkBits) | slot;
      Result<const KeyBlockView*> block = reader_.UnitBlock(query_->lang, unit);
      if (!block.ok()) return block.status();
      (*block)->ForEachEntry(static_cast<int>(unit % kBlockSlots), [&](int, std::string_view tag,
                                                                       std::string_view key) {
        if (!scorer_->TagMatches(tag)) return true;
        int n = 0;
        const int distance =
            DistanceWithinCutoff(pivot_levenshtein_, key, kPivotReach, n, known_length);
        if (distance >= 0) {
          pivot->near.push_back({unit, static_cast<uint16_t>(n), static_cast<uint16_t>(distance)});
        }
        return true;
      });
      // So many keys near it would serve a query little better than the index does.
      if (pivot->near.size() > LookupMemory::kMaxNearKeys) return Status::Ok();
    }
  }
  query_->memory->Add(std::move(pivot));
  return Status::Ok();
}

}  // namespace hashi::store
