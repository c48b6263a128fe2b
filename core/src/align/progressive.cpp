#include "align/progressive.h"

#include <algorithm>

namespace hashi::align {
namespace {

// A unit this sure, holding every version, needs no second opinion.
constexpr double kSureUnit = 0.9;
// Units re-aligned on each side of a doubtful one.
constexpr size_t kWindowMargin = 2;

Track AlignInOrder(const std::vector<std::vector<SentenceRange>>& items,
                   const std::vector<size_t>& order, const LevelModels& level,
                   const BandOptions& band) {
  const size_t count = items.size();
  Track track = SingleVersionTrack(count, order[0], items[order[0]]);
  for (size_t k = 1; k < order.size(); ++k) {
    const size_t v = order[k];
    track = AlignTracks(track, SingleVersionTrack(count, v, items[v]), level, LinkPriors{}, band);
  }
  return track;
}

bool Doubtful(const TrackItem& unit) {
  if (unit.confidence < kSureUnit) return true;
  return std::any_of(unit.ranges.begin(), unit.ranges.end(),
                     [](const SentenceRange& r) { return r.empty(); });
}

// Runs [first, last) of units around the doubtful ones, merged where they touch.
std::vector<std::pair<size_t, size_t>> Windows(const std::vector<TrackItem>& units) {
  std::vector<std::pair<size_t, size_t>> windows;
  for (size_t k = 0; k < units.size(); ++k) {
    if (!Doubtful(units[k])) continue;
    const size_t first = k > kWindowMargin ? k - kWindowMargin : 0;
    const size_t last = std::min(units.size(), k + kWindowMargin + 1);
    if (!windows.empty() && first <= windows.back().second) {
      windows.back().second = last;
    } else {
      windows.emplace_back(first, last);
    }
  }
  return windows;
}

// Each version's items that fall inside units [first, last).
std::vector<std::vector<SentenceRange>> ItemsWithin(
    const std::vector<std::vector<SentenceRange>>& items, const std::vector<TrackItem>& units,
    size_t first, size_t last) {
  std::vector<std::vector<SentenceRange>> within(items.size());
  for (size_t v = 0; v < items.size(); ++v) {
    SentenceRange span;
    bool any = false;
    for (size_t k = first; k < last; ++k) {
      const SentenceRange& r = units[k].ranges[v];
      if (r.empty()) continue;
      if (!any) span.begin = r.begin;
      span.end = r.end;
      any = true;
    }
    if (!any) continue;
    for (const SentenceRange& item : items[v]) {
      if (item.begin >= span.begin && item.end <= span.end) within[v].push_back(item);
    }
  }
  return within;
}

}  // namespace

double SumOfPairsCost(const std::vector<TrackItem>& units, const LevelModels& level) {
  const LinkPriors priors;
  double total = 0;
  for (const TrackItem& unit : units) {
    for (size_t x = 0; x < unit.ranges.size(); ++x) {
      for (size_t y = x + 1; y < unit.ranges.size(); ++y) {
        const SentenceRange& rx = unit.ranges[x];
        const SentenceRange& ry = unit.ranges[y];
        if (rx.empty() || ry.empty()) {
          total += priors.indel * static_cast<double>(rx.size() + ry.size());
        } else {
          total += priors.Of(static_cast<int>(rx.size()), static_cast<int>(ry.size())) +
                   level.pairs[x][y].Cost(rx, ry);
        }
      }
    }
  }
  return total;
}

Track AlignVersions(const std::vector<std::vector<SentenceRange>>& items, const LevelModels& level,
                    const BandOptions& band, bool try_other_orders) {
  const size_t count = items.size();
  std::vector<size_t> order(count);
  for (size_t v = 0; v < count; ++v) order[v] = v;
  Track track = AlignInOrder(items, order, level, band);
  if (count != 3 || !try_other_orders) return track;
  std::vector<TrackItem> units;
  size_t done = 0;
  for (const auto& [first, last] : Windows(track.items)) {
    units.insert(units.end(), track.items.begin() + static_cast<ptrdiff_t>(done),
                 track.items.begin() + static_cast<ptrdiff_t>(first));
    std::vector<TrackItem> best(track.items.begin() + static_cast<ptrdiff_t>(first),
                                track.items.begin() + static_cast<ptrdiff_t>(last));
    double best_cost = SumOfPairsCost(best, level);
    const auto within = ItemsWithin(items, track.items, first, last);
    for (const std::vector<size_t>& other : {std::vector<size_t>{0, 2, 1}, {1, 2, 0}}) {
      Track candidate = AlignInOrder(within, other, level, band);
      const double cost = SumOfPairsCost(candidate.items, level);
      if (cost < best_cost) {
        best = std::move(candidate.items);
        best_cost = cost;
      }
    }
    units.insert(units.end(), best.begin(), best.end());
    done = last;
  }
  units.insert(units.end(), track.items.begin() + static_cast<ptrdiff_t>(done), track.items.end());
  track.items = std::move(units);
  return track;
}

}  // namespace hashi::align
