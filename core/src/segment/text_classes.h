// Character classes the segmenter scans for, on UTF-16 code units. Private to hashi_core.
// Only BMP characters are listed: every punctuation mark that matters here is in the BMP, and
// a surrogate is simply "none of these".
#ifndef HASHI_CORE_SRC_SEGMENT_TEXT_CLASSES_H_
#define HASHI_CORE_SRC_SEGMENT_TEXT_CLASSES_H_

#include <unicode/uchar.h>

#include <cstdint>
#include <string_view>

namespace hashi::segment {

// Sentence-final punctuation: where a candidate break starts. The ellipsis is here although
// ICU does not end sentences at it: the SRX rules decide whether it ends one.
inline constexpr std::u16string_view kTerminals = u".!?‥…‼⁇⁈⁉。！．？｡؟۔।॥";
// Closing quotes and brackets that belong to the sentence they follow (`.”` `。」` `.)`).
inline constexpr std::u16string_view kClosers = u")]}\"'’”»›）］｝＂＇｣〉》」』】〕〗〙〛〞〟";
// Opening brackets and quotes, and the closer each waits for (same positions). Straight quotes
// pair with themselves and are handled by position (see ParagraphBreaker::Scan).
inline constexpr std::u16string_view kOpeners = u"([{“«（［｛｢〈《「『【〔〖〝";
inline constexpr std::u16string_view kPartners = u")]}”»）］｝｣〉》」』】〕〗〟";

inline bool IsTerminal(char16_t c) { return kTerminals.find(c) != std::u16string_view::npos; }
inline bool IsCloser(char16_t c) { return kClosers.find(c) != std::u16string_view::npos; }

// The closing partner of an opening bracket or quote, or 0.
inline char16_t ClosingPartner(char16_t c) {
  const size_t i = kOpeners.find(c);
  return i == std::u16string_view::npos ? 0 : kPartners[i];
}

// The line terminators of ICU regexes in MULTILINE mode (where ^ and $ match).
inline bool IsLineTerminator(char16_t c) {
  return (c >= u'\n' && c <= u'\r') || c == 0x0085 || c == 0x2028 || c == 0x2029;
}

// White space a sentence is trimmed of: Unicode White_Space (no-break and ideographic spaces
// included) and the invisible ZERO WIDTH SPACE and BOM web pages leave behind.
inline bool IsSpace(char16_t c) {
  if (c < 0x80) return c == u' ' || (c >= u'\t' && c <= u'\r');
  return c == 0x200B || c == 0xFEFF || u_isUWhiteSpace(c);
}

inline bool IsHiragana(UChar32 c) { return c >= 0x3041 && c <= 0x309F; }

// ICU's sentence-break class of `c` (U_SB_CLOSE, U_SB_LOWER, ...).
inline int SentenceClass(UChar32 c) { return u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK); }

// The classes above as bits of one table lookup, for the single scan over a paragraph.
enum CharFlag : uint8_t {
  kTerminalFlag = 1,
  kCloserFlag = 2,
  kOpenerFlag = 4,  // ClosingPartner() != 0
  kLineEndFlag = 8,
  kStraightQuoteFlag = 16,
};

// Flags of every BMP code unit (64 KiB, built once from the lists above).
inline const uint8_t* CharFlags() {
  static const uint8_t* const table = [] {
    static uint8_t flags[0x10000] = {};
    for (char16_t c : kTerminals) flags[c] |= kTerminalFlag;
    for (char16_t c : kClosers) flags[c] |= kCloserFlag;
    for (char16_t c : kOpeners) flags[c] |= kOpenerFlag;
    for (char16_t c : {u'\n', u'\v', u'\f', u'\r', u'\u0085', u'\u2028', u'\u2029'}) {
      flags[c] |= kLineEndFlag;
    }
    flags[u'"'] |= kStraightQuoteFlag;
    flags[0xFF02] |= kStraightQuoteFlag;
    return flags;
  }();
  return table;
}

}  // namespace hashi::segment

#endif  // HASHI_CORE_SRC_SEGMENT_TEXT_CLASSES_H_
