// Alignment of all versions of one stretch of the document: progressive (two versions, then
// each next one against the track so far), with other orders tried where the first one left
// sentences without counterpart. Private to hashi_core.
#ifndef HASHI_CORE_SRC_ALIGN_PROGRESSIVE_H_
#define HASHI_CORE_SRC_ALIGN_PROGRESSIVE_H_

#include <vector>

#include "align/tracks.h"

namespace hashi::align {

// items[v]: version v's items (sentences or paragraphs) in order, possibly none.
// With `try_other_orders` and three versions, the stretches around units that lack a version
// are re-aligned with each other pair of versions first, and the result with the lowest
// sum-of-pairs cost is kept there (progressive alignment cannot undo a link of its first step
// that a later version shows to be wrong: two neighbouring sentences each missing in another
// version).
Track AlignVersions(const std::vector<std::vector<SentenceRange>>& items, const LevelModels& level,
                    const BandOptions& band, bool try_other_orders);

// The sum-of-pairs cost of units (the usual objective of multiple sequence alignment): each
// unit seen as a link between every two versions and scored as a pairwise alignment would
// score it; a sentence without counterpart as one 1-0 link.
double SumOfPairsCost(const std::vector<TrackItem>& units, const LevelModels& level);

}  // namespace hashi::align

#endif  // HASHI_CORE_SRC_ALIGN_PROGRESSIVE_H_
