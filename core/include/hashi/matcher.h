// Fuzzy matching: the score CONTRACT.md defines for `lookup`, and what TmStore::Lookup is asked
// and answers.
//
// The score of a candidate source segment for a query segment:
//   key(x)  = MatchKey(x) (hashi/normalizer.h): NFC, case, width and Vietnamese tone placement
//             folded, white space collapsed and trimmed, inline-code placeholders removed.
//   100     if the keys are equal and so are the identities (MatchIdentity below: the NFC text
//           with white space collapsed, placeholders included, and the codes' markup);
//   99      if the keys are equal but the identities differ (case, width, tone placement,
//           spacing or inline codes);
//   else    floor(100 * (1 - d / max(|kq|, |ks|))), d the Levenshtein distance between the keys
//           and |k| the length of a key, both in code points.
// Two empty keys are equal (score 100 or 99): a query that is nothing but white space and
// inline codes matches only units whose source is nothing but that too.
//
// Plain values and free functions: thread-safe.
#ifndef HASHI_MATCHER_H_
#define HASHI_MATCHER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hashi/status.h"
#include "hashi/unit.h"

namespace hashi {

// What the lookups of one job (an analysis, a pre-translation) learn from one another, shared
// through LookupRequest::memory: a query that had to compare itself with most of the TM leaves
// a pivot (its key, and the units whose keys lie near it), and a later query close to that key
// in edit distance compares itself with those units only (store/lookup_memory.h says why
// nothing is missed). Answers are exactly those without it. Thread-safe; for lookups on one TM.
class LookupMemory;
struct LookupMemoryOptions {
  // A query at a threshold of at most 60 that found no match leaves a pivot if it compared
  // itself with at least this many units (making one costs about one more pass over the TM).
  int64_t pivot_after = 20000;
};
std::shared_ptr<LookupMemory> NewLookupMemory(const LookupMemoryOptions& options = {});
// Pivots made, and queries answered from one: for tests and benchmarks.
struct LookupMemoryStats {
  int pivots = 0;
  int64_t answered = 0;
};
LookupMemoryStats StatsOf(const LookupMemory& memory);

struct LookupRequest {
  std::string from;             // BCP-47 tag of the query's language
  std::vector<std::string> to;  // tags whose variants come back as targets
  Segment query;                // text with placeholders, and its codes
  int min_score = 70;           // 0..100: matches below it are not returned
  int limit = 5;                // at least 1: at most this many matches
  // Compare the query with every unit's text (not the index). Returns exactly what the indexed
  // search returns; for checking it, and slow on a big TM.
  bool exhaustive = false;
  // Only units with a variant in every `to` language are matches (pretranslate, analyze).
  bool require_all_targets = false;
  // For an analysis, which needs only the band of the best match: the lowest score of each
  // band, ascending (e.g. 50, 75, 85, 95, 100). When set, `limit` is taken as 1 and the answer
  // is one match of the highest band any unit reaches, not necessarily the best of that band
  // (the search stops looking within a band once it has one), so it is much faster at a low
  // min_score. `exhaustive` answers the same band.
  std::vector<int> band_floors;
  // Threads one lookup may use to compare its candidates, for a big TM's hardest queries (a
  // second thread takes half of a large batch of candidates). Callers that already run
  // several lookups at once (pretranslate, serve) keep 1.
  int threads = 1;
  // Whether the units' keys a lookup reads stay in memory for the lookups after it on the same
  // store (a batch, a server). A process that makes one lookup and ends sets false: keys are
  // then compared where SQLite reads them and never copied, which on a big TM saves most of a
  // hard query's time. The answer is the same either way.
  bool keep_keys = true;
  // Shared by the lookups of one job on one TM (see LookupMemory); null: none.
  std::shared_ptr<LookupMemory> memory;
};

// One match: a unit whose variant in the `from` language resembles the query.
struct Match {
  int score = 0;            // as defined above
  int64_t unit = 0;         // the unit's id in the store
  std::string origin;       // where the unit came from (file name or --origin label)
  std::string changed;      // the unit's last change, a TMX date (it breaks ties between scores)
  std::string source_lang;  // the source variant's language tag (canonical)
  Segment source;           // the source variant: text with placeholders, and its codes
  // The unit's variants in the requested target languages, keyed by the tag as requested
  // (LookupRequest::to). A language the unit lacks has no entry; of two variants of one
  // language, the first in the unit is taken.
  std::map<std::string, Segment> targets;
};

// Order of matches: higher score first; equal scores: the more recently changed unit first
// (`changed` compared as text, which orders TMX dates), then the higher unit id (the later
// stored). Of a unit's several variants in the `from` language, the best scoring one is its
// source (the first in the unit on a tie).

// Checks the numbers and tags of a request: kUsage naming what is wrong.
Status ValidateLookup(const LookupRequest& request);

// The identity used for "100 against 99": NFC text with white space collapsed and trimmed,
// placeholders kept, followed by each code's markup.
std::string MatchIdentity(const Segment& segment);

// The score of `candidate` for `query`, as defined above.
int MatchScore(const Segment& query, const Segment& candidate);

// floor(100 * (1 - distance / max(query_length, candidate_length))) without floating point.
// REQUIRES: max(query_length, candidate_length) > 0.
int ScoreFromDistance(int64_t distance, int64_t query_length, int64_t candidate_length);

}  // namespace hashi

#endif  // HASHI_MATCHER_H_
