// Character-level folding for concordance: which code points fold to a given bare letter (so a
// phrase typed without diacritics can find keys written with them), and the per-character
// folding behind FindPhrase (hashi/concordance.h). Private to hashi_core. Thread-safe.
#ifndef HASHI_CORE_MATCH_PHRASE_FOLD_H_
#define HASHI_CORE_MATCH_PHRASE_FOLD_H_

#include <string>
#include <vector>

namespace hashi::match {

// Every code point that BareKey folds to `c` (a single code point), `c` itself first:
// for 'o' that is o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ and the other accented o's; for 'd' it
// includes đ. Only code points with a canonical decomposition are considered (plus đ/Đ), which
// is what BareKey strips.
std::vector<char32_t> BarePreimages(char32_t c);

// `c` case-folded, width-folded (U+FF00..U+FFEF as NFKC maps them) and decomposed (NFD); with
// `bare`, also without non-spacing marks other than U+3099/U+309A, and đ as d. Appends to `out`.
void FoldCodePoint(char32_t c, bool bare, std::u32string& out);

}  // namespace hashi::match

#endif  // HASHI_CORE_MATCH_PHRASE_FOLD_H_
