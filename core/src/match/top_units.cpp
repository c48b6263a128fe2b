#include "match/top_units.h"

namespace hashi::match {

TopUnits::TopUnits(int limit, int min_score) : limit_(limit), threshold_(min_score) {}

TopUnits::TopUnits(int min_score, std::vector<int> band_floors)
    : limit_(1), threshold_(min_score), band_floors_(std::move(band_floors)) {}

void TopUnits::Offer(int64_t unit, int ord, int score) {
  if (score < threshold_) return;
  if (!band_floors_.empty()) {
    units_.clear();
    units_.emplace(unit, ScoredUnit{unit, score, ord});
    threshold_ = 101;
    for (int floor : band_floors_) {
      if (floor > score) {
        threshold_ = floor;
        break;
      }
    }
    return;
  }
  auto [it, inserted] = units_.try_emplace(unit, ScoredUnit{unit, score, ord});
  if (!inserted) {
    ScoredUnit& kept = it->second;
    if (score < kept.score || (score == kept.score && ord >= kept.ord)) return;
    --per_score_[kept.score];
    kept.score = score;
    kept.ord = ord;
  }
  ++per_score_[score];
  RaiseThreshold();
}

void TopUnits::RaiseThreshold() {
  int64_t at_or_above = 0;
  int score = 100;
  for (; score > threshold_; --score) {
    at_or_above += per_score_[score];
    if (at_or_above >= limit_) break;
  }
  if (score <= threshold_) return;
  threshold_ = score;
  // Units below the new threshold can never come back: forget them, so that a lookup with
  // thousands of near-equal candidates keeps only what can still win.
  for (auto it = units_.begin(); it != units_.end();) {
    if (it->second.score < threshold_) {
      --per_score_[it->second.score];
      it = units_.erase(it);
    } else {
      ++it;
    }
  }
}

std::vector<ScoredUnit> TopUnits::Contenders() const {
  std::vector<ScoredUnit> out;
  out.reserve(units_.size());
  for (const auto& [unit, scored] : units_) out.push_back(scored);
  return out;
}

}  // namespace hashi::match
