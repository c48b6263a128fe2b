// The match-band analysis: how much of a job the TM already covers, in the bands agencies quote
// by (CONTRACT.md, `analyze`).
//
// Each segment of the job falls in exactly one band, decided in this order:
//   repetitions  the same segment (MatchIdentity) was seen earlier in the job, in this input
//                or an earlier one: the first occurrence is counted in its own band, every later
//                one here;
//   context      an exact match (score 100) whose previous segment in the input also has an
//                exact match, in the unit just before it in the same origin (see IsContextPair);
//   100, 95-99, 85-94, 75-84, 50-74   by the best score;
//   none         no match scoring 50 or more.
// Only matches with a target in every target language count (the caller filters them:
// HasEveryTarget). Words are counted in the source language (hashi/word_count.h).
#ifndef HASHI_ANALYSIS_H_
#define HASHI_ANALYSIS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "hashi/pretranslator.h"
#include "hashi/status.h"
#include "hashi/word_count.h"

namespace hashi {

// The bands, in the order reports print them.
enum class Band { kContext, k100, k95To99, k85To94, k75To84, k50To74, kNone, kRepetitions };
inline constexpr int kBandCount = 8;
inline constexpr std::array<Band, kBandCount> kAllBands = {
    Band::kContext, Band::k100,    Band::k95To99, Band::k85To94,
    Band::k75To84,  Band::k50To74, Band::kNone,   Band::kRepetitions};

// "context", "100", "95-99", "85-94", "75-84", "50-74", "none", "repetitions".
std::string_view BandName(Band band);
// The band called `name` (as BandName prints it), or nullopt.
std::optional<Band> BandFromName(std::string_view name);
// The band of a best score (k100 down to kNone; never kContext or kRepetitions).
Band BandOfScore(int score);
// The lowest score that can fall in a band other than kNone: lookups for an analysis need no
// matches below it.
inline constexpr int kLowestBandScore = 50;
// The lowest score of each scored band, ascending (what BandOfScore tells apart): an analysis
// needs only the band of a segment's best match (LookupRequest::band_floors).
inline const std::vector<int>& BandFloors() {
  static const std::vector<int> floors = {kLowestBandScore, 75, 85, 95, 100};
  return floors;
}

// True if `previous` (an exact match of the segment before) and `current` (an exact match of
// this segment) are consecutive units of one origin. The store numbers units in the order they
// are stored, one import after another, so within an origin the unit before `current` is
// `current.unit - 1` when that unit is of the same origin. (Units of an origin imported in two
// separate runs, or after a replaced unit, are not seen as consecutive: a missed context match
// counts as 100, never the other way round.)
bool IsContextPair(const Match& previous, const Match& current);

struct BandCount {
  int64_t segments = 0;
  int64_t words = 0;
  bool operator==(const BandCount&) const = default;
};

// The analysis of one input (or the total of a job).
struct AnalysisReport {
  std::string file;  // the input's name, or "*total*"
  CountUnit unit = CountUnit::kWords;
  int64_t segments = 0;
  int64_t words = 0;                          // words or characters, as `unit` says
  std::array<BandCount, kBandCount> bands{};  // indexed by static_cast<int>(Band)

  const BandCount& band(Band b) const { return bands[static_cast<size_t>(b)]; }
  BandCount& band(Band b) { return bands[static_cast<size_t>(b)]; }
};

// Builds the reports of one job, input after input. Not thread-safe.
class Analyzer {
 public:
  explicit Analyzer(CountUnit unit);

  // Analyses one input: its segments in order and, for each, its matches, best first (only
  // those to count: see HasEveryTarget). `words[i]` is the word count of segments[i].
  // REQUIRES: the three vectors have the same size.
  AnalysisReport Add(const std::string& file, const std::vector<Segment>& segments,
                     const std::vector<int64_t>& words,
                     const std::vector<std::vector<Match>>& matches);

  // The sum of every input added so far, named "*total*".
  const AnalysisReport& total() const { return total_; }

 private:
  Band Classify(const Segment& segment, const std::vector<Match>& matches,
                const std::vector<Match>* previous);

  AnalysisReport total_;
  std::unordered_set<std::string> seen_;  // MatchIdentity of every segment seen
};

// Per-band rates that turn words into *weighted words* (what an agency multiplies by its price
// per word). A band without a rate is paid in full (1.0).
struct BandWeights {
  std::array<double, kBandCount> rates = {1, 1, 1, 1, 1, 1, 1, 1};
};

// Parses "context=0,100=0.1,95-99=0.3,85-94=0.6,75-84=0.8,50-74=1,none=1,repetitions=0.1":
// band=rate pairs separated by commas, semicolons or line breaks; '#' starts a comment that runs
// to the end of the line (so the same text can be a file). Rates are decimals >= 0. Errors
// (kUsage) name the bad item.
Result<BandWeights> ParseBandWeights(std::string_view spec);

// Sum over bands of words x rate.
double WeightedWords(const AnalysisReport& report, const BandWeights& weights);

}  // namespace hashi

#endif  // HASHI_ANALYSIS_H_
