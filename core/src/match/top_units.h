// TopUnits: collects scored units while a lookup runs and says, at any moment, the lowest
// score a unit still needs to make it into the answer. Private to hashi_core.
//
// The answer is the `limit` best units by (score, changed, id); the threshold is therefore the
// score of the limit-th best unit seen so far (or min_score while there are fewer): a unit
// scoring exactly the threshold may still win on `changed`, so every unit at or above it is
// kept, and the final ranking (which needs `changed`) is made over those contenders only.
// Not thread-safe.
#ifndef HASHI_CORE_MATCH_TOP_UNITS_H_
#define HASHI_CORE_MATCH_TOP_UNITS_H_

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace hashi::match {

struct ScoredUnit {
  int64_t unit = 0;
  int score = 0;
  int ord = 0;  // the variant of the unit that scored it
};

class TopUnits {
 public:
  TopUnits(int limit, int min_score);
  // Band mode (limit 1): `band_floors` ascending, the lowest score of each band. Once a unit
  // scores s, only a unit of a higher band matters: the threshold jumps to the lowest floor
  // above s (101 once a unit scores 100, which ends the search), and the answer is one unit
  // of the highest band reached, not necessarily the best of that band.
  TopUnits(int min_score, std::vector<int> band_floors);
  // The lowest score that can still make a difference (101: none can). Never decreases.
  int threshold() const { return threshold_; }
  // Records that variant `ord` of `unit` scores `score`. A unit keeps its best variant (on a
  // tie, the lower ord). Scores below threshold() are ignored.
  void Offer(int64_t unit, int ord, int score);
  // Every unit scoring at least threshold(), in no particular order.
  std::vector<ScoredUnit> Contenders() const;

 private:
  void RaiseThreshold();

  int limit_;
  int threshold_;
  std::vector<int> band_floors_;  // empty but in band mode
  std::unordered_map<int64_t, ScoredUnit> units_;
  std::array<int64_t, 101> per_score_{};  // units kept, by their score
};

}  // namespace hashi::match

#endif  // HASHI_CORE_MATCH_TOP_UNITS_H_
