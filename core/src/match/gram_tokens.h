// The q-grams the match index is built from: bigrams of code points of a matching key, with
// the key's ends padded (so every code point, even in a one-character key, is in two bigrams),
// each numbered by its occurrence in the key ("e " the 1st time, "e " the 2nd time ...), so
// that counting shared tokens counts the multiset intersection the q-gram lemma speaks of.
// Private to hashi_core.
#ifndef HASHI_CORE_MATCH_GRAM_TOKENS_H_
#define HASHI_CORE_MATCH_GRAM_TOKENS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace hashi::match {

inline constexpr char32_t kKeyStart = 0x02;  // pads the start of a key
inline constexpr char32_t kKeyEnd = 0x03;    // pads the end of a key
// Occurrences past this one are not stored (a key of 10,000 "a" would otherwise make 10,000
// tokens); a query counts its own extra occurrences as shared with every key, which keeps the
// count an upper bound.
inline constexpr int kMaxOccurrence = 32;

// A token packed as first << 27 | second << 6 | occurrence (21 + 21 + 6 bits).
using TokenId = uint64_t;
inline TokenId MakeToken(char32_t first, char32_t second, int occurrence) {
  return (uint64_t{first} << 27) | (uint64_t{second} << 6) | static_cast<uint64_t>(occurrence);
}
inline char32_t TokenFirst(TokenId t) { return static_cast<char32_t>(t >> 27); }
inline char32_t TokenSecond(TokenId t) { return static_cast<char32_t>((t >> 6) & 0x1FFFFF); }
inline int TokenOccurrence(TokenId t) { return static_cast<int>(t & 63); }

// The two code points of a gram as UTF-8 (what the store keys postings by).
std::string GramText(char32_t first, char32_t second);
// One code point as UTF-8.
std::string CodePointText(char32_t c);
// The inverse; false if `text` is not exactly two code points.
bool ParseGram(const std::string& text, char32_t& first, char32_t& second);

// Numbers the occurrences of grams within one key. Reusable; not thread-safe.
class GramTokenizer {
 public:
  // The tokens of `key` padded with kKeyStart/kKeyEnd: |key| + 1 of them, minus the ones past
  // kMaxOccurrence, whose number is returned in `*overflow`.
  void PaddedTokens(const std::u32string& key, std::vector<TokenId>& tokens, int* overflow);
  // The tokens of a phrase without padding (|phrase| - 1 of them, capped the same way).
  void PhraseTokens(const std::u32string& phrase, std::vector<TokenId>& tokens);

 private:
  void Tokens(const char32_t* text, size_t size, std::vector<TokenId>& tokens, int* overflow);
  int Next(uint64_t gram);  // the occurrence number of this sighting of `gram`

  struct Slot {
    uint64_t gram = 0;
    uint32_t stamp = 0;
    int count = 0;
  };
  std::vector<Slot> table_;
  uint32_t stamp_ = 0;
};

}  // namespace hashi::match

#endif  // HASHI_CORE_MATCH_GRAM_TOKENS_H_
