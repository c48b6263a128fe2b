// Dynamic programming over links between two sequences A (n items) and B (m items), in a band
// around a diagonal. Memory: one byte per band cell (plus four bytes with posteriors), i.e.
// linear in n for a given band width. Private to hashi_core.
#ifndef HASHI_CORE_SRC_ALIGN_BANDED_DP_H_
#define HASHI_CORE_SRC_ALIGN_BANDED_DP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hashi::align {

// A link takes `a` items of A and `b` items of B.
struct LinkType {
  uint8_t a;
  uint8_t b;
};
// 1-1 first; every type the aligner knows. 2-2 pays rarely but costs little to try.
inline constexpr LinkType kLinkTypes[] = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2},
                                          {2, 2}, {3, 1}, {1, 3}};
inline constexpr int kLinkTypeCount = 8;

// The cost (nats) of the link taking A[i, i + a) and B[j, j + b).
class LinkScorer {
 public:
  virtual ~LinkScorer() = default;
  virtual double Cost(size_t i, int a, size_t j, int b) const = 0;
};

struct BandOptions {
  size_t initial_width = 4;   // half-width in items of B around the diagonal; doubled on demand
  size_t max_cells = size_t{32} << 20;  // the band stops widening beyond this many cells
  bool posteriors = true;               // compute each link's posterior (forward-backward)
};

struct PathLink {
  size_t i = 0;  // first item of A
  size_t j = 0;  // first item of B
  uint8_t a = 0;
  uint8_t b = 0;
  double posterior = 1;  // P(this link | the model), when asked for; else 1
};

// The cheapest path of links from (0, 0) to (n, m). `center[i]` (size n + 1, non-decreasing,
// center[0] = 0, center[n] = m) is the diagonal: the B position expected for A position i.
// The band is widened (doubled) while the best path runs along its edge, up to max_cells.
std::vector<PathLink> AlignInBand(size_t n, size_t m, const std::vector<size_t>& center,
                                  const LinkScorer& scorer, const BandOptions& options);

}  // namespace hashi::align

#endif  // HASHI_CORE_SRC_ALIGN_BANDED_DP_H_
