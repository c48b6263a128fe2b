// Pre-translation: finding the TM matches of many segments at once, on every core.
//
// The TM is seen through MatchSource, a narrow seam: anything that answers "the matches of this
// segment" as hashi/matcher.h defines them (TmStore::Lookup, or a fake in tests).
// FindAllMatches runs the lookups of a whole job on a small pool of threads, each with its own
// MatchSource (SQLite connections and ICU objects are per thread), and looks up each distinct
// segment once.
// Writers (hashi/formats/xliff.h) and the analysis (hashi/analysis.h) consume the result.
#ifndef HASHI_PRETRANSLATOR_H_
#define HASHI_PRETRANSLATOR_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "hashi/matcher.h"
#include "hashi/status.h"
#include "hashi/unit.h"

namespace hashi {

// Answers lookups for one source language and a set of target languages. Not thread-safe:
// one per thread (see MatchSourceFactory).
class MatchSource {
 public:
  virtual ~MatchSource() = default;
  // The matches of `query` scoring at least `min_score`, best first (ties: the more recently
  // changed unit first), at most `limit` of them.
  virtual Result<std::vector<Match>> Find(const Segment& query, int min_score, int limit) = 0;
  // One match of the highest band of `band_floors` (ascending lowest scores of the bands) that
  // some match of `query` reaches, or none if none scores band_floors[0]: all an analysis needs
  // (see LookupRequest::band_floors). By default the best match.
  virtual Result<std::vector<Match>> FindInBestBand(const Segment& query,
                                                    const std::vector<int>& band_floors) {
    return Find(query, band_floors.front(), 1);
  }
};

// Makes a MatchSource; called once per worker thread, from that thread.
using MatchSourceFactory = std::function<Result<std::unique_ptr<MatchSource>>()>;

struct FindOptions {
  int min_score = 75;
  int limit = 5;
  int threads = 0;  // 0: one per hardware thread
  // Called now and then with the number of distinct segments looked up so far, and the total.
  // Calls are serialized (never two at once) but may come from any worker thread.
  std::function<void(int64_t done, int64_t total)> on_progress;
  // When set: FindInBestBand with these band floors instead of Find (min_score and limit unused).
  std::vector<int> band_floors;
};

// The matches of every query, in the order of `queries`. Equal queries (same MatchIdentity)
// are looked up once. On the first error the remaining lookups are abandoned and it is returned.
Result<std::vector<std::vector<Match>>> FindAllMatches(const std::vector<Segment>& queries,
                                                       const MatchSourceFactory& factory,
                                                       const FindOptions& options);

// True if `match` has a target for every language in `langs` (as keyed in Match::targets).
bool HasEveryTarget(const Match& match, const std::vector<std::string>& langs);

}  // namespace hashi

#endif  // HASHI_PRETRANSLATOR_H_
