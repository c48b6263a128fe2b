#include "align/diagonal.h"

#include <algorithm>
#include <unordered_map>

namespace hashi::align {
namespace {

using Point = std::pair<size_t, size_t>;

// Where each item ends, as a fraction of the track's text (the mean over its versions).
std::vector<double> CumulativeShare(const Track& track, const LevelModels& models) {
  std::vector<double> share(track.items.size() + 1, 0);
  for (const size_t v : track.versions) {
    const VersionFeatures& features = (*models.versions)[v];
    double total = 0;
    for (const TrackItem& item : track.items) total += features.Length(item.ranges[v]);
    double sum = 0;
    for (size_t k = 0; k < track.items.size(); ++k) {
      sum += features.Length(track.items[k].ranges[v]);
      share[k + 1] += (total > 0 ? sum / total : 0) / static_cast<double>(track.versions.size());
    }
  }
  return share;
}

struct Seen {
  size_t count = 0;
  size_t item = 0;
};

// How often each anchor occurs in version v's sentences of the track, and in which item.
std::unordered_map<uint32_t, Seen> CountAnchors(const Track& track, size_t v,
                                                const PairAnchors& anchors) {
  std::unordered_map<uint32_t, Seen> seen;
  for (size_t k = 0; k < track.items.size(); ++k) {
    const SentenceRange& r = track.items[k].ranges[v];
    for (size_t s = r.begin; s < r.end; ++s) {
      for (const uint32_t occurrence : anchors.Of({s, s + 1})) {
        if (IsAlternative(occurrence)) continue;
        Seen& entry = seen[AnchorId(occurrence)];
        ++entry.count;
        entry.item = k;
      }
    }
  }
  return seen;
}

// (item of A, item of B) for each anchor found exactly once on each side.
std::vector<Point> AnchorPoints(const Track& a, const Track& b, const LevelModels& models) {
  std::vector<Point> points;
  for (const size_t va : a.versions) {
    for (const size_t vb : b.versions) {
      const PairModel& pair = models.pairs[va][vb];
      const auto in_a = CountAnchors(a, va, *pair.anchors_a);
      const auto in_b = CountAnchors(b, vb, *pair.anchors_b);
      for (const auto& [id, seen] : in_a) {
        const auto it = in_b.find(id);
        if (seen.count != 1 || it == in_b.end() || it->second.count != 1) continue;
        if (pair.weights->match[id] > 0) points.emplace_back(seen.item, it->second.item);
      }
    }
  }
  return points;
}

}  // namespace

std::vector<Point> LongestChain(std::vector<Point> points) {
  // Patience sorting on B positions, rows in order and, within a row, B descending so that no
  // two points of one row are chained.
  std::sort(points.begin(), points.end(), [](const Point& x, const Point& y) {
    return x.first != y.first ? x.first < y.first : x.second > y.second;
  });
  std::vector<size_t> tails;  // tails[len - 1]: index of the point ending the best chain of len
  std::vector<size_t> before(points.size(), SIZE_MAX);
  for (size_t k = 0; k < points.size(); ++k) {
    const auto at = std::lower_bound(tails.begin(), tails.end(), points[k].second,
                                     [&](size_t t, size_t j) { return points[t].second < j; });
    if (at != tails.begin()) before[k] = *(at - 1);
    if (at == tails.end()) {
      tails.push_back(k);
    } else {
      *at = k;
    }
  }
  std::vector<Point> chain;
  for (size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = before[k]) {
    chain.push_back(points[k]);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::vector<size_t> Diagonal(const Track& a, const Track& b, const LevelModels& models) {
  const size_t n = a.items.size();
  const size_t m = b.items.size();
  std::vector<Point> skeleton = {{0, 0}};
  for (const Point& p : LongestChain(AnchorPoints(a, b, models))) {
    if (p.first > skeleton.back().first && p.second > skeleton.back().second && p.first < n &&
        p.second < m) {
      skeleton.push_back(p);
    }
  }
  skeleton.emplace_back(n, m);
  const std::vector<double> share_a = CumulativeShare(a, models);
  const std::vector<double> share_b = CumulativeShare(b, models);
  std::vector<size_t> center(n + 1, 0);
  for (size_t k = 0; k + 1 < skeleton.size(); ++k) {
    const auto [i0, j0] = skeleton[k];
    const auto [i1, j1] = skeleton[k + 1];
    const double span_a = share_a[i1] - share_a[i0];
    size_t j = j0;
    for (size_t i = i0; i <= i1; ++i) {
      const double t = span_a > 0 ? (share_a[i] - share_a[i0]) / span_a
                                  : static_cast<double>(i - i0) / std::max<size_t>(1, i1 - i0);
      const double target = share_b[j0] + t * (share_b[j1] - share_b[j0]);
      while (j < j1 && share_b[j + 1] <= target) ++j;
      const bool next_closer = j < j1 && share_b[j + 1] - target < target - share_b[j];
      center[i] = next_closer ? j + 1 : j;
    }
  }
  center[0] = 0;
  center[n] = m;
  for (size_t i = 1; i <= n; ++i) center[i] = std::max(center[i], center[i - 1]);
  return center;
}

}  // namespace hashi::align
