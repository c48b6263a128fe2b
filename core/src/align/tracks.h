// Progressive alignment of several versions: a *track* is a sequence of items, each holding a
// range of sentences in each version the track covers. A version alone is a track of single
// sentences (or of paragraphs); aligning two tracks gives a track over both sets of versions,
// whose items are the links. Private to hashi_core.
#ifndef HASHI_CORE_SRC_ALIGN_TRACKS_H_
#define HASHI_CORE_SRC_ALIGN_TRACKS_H_

#include <vector>

#include "align/banded_dp.h"
#include "align/pair_model.h"

namespace hashi::align {

struct TrackItem {
  std::vector<SentenceRange> ranges;  // one per version of the document; empty if not covered
  double confidence = 1;
};

struct Track {
  std::vector<size_t> versions;  // the versions this track covers, in order
  std::vector<TrackItem> items;
};

// The models of one level (sentences or paragraphs): pairs[x][y] scores version x against
// version y (x != y).
struct LevelModels {
  const std::vector<VersionFeatures>* versions = nullptr;
  std::vector<std::vector<PairModel>> pairs;
};

// Link costs that do not depend on the versions (nats): -log of how often each link type is
// expected. Gale and Church's frequencies (1-1 0.89, 2-1 0.045 each way), with 1-0 and 0-1 a
// little more likely than theirs (press releases drop captions and asides), 2-2 a little less
// (merging two 1-1 links whose length errors cancel out must not pay; a 2-2 is mostly two
// sentences a translator swapped) and 3-1, 1-3 rare. Checked on the gold set and on perturbed
// copies of it (units dropped, merged, split, swapped), where F1 hardly moves within +-1 nat.
struct LinkPriors {
  double one_one = 0.1;
  double indel = 4.5;      // 1-0 and 0-1: a sentence without counterpart
  double two_one = 3.0;    // 2-1 and 1-2
  double two_two = 5.5;
  double three_one = 5.5;  // 3-1 and 1-3
  double Of(int a, int b) const;
};

// The track of version `version`'s ranges `items` (sentences or paragraphs), in order.
Track SingleVersionTrack(size_t versions, size_t version, const std::vector<SentenceRange>& items);

// Aligns tracks `a` and `b` (disjoint versions): each link becomes an item whose confidence is
// the lowest of its posterior and the confidences of the items it joins. A link between items
// is scored by the mean of the pair models between every version of one side and every version
// of the other that have sentences in it, so a later version is placed against all earlier ones.
Track AlignTracks(const Track& a, const Track& b, const LevelModels& models,
                  const LinkPriors& priors, const BandOptions& options);

}  // namespace hashi::align

#endif  // HASHI_CORE_SRC_ALIGN_TRACKS_H_
