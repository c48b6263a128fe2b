// Folding of Vietnamese tone placement, for matching keys. Private to hashi_core.
//
// Vietnamese writes the same syllable with its tone mark on different vowels: old style hòa,
// thủy, hòe against new style hoà, thuỷ, hoè. Both are correct and both occur in one corpus,
// so keys put every tone on the one vowel the modern rule names.
#ifndef HASHI_CORE_SRC_VIETNAMESE_TONE_H_
#define HASHI_CORE_SRC_VIETNAMESE_TONE_H_

#include <unicode/unistr.h>

namespace hashi {

// Moves the tone mark (U+0300 U+0301 U+0303 U+0309 U+0323) of each Vietnamese syllable in
// `text` onto the vowel the modern rule chooses. A syllable is a maximal run of letters and
// their combining marks, precomposed or decomposed; runs that are not a Vietnamese syllable
// with exactly one tone mark (other letters or marks, two vowel groups, a tone on a consonant)
// are left as they are. Works on NFC, NFD or mixed text; rewritten syllables come out in
// NFC and the rest of `text` is unchanged.
void FoldVietnameseTones(icu::UnicodeString& text);

// True if `text` contains a character that may be part of a toned Vietnamese syllable (Latin
// letters with diacritics, combining diacritics). False means FoldVietnameseTones has nothing
// to do, which spares Japanese text a scan of every letter.
bool MayHaveVietnameseTone(const icu::UnicodeString& text);

}  // namespace hashi

#endif  // HASHI_CORE_SRC_VIETNAMESE_TONE_H_
