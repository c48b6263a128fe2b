// The diagonal of the DP band: for each position of track A, the position of track B where the
// path is expected. Private to hashi_core.
#ifndef HASHI_CORE_SRC_ALIGN_DIAGONAL_H_
#define HASHI_CORE_SRC_ALIGN_DIAGONAL_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "align/tracks.h"

namespace hashi::align {

// center[i] (size a.items.size() + 1, non-decreasing, from 0 to b.items.size()).
// The diagonal runs through a skeleton of sure points, the anchors found exactly once in each
// track (the longest chain of them that keeps the order of both), and between those points
// it follows the share of text: row i goes where B has the same fraction of the text between
// the two points as A has at i. Without the skeleton, a version whose sentences grow longer
// than the other's along the document (or that holds extra text) would put the path hundreds of
// sentences away from a plain diagonal, and the band would have to grow that wide.
std::vector<size_t> Diagonal(const Track& a, const Track& b, const LevelModels& models);

// The longest chain of points increasing in both coordinates (exposed for tests).
std::vector<std::pair<size_t, size_t>> LongestChain(std::vector<std::pair<size_t, size_t>> points);

}  // namespace hashi::align

#endif  // HASHI_CORE_SRC_ALIGN_DIAGONAL_H_
