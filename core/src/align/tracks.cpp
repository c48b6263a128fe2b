#include "align/tracks.h"

#include <algorithm>

namespace hashi::align {
namespace {

// The sentences of version v in items [first, first + count) of a track: consecutive items
// hold consecutive ranges, so their union is one range.
SentenceRange Union(const Track& track, size_t first, int count, size_t v) {
  SentenceRange out;
  bool any = false;
  for (size_t k = first; k < first + static_cast<size_t>(count); ++k) {
    const SentenceRange& r = track.items[k].ranges[v];
    if (r.empty()) continue;
    if (!any) out.begin = r.begin;
    out.end = r.end;
    any = true;
  }
  return out;
}

class TrackScorer : public LinkScorer {
 public:
  TrackScorer(const Track& a, const Track& b, const LevelModels& models, const LinkPriors& priors)
      : a_(a), b_(b), models_(models), priors_(priors) {}

  double Cost(size_t i, int da, size_t j, int db) const override {
    const double prior = priors_.Of(da, db);
    if (da == 0 || db == 0) return prior;
    double sum = 0;
    int pairs = 0;
    for (const size_t va : a_.versions) {
      const SentenceRange ra = Union(a_, i, da, va);
      if (ra.empty()) continue;
      for (const size_t vb : b_.versions) {
        const SentenceRange rb = Union(b_, j, db, vb);
        if (rb.empty()) continue;
        sum += models_.pairs[va][vb].Cost(ra, rb);
        ++pairs;
      }
    }
    return prior + (pairs == 0 ? priors_.indel : sum / pairs);
  }

 private:
  const Track& a_;
  const Track& b_;
  const LevelModels& models_;
  const LinkPriors& priors_;
};

// Where each item ends, as a fraction of the track's text (the mean over its versions).
std::vector<double> CumulativeShare(const Track& track, const LevelModels& models) {
  std::vector<double> share(track.items.size() + 1, 0);
  for (const size_t v : track.versions) {
    const VersionFeatures* features = &(*models.versions)[v];
    double total = 0;
    for (const TrackItem& item : track.items) total += features->Length(item.ranges[v]);
    double sum = 0;
    for (size_t k = 0; k < track.items.size(); ++k) {
      sum += features->Length(track.items[k].ranges[v]);
      share[k + 1] += (total > 0 ? sum / total : 0) / static_cast<double>(track.versions.size());
    }
  }
  return share;
}

// The diagonal: for each A position, the B position at the same share of the text.
std::vector<size_t> Diagonal(const Track& a, const Track& b, const LevelModels& models) {
  const std::vector<double> share_a = CumulativeShare(a, models);
  const std::vector<double> share_b = CumulativeShare(b, models);
  const size_t n = a.items.size();
  const size_t m = b.items.size();
  std::vector<size_t> center(n + 1, 0);
  size_t j = 0;
  for (size_t i = 0; i <= n; ++i) {
    while (j < m && share_b[j + 1] <= share_a[i]) ++j;
    const bool next_closer = j < m && share_b[j + 1] - share_a[i] < share_a[i] - share_b[j];
    center[i] = next_closer ? j + 1 : j;
  }
  center[0] = 0;
  center[n] = m;
  for (size_t i = 1; i <= n; ++i) center[i] = std::max(center[i], center[i - 1]);
  return center;
}

}  // namespace

double LinkPriors::Of(int a, int b) const {
  if (a == 1 && b == 1) return one_one;
  if (a == 0 || b == 0) return indel;
  if (a + b == 3) return two_one;
  if (a == 2 && b == 2) return two_two;
  return three_one;
}

Track SingleVersionTrack(size_t versions, size_t version, const std::vector<SentenceRange>& items) {
  Track track;
  track.versions = {version};
  track.items.reserve(items.size());
  for (const SentenceRange& r : items) {
    TrackItem item;
    item.ranges.assign(versions, SentenceRange{});
    item.ranges[version] = r;
    track.items.push_back(std::move(item));
  }
  return track;
}

Track AlignTracks(const Track& a, const Track& b, const LevelModels& models,
                  const LinkPriors& priors, const BandOptions& options) {
  const TrackScorer scorer(a, b, models, priors);
  const std::vector<PathLink> path =
      AlignInBand(a.items.size(), b.items.size(), Diagonal(a, b, models), scorer, options);
  Track out;
  out.versions = a.versions;
  out.versions.insert(out.versions.end(), b.versions.begin(), b.versions.end());
  const size_t versions = models.versions->size();
  for (const PathLink& link : path) {
    TrackItem item;
    item.ranges.assign(versions, SentenceRange{});
    item.confidence = link.posterior;
    for (const size_t v : a.versions) item.ranges[v] = Union(a, link.i, link.a, v);
    for (const size_t v : b.versions) item.ranges[v] = Union(b, link.j, link.b, v);
    for (size_t k = link.i; k < link.i + link.a; ++k) {
      item.confidence = std::min(item.confidence, a.items[k].confidence);
    }
    for (size_t k = link.j; k < link.j + link.b; ++k) {
      item.confidence = std::min(item.confidence, b.items[k].confidence);
    }
    out.items.push_back(std::move(item));
  }
  return out;
}

}  // namespace hashi::align
