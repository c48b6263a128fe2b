// The aligner's view of a sentence: code points with full-width forms folded, cut into tokens
// (numerals, Latin words, CJK characters, punctuation, spaces). Private to hashi_core.
#ifndef HASHI_CORE_SRC_ALIGN_TOKENS_H_
#define HASHI_CORE_SRC_ALIGN_TOKENS_H_

#include <string>
#include <string_view>
#include <vector>

namespace hashi::align {

// The code points of `utf8` with U+FF01..U+FF5E folded to ASCII (２０２５ -> 2025, ４．５％ ->
// 4.5%, ＪＥＴＲＯ -> JETRO) and U+3000 / U+00A0 to a space. Invalid bytes become U+FFFD.
std::u32string FoldWidth(std::string_view utf8);

bool IsAsciiDigit(char32_t c);
// A letter or combining mark of the Latin script (Vietnamese letters included, in NFC or NFD).
bool IsLatinLetter(char32_t c);
// Han, kana and the CJK punctuation that goes with them (a JA character for the length model).
bool IsCjk(char32_t c);
bool IsSpace(char32_t c);

enum class TokenType { kNumeral, kWord, kCjk, kPunct, kSpace };

struct Token {
  TokenType type = TokenType::kPunct;
  std::u32string_view text;  // a view of the text given to Tokenize; " " for kSpace
};

// Numerals are runs of ASCII digits with the separators . and , between digits ("218,727",
// "4.5", "46,2"); words are runs of Latin letters and digits that may hold . - @ / : _ between
// them (URLs, e-mail addresses, "N.V.T", "TP.HCM"); every CJK character and every other
// character is a token of its own; runs of white space are one kSpace token. The tokens are
// views of `text`: valid as long as it is.
std::vector<Token> Tokenize(std::u32string_view text);

// UTF-8 of `text`.
std::string ToUtf8(std::u32string_view text);
// Lower-case ASCII letters of `text`; other code points as they are.
std::u32string AsciiLower(std::u32string_view text);

}  // namespace hashi::align

#endif  // HASHI_CORE_SRC_ALIGN_TOKENS_H_
