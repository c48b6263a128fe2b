// LookupMemory (hashi/matcher.h): what the lookups of one job learn from one another, by the
// triangle inequality of the Levenshtein distance. Private to hashi_core.
//
// At a low threshold (an analysis asks down to 50) the count filter of the indexed search
// excludes next to nothing: at a score of 50 two keys may share no bigram at all. So a query
// with no match compares itself with most of the TM, about a second at 1M units. Such a query
// leaves a pivot: its key P and every key e of the TM within its reach, a distance
// R(e) = MaxDistance(max(|P|, |e|), kPivotReach), with d(P, e). A later query S, at distance
// δ = d(S, P) and with the cut-off k(e) = MaxDistance(max(|S|, |e|), t) of its threshold t,
// then needs only some of those keys:
//   - a key e not near P has d(P, e) > R(e), so d(S, e) >= d(P, e) - δ > R(e) - δ >= k(e)
//     whenever δ <= R(e) - k(e): the pivot serves S if that holds for every key length that
//     S's threshold allows (IndexedSearch::PivotSlack);
//   - a near key with d(P, e) - δ > k(e) cannot reach t either.
// The pivot is valid while the TM is as it was when it was made (the index's chunk stamps).
// A job whose segments follow a few patterns (a series of releases, datelines, a generated
// test set) then pays for the first of each pattern only; a job without such pairs makes a
// few pivots nobody uses and stops making them.
#ifndef HASHI_CORE_STORE_LOOKUP_MEMORY_H_
#define HASHI_CORE_STORE_LOOKUP_MEMORY_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "hashi/matcher.h"

namespace hashi {

namespace store {
// The score a pivot's near keys reach: below every threshold it serves, so that the queries
// it serves may lie some distance from it (the slack R(e) - k(e) grows with the difference).
inline constexpr int kPivotReach = 30;
// Pivots are made by, and serve, queries whose threshold is at most this.
inline constexpr int kPivotMaxFloor = 60;
}  // namespace store

class LookupMemory {
 public:
  struct NearKey {
    int64_t unit;
    uint16_t length;    // of the key, in code points
    uint16_t distance;  // d(P, key)
  };
  struct Pivot {
    std::string from;                   // the tag (canonical) of the queries it serves
    std::u32string key;                 // P
    std::map<int64_t, int64_t> stamps;  // the TM's chunk stamps when it was made
    std::vector<NearKey> near;          // every key within reach, by unit
  };

  explicit LookupMemory(const LookupMemoryOptions& options) : options_(options) {}
  const LookupMemoryOptions& options() const { return options_; }

  std::vector<std::shared_ptr<const Pivot>> Pivots() const;
  // Whether another pivot is worth making: a few are free, more only as pivots get used.
  bool MayAdd() const;
  void Add(std::shared_ptr<const Pivot> pivot);
  // A query was answered from a pivot.
  void CountAnswer();
  LookupMemoryStats stats() const;

  // Pivots kept at most, and near keys a pivot may have (one with more serves little).
  static constexpr size_t kMaxPivots = 64;
  static constexpr size_t kMaxNearKeys = 100000;

 private:
  static constexpr size_t kFreePivots = 2;
  const LookupMemoryOptions options_;
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<const Pivot>> pivots_;
  int64_t answered_ = 0;
};

}  // namespace hashi

#endif  // HASHI_CORE_STORE_LOOKUP_MEMORY_H_
