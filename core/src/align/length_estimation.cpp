// The length models of a document: priors per script pair, then estimates from its own links.
#include <algorithm>
#include <cmath>

#include "align/document.h"

namespace hashi::align {
namespace {

// How many links the prior is worth: with five 1-1 links the estimate and the prior count
// the same; a long document's own figures win.
constexpr double kPriorWeight = 5;
// A plausible document-wide ratio is within this factor of the prior; beyond, one version
// holds text the other lacks and its totals say nothing about sentence lengths.
constexpr double kPlausibleFactor = 1.5;
// The median of a chi-square variable with one degree of freedom: median(delta^2) / 0.455
// estimates the variance whatever a few wrong links add.
constexpr double kChiSquareMedian = 0.455;

double Median(std::vector<double> values) {
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<ptrdiff_t>(mid), values.end());
  return values[mid];
}

LengthModel Estimate(const std::vector<std::pair<double, double>>& samples,
                     const LengthModel& prior) {
  if (samples.size() < 3) return prior;
  std::vector<double> log_ratios;
  for (const auto& [a, b] : samples) log_ratios.push_back(std::log(b / a));
  const double n = static_cast<double>(samples.size());
  const double log_ratio =
      (n * Median(log_ratios) + kPriorWeight * std::log(prior.ratio)) / (n + kPriorWeight);
  LengthModel model;
  model.ratio = std::exp(log_ratio);
  std::vector<double> spreads;
  for (const auto& [a, b] : samples) {
    const double b_in_a = b / model.ratio;
    spreads.push_back((b_in_a - a) * (b_in_a - a) / ((a + b_in_a) / 2));
  }
  const double variance = Median(spreads) / kChiSquareMedian;
  model.variance = std::clamp((n * variance + kPriorWeight * prior.variance) / (n + kPriorWeight),
                              0.5, 40.0);
  return model;
}

}  // namespace

LengthModels InitialLengthModels(const Document& doc) {
  const size_t count = doc.versions.size();
  LengthModels models(count, std::vector<LengthModel>(count));
  for (size_t x = 0; x < count; ++x) {
    for (size_t y = 0; y < count; ++y) {
      if (x == y) continue;
      LengthModel model = PriorLengthModel(doc.versions[x], doc.versions[y]);
      const double overall = doc.versions[y].TotalLength() / doc.versions[x].TotalLength();
      if (overall < model.ratio * kPlausibleFactor && overall > model.ratio / kPlausibleFactor) {
        model.ratio = std::sqrt(model.ratio * overall);
      }
      models[x][y] = model;
    }
  }
  return models;
}

LengthModels EstimateLengthModels(const Document& doc, const std::vector<TrackItem>& units,
                                  const LengthModels& prior) {
  const size_t count = doc.versions.size();
  LengthModels models = prior;
  for (size_t x = 0; x < count; ++x) {
    for (size_t y = 0; y < count; ++y) {
      if (x == y) continue;
      std::vector<std::pair<double, double>> samples;
      for (const TrackItem& unit : units) {
        const SentenceRange& rx = unit.ranges[x];
        const SentenceRange& ry = unit.ranges[y];
        if (rx.size() != 1 || ry.size() != 1 || unit.confidence < 0.5) continue;
        samples.emplace_back(doc.versions[x].Length(rx), doc.versions[y].Length(ry));
      }
      models[x][y] = Estimate(samples, PriorLengthModel(doc.versions[x], doc.versions[y]));
    }
  }
  return models;
}

}  // namespace hashi::align
