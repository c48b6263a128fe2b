// Bit-parallel Levenshtein distance over code points with a cut-off: Myers (1999) as Hyyrö
// (2003) formulates it, restricted to the diagonal band that a distance <= k allows (Ukkonen).
// When the band is at most 64 diagonals wide (k < 64: every lookup at --min 70 of keys up to
// 213 code points) one machine word follows it along the diagonal, and two when it is at most
// 128 (keys up to 426 code points at --min 70, 255 at the 50 of an analysis); otherwise
// 64-row blocks are computed where they meet the band. Private to hashi_core.
#ifndef HASHI_CORE_MATCH_LEVENSHTEIN_H_
#define HASHI_CORE_MATCH_LEVENSHTEIN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match/cpu_dispatch.h"

namespace hashi::match {

// The pattern (a query's key) prepared once, then compared with many texts. Each code point of
// the pattern gets a small alphabet index; text code points outside the pattern map to 0.
// Not thread-safe (Distance uses scratch space); one per thread.
class Levenshtein {
 public:
  // Words per symbol of the padded match masks: kFrontPad zero words, the pattern's, kBackPad
  // zero words, so that a band of two words reaching above row 1 or below row m reads zeros.
  static constexpr int kFrontPad = 2;
  static constexpr int kBackPad = 4;

  Levenshtein();
  // REQUIRES: `pattern` holds code points (not UTF-8 bytes).
  void SetPattern(const std::u32string& pattern);
  int pattern_length() const { return m_; }

  // The Levenshtein distance between the pattern and `text` if it is at most `k`, else any
  // value greater than k (exactly k + 1). REQUIRES: k >= 0.
  int Distance(const std::u32string& text, int k);
  // The same for UTF-8 text of `n` code points (CodePointCount), decoded only as far as the
  // comparison gets before it gives up. A truncated sequence (never in a key the store wrote)
  // is one code point that matches nothing; nothing past the text's end is read.
  int DistanceUtf8(std::string_view text, int n, int k);

 private:
  uint16_t Symbol(char32_t c) const;
  // The symbol of the UTF-8 code point at p (< end), moving p past it. A truncated sequence
  // (never in a key the store wrote) is one code point, symbol 0, and p ends at `end`.
  HASHI_ALWAYS_INLINE uint16_t NextSymbol(const unsigned char*& p, const unsigned char* end) const {
    char32_t c = *p;
    if (c < 0x80) {
      ++p;
      return bmp_[c];
    }
    const int size = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (end - p < size) {
      p = end;
      return 0;
    }
    if (c < 0xE0) {
      c = ((c & 0x1F) << 6) | (p[1] & 0x3F);
    } else if (c < 0xF0) {
      c = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    } else {
      c = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    }
    p += size;
    return c < 0x10000 ? bmp_[c] : Symbol(c);
  }
  void LoadUtf8(std::string_view text);  // into text_ and n_
  int BandedDistance(int k);
  // `wide`: the band takes two words (64 to 127 diagonals), else one.
  int NarrowBandDistance(int k, int elo, bool wide);
  int NarrowBandDistanceUtf8(std::string_view text, int n, int k, int elo, bool wide);
  size_t Padded() const { return static_cast<size_t>(blocks_ + kFrontPad + kBackPad); }
  int BlockBandDistance(int k, int elo, int ehi);

  int m_ = 0;
  int blocks_ = 0;
  std::vector<uint16_t> bmp_;                      // code point < 0x10000 -> symbol
  std::unordered_map<char32_t, uint16_t> astral_;  // the other code points of the pattern
  std::vector<char32_t> used_bmp_;                 // entries of bmp_ to clear on SetPattern
  std::vector<uint64_t> peq_;                      // (symbols + 1) * blocks_ match masks
  std::vector<uint64_t> peq_padded_;               // the same, padded (see Padded())
  std::vector<uint16_t> text_;                     // scratch: the text as symbols
  int n_ = 0;                                      // how many of text_ are the text
  std::vector<uint64_t> pv_, mv_;                  // scratch: per-block vertical deltas
  std::vector<int> bottom_;                        // scratch: D at each block's last row
};

// Plain dynamic-programming distance, O(|a| |b|): the reference the tests compare with.
int NaiveLevenshtein(const std::u32string& a, const std::u32string& b);

// The number of code points of valid UTF-8.
int CodePointCount(std::string_view utf8);

// Decodes valid UTF-8 into code points (appending to `out`).
void AppendCodePoints(std::string_view utf8, std::u32string& out);
std::u32string ToCodePoints(std::string_view utf8);

}  // namespace hashi::match

#endif  // HASHI_CORE_MATCH_LEVENSHTEIN_H_
