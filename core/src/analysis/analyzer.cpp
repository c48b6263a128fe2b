#include <algorithm>

#include "hashi/analysis.h"

namespace hashi {
namespace {

constexpr std::array<std::string_view, kBandCount> kBandNames = {
    "context", "100", "95-99", "85-94", "75-84", "50-74", "none", "repetitions"};

bool IsExact(const Match& match) { return match.score >= 100; }

// True if some exact match of this segment follows some exact match of the previous one.
bool HasContext(const std::vector<Match>& previous, const std::vector<Match>& current) {
  for (const Match& now : current) {
    if (!IsExact(now)) continue;
    for (const Match& before : previous) {
      if (IsExact(before) && IsContextPair(before, now)) return true;
    }
  }
  return false;
}

void AddTo(AnalysisReport& report, Band band, int64_t words) {
  ++report.segments;
  report.words += words;
  ++report.band(band).segments;
  report.band(band).words += words;
}

}  // namespace

std::string_view BandName(Band band) { return kBandNames[static_cast<size_t>(band)]; }

std::optional<Band> BandFromName(std::string_view name) {
  for (Band band : kAllBands) {
    if (BandName(band) == name) return band;
  }
  return std::nullopt;
}

Band BandOfScore(int score) {
  if (score >= 100) return Band::k100;
  if (score >= 95) return Band::k95To99;
  if (score >= 85) return Band::k85To94;
  if (score >= 75) return Band::k75To84;
  if (score >= kLowestBandScore) return Band::k50To74;
  return Band::kNone;
}

bool IsContextPair(const Match& previous, const Match& current) {
  return previous.origin == current.origin && previous.unit + 1 == current.unit;
}

Analyzer::Analyzer(CountUnit unit) {
  total_.file = "*total*";
  total_.unit = unit;
}

AnalysisReport Analyzer::Add(const std::string& file, const std::vector<Segment>& segments,
                             const std::vector<int64_t>& words,
                             const std::vector<std::vector<Match>>& matches) {
  AnalysisReport report;
  report.file = file;
  report.unit = total_.unit;
  for (size_t i = 0; i < segments.size(); ++i) {
    const Band band = Classify(segments[i], matches[i], i > 0 ? &matches[i - 1] : nullptr);
    AddTo(report, band, words[i]);
    AddTo(total_, band, words[i]);
  }
  return report;
}

Band Analyzer::Classify(const Segment& segment, const std::vector<Match>& matches,
                        const std::vector<Match>* previous) {
  if (!seen_.insert(MatchIdentity(segment)).second) return Band::kRepetitions;
  if (matches.empty()) return Band::kNone;
  const int best =
      std::max_element(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return a.score < b.score;
      })->score;
  if (best >= 100 && previous != nullptr && HasContext(*previous, matches)) return Band::kContext;
  return BandOfScore(best);
}

double WeightedWords(const AnalysisReport& report, const BandWeights& weights) {
  double sum = 0;
  for (Band band : kAllBands) {
    sum += static_cast<double>(report.band(band).words) * weights.rates[static_cast<size_t>(band)];
  }
  return sum;
}

}  // namespace hashi
