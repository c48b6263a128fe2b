// The whole-document steps of Align(): features of every version, the length models (prior,
// then estimated from a first alignment), and the two-level alignment (paragraphs, then
// sentences within the regions the paragraphs delimit). Private to hashi_core.
#ifndef HASHI_CORE_SRC_ALIGN_DOCUMENT_H_
#define HASHI_CORE_SRC_ALIGN_DOCUMENT_H_

#include <vector>

#include "align/tracks.h"
#include "hashi/aligner.h"

namespace hashi::align {

// Indexed by version: [x][y] models version y's lengths against version x's.
using LengthModels = std::vector<std::vector<LengthModel>>;

struct Document {
  AnchorIndex index;
  std::vector<VersionFeatures> versions;
  // Anchor weights per pair of versions, per level: [x][y] for x < y (they are symmetric).
  std::vector<std::vector<PairWeights>> sentence_weights;
  std::vector<std::vector<PairWeights>> paragraph_weights;
  // [x][y]: version x's anchors that matter against version y (both levels).
  std::vector<std::vector<PairAnchors>> pair_anchors;
  bool use_paragraphs = false;  // every version has more than one paragraph
};

// Builds the features and weights. REQUIRES: inputs validated (see Align()).
Document MakeDocument(const std::vector<AlignerInput>& inputs, const AlignerOptions& options);

// The per-pair priors, with the ratio moved halfway towards the document's overall ratio when
// that is plausible (not when one version is much longer: then it holds extra text).
LengthModels InitialLengthModels(const Document& doc);

// Ratio and variance re-estimated from the 1-1 links among `units` (robustly: medians), shrunk
// towards `prior` so that a short document with few links keeps close to it.
LengthModels EstimateLengthModels(const Document& doc, const std::vector<TrackItem>& units,
                                  const LengthModels& prior);

// Aligns the whole document: the units, in order, covering every sentence of every version.
std::vector<TrackItem> AlignDocument(const Document& doc, const LengthModels& lengths,
                                     const AlignerOptions& options, bool posteriors);

}  // namespace hashi::align

#endif  // HASHI_CORE_SRC_ALIGN_DOCUMENT_H_
