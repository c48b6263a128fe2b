// Concordance: the units whose text in one language contains a phrase, as CONTRACT.md defines
// `concord`. What TmStore::Concord is asked and answers, and where a phrase sits in a text
// (for highlighting).
//
// How a phrase matches a text:
//   - Both are folded as matching keys are (hashi/normalizer.h MatchKey): case, width and
//     Vietnamese tone placement do not matter, white space runs count as one space.
//   - A phrase typed without diacritics (BareKey(phrase) == MatchKey(phrase), e.g. "hop tac")
//     is looked for in the texts' bare keys, so it matches "hợp tác", "hộp tắc" and "hop tac";
//     a phrase with diacritics ("hợp tác") is looked for in the texts' keys, so it matches
//     "hợp tác" written with either tone placement, and nothing else.
//   - Japanese has no word boundaries to respect: a phrase matches anywhere, from one
//     character up. Voiced kana are not their unvoiced counterparts (ガ is not カ).
//   - Everything in the phrase is text: quotes, *, OR, NEAR(, SQL are looked for literally.
//
// Order of hits: the most recently stored unit first (descending unit id); one hit per unit
// (of a unit's several variants in the language, the first that contains the phrase).
//
// Plain values and free functions: thread-safe.
#ifndef HASHI_CONCORDANCE_H_
#define HASHI_CONCORDANCE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hashi/status.h"
#include "hashi/unit.h"

namespace hashi {

struct ConcordRequest {
  std::string lang;    // BCP-47 tag of the texts to search
  std::string phrase;  // UTF-8; must not be empty once folded
  int limit = 20;      // at least 1
};

struct ConcordHit {
  int64_t unit = 0;
  std::string origin;
  std::string lang;  // the variant's canonical tag
  Segment text;      // the variant that contains the phrase
  // The unit's other variants (not in the searched language), keyed by canonical tag.
  std::map<std::string, Segment> targets;
};

// Checks a request: kUsage naming what is wrong (empty phrase, bad tag, limit < 1).
Status ValidateConcord(const ConcordRequest& request);

// A half-open range of UTF-8 byte offsets.
using ByteSpan = std::pair<size_t, size_t>;

// Where `phrase` occurs in `text` (plain text, no placeholders), folded as described above,
// as byte ranges of `text`, in order and not overlapping. Meant for highlighting, so it works
// character by character: a phrase whose tone marks sit elsewhere in the text than in the
// phrase is found by its bare letters. Empty if the phrase does not occur.
std::vector<ByteSpan> FindPhrase(std::string_view text, std::string_view phrase);

}  // namespace hashi

#endif  // HASHI_CONCORDANCE_H_
