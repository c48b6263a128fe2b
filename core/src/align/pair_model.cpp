#include "align/pair_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hashi::align {
namespace {

// Per kind of anchor: the weight of a match, and of an anchor missing on the other side. Names
// and punctuation are often rewritten (Japan / Nhật Bản / 日本), so their absence proves
// nothing; a number, date, time, acronym or URL that is missing is some evidence against a
// link, but weak: translators drop and add figures ("two weeks" / "hai tuần" / "2週間").
struct KindWeight {
  float match;
  float miss;
};
constexpr KindWeight kKindWeights[kAnchorKinds] = {
    {1.0f, 1.0f},   // kNumber
    {0.35f, 0.2f},  // kSmallNumber
    {1.0f, 0.6f},   // kDate
    {1.0f, 0.6f},   // kTime
    {0.9f, 0.5f},   // kAcronym
    {1.0f, 0.5f},   // kLink
    {0.7f, 0.0f},   // kName
    {0.6f, 0.0f},   // kListMarker
    {0.35f, 0.15f},  // kPunctuation
};
constexpr double kMatchScale = 1.0;  // nats per unit of weight of a shared anchor
constexpr double kMissScale = 0.4;   // nats per unit of weight of a one-sided anchor
constexpr double kMaxIdf = 4.0;      // a unique anchor in a long document is no surer than ~55:1

void CountItems(const VersionFeatures& v, const std::vector<SentenceRange>& items,
                std::vector<uint32_t>& df, std::vector<uint32_t>& seen, uint32_t& stamp) {
  for (const SentenceRange& item : items) {
    ++stamp;
    for (size_t s = item.begin; s < item.end; ++s) {
      for (const uint32_t occurrence : v.Anchors(s)) {
        const uint32_t id = AnchorId(occurrence);
        if (seen[id] == stamp) continue;
        seen[id] = stamp;
        ++df[id];
      }
    }
  }
}

// The anchors of a range: a view of the sentence's own sorted list when it is one sentence,
// else the sentences' lists merged in `scratch`.
std::span<const uint32_t> RangeAnchors(const PairAnchors& v, SentenceRange r,
                                       std::vector<uint32_t>& scratch) {
  if (r.size() <= PairAnchors::kReadySpans) return v.Of(r);
  scratch.clear();
  const auto by_id = [](uint32_t x, uint32_t y) { return AnchorId(x) < AnchorId(y); };
  for (size_t s = r.begin; s < r.end; ++s) {
    const auto anchors = v.Of({s, s + 1});
    const auto middle = static_cast<ptrdiff_t>(scratch.size());
    scratch.insert(scratch.end(), anchors.begin(), anchors.end());
    std::inplace_merge(scratch.begin(), scratch.begin() + middle, scratch.end(), by_id);
  }
  return scratch;
}

struct Run {
  size_t count = 0;
  size_t primary = 0;  // occurrences that are not alternative readings
};

Run RunOf(std::span<const uint32_t> list, size_t& i) {
  Run run;
  const uint32_t id = AnchorId(list[i]);
  for (; i < list.size() && AnchorId(list[i]) == id; ++i) {
    ++run.count;
    run.primary += IsAlternative(list[i]) ? 0 : 1;
  }
  return run;
}

double LexicalCost(std::span<const uint32_t> x, std::span<const uint32_t> y,
                   const PairWeights& w) {
  constexpr uint32_t kEnd = std::numeric_limits<uint32_t>::max();
  double cost = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < x.size() || j < y.size()) {
    const uint32_t id_x = i < x.size() ? AnchorId(x[i]) : kEnd;
    const uint32_t id_y = j < y.size() ? AnchorId(y[j]) : kEnd;
    const uint32_t id = std::min(id_x, id_y);
    const Run rx = id_x == id ? RunOf(x, i) : Run{};
    const Run ry = id_y == id ? RunOf(y, j) : Run{};
    const size_t matched = std::min(rx.count, ry.count);
    // A match of two alternative readings only is half a match (5,600 = 5.600 either way).
    const double half = rx.primary == 0 || ry.primary == 0 ? 0.5 : 1.0;
    cost -= static_cast<double>(matched) * w.match[id] * half;
    const size_t missed = std::min(rx.count - matched, rx.primary) +
                          std::min(ry.count - matched, ry.primary);
    cost += static_cast<double>(missed) * w.miss[id];
  }
  return cost;
}

}  // namespace

LengthModel PriorLengthModel(const VersionFeatures& a, const VersionFeatures& b) {
  // Measured on press releases (JA in weighted units, see features.cpp): VI/EN 0.97 and JA/EN
  // 0.89, JA/VI 0.92; variances (per length unit) about 1.5 for EN-VI and 2.3 for EN-JA. The
  // priors are a little wider than measured: they are for articles not seen.
  const std::string& x = a.lang().primary();
  const std::string& y = b.lang().primary();
  if (a.cjk() == b.cjk()) {
    if (x == "en" && y == "vi") return {0.97, 2.0};
    if (x == "vi" && y == "en") return {1 / 0.97, 2.0};
    return {1.0, 2.5};
  }
  return {a.cjk() ? 1 / 0.9 : 0.9, 3.0};
}

