// Paragraphs first, then sentences inside the regions that confident paragraph links delimit.
#include "align/document.h"

#include <algorithm>

#include "align/progressive.h"

namespace hashi::align {
namespace {

// A paragraph link this sure (posterior) is trusted as a region boundary. Below it, the
// sentences of the neighbouring paragraphs are aligned together, so a paragraph split or
// merged by a translator, or a paragraph only one version has, costs nothing at sentence level.
constexpr double kConfidentParagraphLink = 0.9;

std::vector<SentenceRange> Sentences(SentenceRange r) {
  std::vector<SentenceRange> items;
  items.reserve(r.size());
  for (size_t s = r.begin; s < r.end; ++s) items.push_back({s, s + 1});
  return items;
}

std::vector<std::vector<PairWeights>> Weights(
    const AnchorIndex& index, const std::vector<VersionFeatures>& versions,
    const std::vector<std::vector<SentenceRange>>& items) {
  std::vector<std::vector<PairWeights>> weights(versions.size(),
                                                std::vector<PairWeights>(versions.size()));
  for (size_t x = 0; x < versions.size(); ++x) {
    for (size_t y = x + 1; y < versions.size(); ++y) {
      weights[x][y] = ComputeWeights(index, versions[x], items[x], versions[y], items[y]);
    }
  }
  return weights;
}

LevelModels Level(const Document& doc, const LengthModels& lengths,
                  const std::vector<std::vector<PairWeights>>& weights) {
  const size_t count = doc.versions.size();
  LevelModels level;
  level.versions = &doc.versions;
  level.pairs.assign(count, std::vector<PairModel>(count));
  for (size_t x = 0; x < count; ++x) {
    for (size_t y = 0; y < count; ++y) {
      if (x == y) continue;
      level.pairs[x][y] = {&doc.versions[x], &doc.versions[y], lengths[x][y],
                           &weights[std::min(x, y)][std::max(x, y)], &doc.pair_anchors[x][y],
                           &doc.pair_anchors[y][x]};
    }
  }
  return level;
}

// Regions: runs of paragraph links between two confident neighbours.
std::vector<std::vector<SentenceRange>> Regions(const Track& paragraphs, size_t count) {
  std::vector<std::vector<SentenceRange>> regions;
  std::vector<SentenceRange> current(count);
  bool open = false;
  const auto& items = paragraphs.items;
  for (size_t k = 0; k < items.size(); ++k) {
    for (size_t v = 0; v < count; ++v) {
      const SentenceRange& r = items[k].ranges[v];
      if (r.empty()) continue;
      if (current[v].empty()) current[v].begin = r.begin;
      current[v].end = r.end;
    }
    open = true;
    const bool cut = k + 1 == items.size() ||
                     (items[k].confidence >= kConfidentParagraphLink &&
                      items[k + 1].confidence >= kConfidentParagraphLink);
    if (cut) {
      regions.push_back(current);
      current.assign(count, SentenceRange{});
      open = false;
    }
  }
  if (open) regions.push_back(current);
  return regions;
}

}  // namespace

Document MakeDocument(const std::vector<AlignerInput>& inputs, const AlignerOptions& options) {
  Document doc;
  doc.versions.reserve(inputs.size());
  for (const AlignerInput& input : inputs) doc.versions.emplace_back(input, doc.index);
  std::vector<std::vector<SentenceRange>> sentences;
  std::vector<std::vector<SentenceRange>> paragraphs;
  doc.use_paragraphs = options.use_paragraphs;
  for (const VersionFeatures& v : doc.versions) {
    sentences.push_back(Sentences({0, v.size()}));
    paragraphs.push_back(v.paragraphs());
    doc.use_paragraphs = doc.use_paragraphs && v.paragraphs().size() > 1;
  }
  doc.sentence_weights = Weights(doc.index, doc.versions, sentences);
  const size_t count = doc.versions.size();
  doc.pair_anchors.assign(count, std::vector<PairAnchors>(count));
  for (size_t x = 0; x < count; ++x) {
    for (size_t y = x + 1; y < count; ++y) {
      const std::vector<bool> keep = AnchorsThatMatter(doc.index, doc.versions[x], doc.versions[y],
                                                       doc.sentence_weights[x][y]);
      doc.pair_anchors[x][y] = PairAnchors(doc.versions[x], keep);
      doc.pair_anchors[y][x] = PairAnchors(doc.versions[y], keep);
    }
  }
  if (doc.use_paragraphs) doc.paragraph_weights = Weights(doc.index, doc.versions, paragraphs);
  return doc;
}

std::vector<TrackItem> AlignDocument(const Document& doc, const LengthModels& lengths,
                                     const AlignerOptions& options, bool posteriors) {
  const size_t count = doc.versions.size();
  BandOptions band;
  band.max_cells = options.max_band_cells;
  band.posteriors = posteriors;
  std::vector<std::vector<SentenceRange>> regions;
  if (doc.use_paragraphs) {
    std::vector<std::vector<SentenceRange>> paragraphs;
    for (const VersionFeatures& v : doc.versions) paragraphs.push_back(v.paragraphs());
    BandOptions paragraph_band = band;
    paragraph_band.posteriors = true;  // the region boundaries need them
    const LevelModels level = Level(doc, lengths, doc.paragraph_weights);
    regions = Regions(AlignVersions(paragraphs, level, paragraph_band, true), count);
  } else {
    std::vector<SentenceRange> all;
    for (const VersionFeatures& v : doc.versions) all.push_back({0, v.size()});
    regions.push_back(all);
  }
  const LevelModels level = Level(doc, lengths, doc.sentence_weights);
  std::vector<TrackItem> units;
  for (const std::vector<SentenceRange>& region : regions) {
    std::vector<std::vector<SentenceRange>> items;
    for (const SentenceRange& r : region) items.push_back(Sentences(r));
    Track track = AlignVersions(items, level, band, posteriors);
    for (TrackItem& item : track.items) units.push_back(std::move(item));
  }
  return units;
}

}  // namespace hashi::align
