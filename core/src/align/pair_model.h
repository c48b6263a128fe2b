// The cost of linking a run of sentences of one version to a run of another: a length model
// and weighted lexical anchors. Costs are in nats (negative log-probabilities, up to a constant),
// so that the DP can also turn them into posteriors. Private to hashi_core.
#ifndef HASHI_CORE_SRC_ALIGN_PAIR_MODEL_H_
#define HASHI_CORE_SRC_ALIGN_PAIR_MODEL_H_

#include <span>
#include <vector>

#include "align/features.h"

namespace hashi::align {

// Gale and Church's model: the length of the B side is about `ratio` times the A side's, with a
// variance proportional to the length (`variance` per length unit of A).
struct LengthModel {
  double ratio = 1;
  double variance = 3;
};

// The prior for two versions, from their languages and scripts (see the .cpp for the figures).
LengthModel PriorLengthModel(const VersionFeatures& a, const VersionFeatures& b);

// -log P(length difference): -log(2 (1 - Phi(|delta|))), delta the normalised difference.
double LengthCost(double length_a, double length_b, const LengthModel& model);

// Anchor weights for one pair of versions at one level (sentences or paragraphs): how much a
// shared anchor lowers the cost, and how much an anchor found on one side only raises it.
// Both scale with the anchor's rarity in the document (inverse document frequency over the
// items of that level), so a "1" or a year found everywhere weighs nothing.
struct PairWeights {
  std::vector<float> match;
  std::vector<float> miss;
};
PairWeights ComputeWeights(const AnchorIndex& index, const VersionFeatures& a,
                           const std::vector<SentenceRange>& items_a, const VersionFeatures& b,
                           const std::vector<SentenceRange>& items_b);

// The anchors of one version's sentences that can matter against one other version: those
// found in both, and those whose absence is evidence (PairWeights::miss). The rest (the
// names of one version that the other never mentions) are left out, so scoring does not
// walk them for every cell of the DP.
class PairAnchors {
 public:
  // Runs of up to this many sentences have their merged list ready (the DP's links take 1-3).
  static constexpr size_t kReadySpans = 3;

  PairAnchors() = default;
  PairAnchors(const VersionFeatures& v, const std::vector<bool>& keep);
  // The anchors of sentences `r` sorted by id; REQUIRES: 1 <= r.size() <= kReadySpans.
  std::span<const uint32_t> Of(SentenceRange r) const {
    const Lists& lists = spans_[r.size() - 1];
    return {lists.anchors.data() + lists.offsets[r.begin],
            lists.anchors.data() + lists.offsets[r.begin + 1]};
  }

 private:
  struct Lists {
    std::vector<uint32_t> offsets;  // list of the run starting at sentence s: [offsets[s], offsets[s + 1])
    std::vector<uint32_t> anchors;
  };
  Lists spans_[kReadySpans];
};

// Which anchor ids PairAnchors keeps for the pair (a, b), from the sentence-level weights.
std::vector<bool> AnchorsThatMatter(const AnchorIndex& index, const VersionFeatures& a,
                                    const VersionFeatures& b, const PairWeights& weights);

// Everything needed to score links between two versions.
struct PairModel {
  const VersionFeatures* a = nullptr;
  const VersionFeatures* b = nullptr;
  LengthModel length;
  const PairWeights* weights = nullptr;
  const PairAnchors* anchors_a = nullptr;
  const PairAnchors* anchors_b = nullptr;
  // Cost of linking a's sentences `ra` to b's sentences `rb` (both non-empty).
  double Cost(SentenceRange ra, SentenceRange rb) const;
};

}  // namespace hashi::align

#endif  // HASHI_CORE_SRC_ALIGN_PAIR_MODEL_H_