namespace {

// Gale and Church's normal model, mixed with a three times wider one for the translations
// that add or drop a title or an aside ("Mrs. Pham Thu Trang, M.A." / "Th.S. Phạm Thu Trang"):
// without it one such pair costs so much that merging it with a neighbour looks cheaper.
double MixtureCost(double delta) {
  constexpr double kOutliers = 0.1;
  constexpr double kOutlierSpread = 3;
  const double p = (1 - kOutliers) * std::erfc(delta / std::sqrt(2.0)) +
                   kOutliers * std::erfc(delta / (kOutlierSpread * std::sqrt(2.0)));
  return -std::log(std::max(p, 1e-300));
}

// MixtureCost tabulated (it is evaluated for every cell and link of the DP; erfc is slow),
// linear interpolation between steps of 1/64.
class MixtureTable {
 public:
  static constexpr double kMax = 60;
  static constexpr double kSteps = 64;
  MixtureTable() {
    values_.resize(static_cast<size_t>(kMax * kSteps) + 2);
    for (size_t k = 0; k < values_.size(); ++k) values_[k] = MixtureCost(k / kSteps);
  }
  double operator()(double delta) const {
    const double x = std::min(delta, kMax) * kSteps;
    const auto k = static_cast<size_t>(x);
    return values_[k] + (values_[k + 1] - values_[k]) * (x - static_cast<double>(k));
  }

 private:
  std::vector<double> values_;
};

}  // namespace

double LengthCost(double length_a, double length_b, const LengthModel& model) {
  static const MixtureTable table;
  const double b_in_a = length_b / model.ratio;
  const double spread = std::sqrt(model.variance * (length_a + b_in_a) / 2);
  return table(std::fabs(b_in_a - length_a) / std::max(spread, 1e-9));
}

PairWeights ComputeWeights(const AnchorIndex& index, const VersionFeatures& a,
                           const std::vector<SentenceRange>& items_a, const VersionFeatures& b,
                           const std::vector<SentenceRange>& items_b) {
  std::vector<uint32_t> df(index.size(), 0);
  std::vector<uint32_t> seen(index.size(), 0);
  uint32_t stamp = 0;
  CountItems(a, items_a, df, seen, stamp);
  CountItems(b, items_b, df, seen, stamp);
  const double items = static_cast<double>(items_a.size() + items_b.size());
  PairWeights weights;
  weights.match.assign(index.size(), 0);
  weights.miss.assign(index.size(), 0);
  for (uint32_t id = 0; id < index.size(); ++id) {
    if (df[id] == 0) continue;
    const double idf = std::clamp(std::log(items / df[id]), 0.0, kMaxIdf);
    const KindWeight& kind = kKindWeights[static_cast<int>(index.kind(id))];
    weights.match[id] = static_cast<float>(kMatchScale * kind.match * idf);
    weights.miss[id] = static_cast<float>(kMissScale * kind.miss * idf);
  }
  return weights;
}

PairAnchors::PairAnchors(const VersionFeatures& v, const std::vector<bool>& keep) {
  const auto by_id = [](uint32_t x, uint32_t y) { return AnchorId(x) < AnchorId(y); };
  for (size_t span = 1; span <= kReadySpans; ++span) {
    Lists& lists = spans_[span - 1];
    lists.offsets.reserve(v.size() + 1);
    lists.offsets.push_back(0);
    for (size_t s = 0; s < v.size(); ++s) {
      const auto first = static_cast<ptrdiff_t>(lists.anchors.size());
      for (size_t t = s; t < std::min(s + span, v.size()); ++t) {
        const auto middle = static_cast<ptrdiff_t>(lists.anchors.size());
        for (const uint32_t occurrence : v.Anchors(t)) {
          if (keep[AnchorId(occurrence)]) lists.anchors.push_back(occurrence);
        }
        std::inplace_merge(lists.anchors.begin() + first, lists.anchors.begin() + middle,
                           lists.anchors.end(), by_id);
      }
      lists.offsets.push_back(static_cast<uint32_t>(lists.anchors.size()));
    }
  }
}

std::vector<bool> AnchorsThatMatter(const AnchorIndex& index, const VersionFeatures& a,
                                    const VersionFeatures& b, const PairWeights& weights) {
  std::vector<bool> in_a(index.size(), false);
  std::vector<bool> in_b(index.size(), false);
  for (size_t s = 0; s < a.size(); ++s) {
    for (const uint32_t occurrence : a.Anchors(s)) in_a[AnchorId(occurrence)] = true;
  }
  for (size_t s = 0; s < b.size(); ++s) {
    for (const uint32_t occurrence : b.Anchors(s)) in_b[AnchorId(occurrence)] = true;
  }
  std::vector<bool> keep(index.size(), false);
  for (size_t id = 0; id < index.size(); ++id) {
    keep[id] = weights.miss[id] > 0 || (in_a[id] && in_b[id] && weights.match[id] > 0);
  }
  return keep;
}

double PairModel::Cost(SentenceRange ra, SentenceRange rb) const {
  thread_local std::vector<uint32_t> scratch_a;
  thread_local std::vector<uint32_t> scratch_b;
  const double length = LengthCost(a->Length(ra), b->Length(rb), this->length);
  return length + LexicalCost(RangeAnchors(*anchors_a, ra, scratch_a),
                              RangeAnchors(*anchors_b, rb, scratch_b), *weights);
}

}  // namespace hashi::align
