// Sentence alignment of the language versions of one document (a press release in EN, VI, JA)
// into multilingual units: a unit is one row across the versions, holding for each version a run
// of consecutive sentences (possibly none), with a confidence.
//
// How it aligns (details in core/src/align/):
//  - Dynamic programming over *links* 1-1, 1-2, 2-1, 1-0, 0-1, 2-2, 1-3, 3-1 in a band around the
//    diagonal (which runs through the anchors found once in each version, and between them
//    follows the cumulative lengths; the band widens itself when the best path runs along its
//    edge), so memory grows linearly with the document.
//  - Cost of a link: a prior per link type, a length model (ratio and variance estimated per
//    document from its confident 1-1 links, with a prior per script pair) and lexical anchors
//    (numbers across conventions, dates, times, acronyms, URLs, names with Vietnamese diacritics
//    folded, quotes, list markers), each weighted by how rare it is in the document.
//  - Paragraphs first: where every version has paragraphs, they are aligned first and the
//    sentences of confidently aligned paragraph groups are aligned inside them; where paragraphs
//    disagree, the sentences of the whole stretch between confident paragraph links are aligned
//    together.
//  - More than two versions: the first two are aligned, then each further version is aligned
//    against the units so far, scored against every version already in them, so the units are
//    consistent across all pairs (a sentence only two later versions share becomes a unit whose
//    first version is empty). Put the most reliable pivot first (EN, then VI, then JA).
//  - Confidence: the posterior probability of the link under the model (forward-backward over
//    the band), the lowest over the steps that built the unit.
//
// Thread safety: Align() is reentrant (no shared state); call it from any number of threads.
#ifndef HASHI_ALIGNER_H_
#define HASHI_ALIGNER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hashi/language_tag.h"
#include "hashi/status.h"

namespace hashi {

// One language version of the document.
struct AlignerInput {
  LanguageTag lang;                    // decides number conventions and the length prior
  std::vector<std::string> sentences;  // UTF-8, NFC (see ToNfc); none empty
  // Paragraph number of each sentence (same size as `sentences`, non-decreasing), or empty when
  // the paragraphs are not known (then the document is one paragraph).
  std::vector<int> paragraphs;
};

struct AlignerOptions {
  // Align paragraphs first when every version has more than one paragraph.
  bool use_paragraphs = true;
  // Upper bound on the DP band's cells (rows x band width); the band stops widening there.
  // A cell costs 5 bytes (plus 32 while the band has under 2^20 cells, for cached link costs),
  // so the default bounds the DP's memory to about 160 MB whatever the input.
  size_t max_band_cells = size_t{32} << 20;
};

// Sentences [begin, end) of one version; begin == end means the version has none in the unit.
struct SentenceRange {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return begin == end; }
  size_t size() const { return end - begin; }
  bool operator==(const SentenceRange&) const = default;
};

struct AlignedUnit {
  std::vector<SentenceRange> ranges;  // one per input, in the order of the inputs
  double confidence = 0;              // 0..1
};

struct Alignment {
  // In document order; together they cover every sentence of every input exactly once.
  std::vector<AlignedUnit> units;
};

// Aligns 2 or more versions. Errors (kInvalidInput): fewer than two inputs, two inputs with the
// same primary language, an input without sentences, paragraph numbers of the wrong size or
// decreasing. Very unequal versions are aligned anyway: what has no counterpart comes out as
// units with empty ranges (and low confidence where the model is unsure).
Result<Alignment> Align(const std::vector<AlignerInput>& inputs,
                        const AlignerOptions& options = {});

// The text of `range` of `sentences`: the sentences joined by one space ("" for an empty range).
std::string JoinSentences(const std::vector<std::string>& sentences, SentenceRange range);

// The language a text is written in, judged by its script alone: "ja" (kana or kanji),
// "vi" (Latin with Vietnamese letters such as ơ ư đ ă or stacked tone marks), "en" (other
// Latin), or "" when there are too few letters to tell. Used to catch two files of the same
// language given as different versions.
std::string GuessLanguageByScript(std::string_view utf8);

}  // namespace hashi

#endif  // HASHI_ALIGNER_H_
