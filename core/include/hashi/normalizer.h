// Text normalisation: NFC for stored text and the folded *keys* used for matching.
//
// Stored text stays exactly as written, in NFC. Only keys are folded. Each folding rule is
// implemented once, here. All functions take and return UTF-8; they are thread-safe (ICU's
// normaliser singletons are immutable).
#ifndef HASHI_NORMALIZER_H_
#define HASHI_NORMALIZER_H_

#include <string>
#include <string_view>

#include "hashi/status.h"

namespace hashi {

// Checks that `utf8` is well-formed UTF-8 (no overlong forms, surrogates or values past
// U+10FFFF). Returns the byte offset where the first bad sequence starts, or npos if valid.
size_t FindInvalidUtf8(std::string_view utf8);

// The NFC form of `utf8`. REQUIRES: valid UTF-8 (else the result has U+FFFD where bytes were bad).
// Fast path: text that is already NFC (the common case) is returned unchanged without copying
// more than once.
std::string ToNfc(std::string_view utf8);

// The matching key of a text, as CONTRACT.md defines it for `lookup`:
//   NFC, then full case folding, then width folding (the full-width and half-width forms of
//   U+FF00..U+FFEF as NFKC maps them: "２０１９" = "2019", "ＡＢＣ" = "abc", "ｶﾞ" = "ガ"),
//   then Vietnamese tone placement folded to one canonical place per syllable (hoà = hòa,
//   thuý = thúy, hoè = hòe, also from NFD input), then every run of Unicode white space
//   (U+3000 included) collapsed to one U+0020 and the ends trimmed. Inline-code placeholders
//   (see unit.h) are removed. The key is NFC.
std::string MatchKey(std::string_view utf8);

// The key used by concordance for "typed without diacritics" matching: MatchKey, then every
// non-spacing mark removed (after canonical decomposition) and đ folded to d:
// "Hợp tác" -> "hop tac". The kana voicing marks U+3099/U+309A are kept, so ガ stays ガ and
// パ stays パ (they are different words from カ and ハ, not accented forms). The result is NFC.
std::string BareKey(std::string_view utf8);

// Number of Unicode code points in valid UTF-8.
size_t CodePointCount(std::string_view utf8);

}  // namespace hashi

#endif  // HASHI_NORMALIZER_H_
