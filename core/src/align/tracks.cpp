#include "align/tracks.h"

#include "align/diagonal.h"

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
