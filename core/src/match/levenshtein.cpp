#include "match/levenshtein.h"

#include <algorithm>
#include <cstdlib>

#include "match/cpu_dispatch.h"

namespace hashi::match {
namespace {

constexpr int kWordBits = 64;
// A band of 64 to 127 diagonals in one variable: GCC and Clang add and shift it as two words.
__extension__ typedef unsigned __int128 BandWord128;

// One column step of one 64-row block (Hyyrö's block formulation, as in edlib). `hin` is the
// horizontal delta entering at the block's top (-1, 0 or +1); returns the delta leaving at row
// `high_bit`. `d0` receives the diagonal-zero vector: bit i is set iff the cell equals its
// upper-left neighbour.
inline int StepBlock(uint64_t& pv, uint64_t& mv, uint64_t eq, int hin, int high_bit, uint64_t& d0) {
  const uint64_t hin_negative = hin < 0 ? 1 : 0;
  const uint64_t xv = eq | mv;
  eq |= hin_negative;
  const uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
  uint64_t ph = mv | ~(xh | pv);
  uint64_t mh = pv & xh;
  d0 = xh | xv;
  const int hout = static_cast<int>((ph >> high_bit) & 1) - static_cast<int>((mh >> high_bit) & 1);
  ph = (ph << 1) | (hin > 0 ? 1 : 0);
  mh = (mh << 1) | hin_negative;
  pv = mh | ~(xv | ph);
  mv = ph & xv;
  return hout;
}

// ceil(a / 2) and floor(a / 2) for any sign.
inline int CeilHalf(int a) { return a >= 0 ? (a + 1) / 2 : -((-a) / 2); }
inline int FloorHalf(int a) { return a >= 0 ? a / 2 : -((-a + 1) / 2); }

}  // namespace

Levenshtein::Levenshtein() : bmp_(0x10000, 0) {}

uint16_t Levenshtein::Symbol(char32_t c) const {
  if (c < 0x10000) return bmp_[c];
  auto it = astral_.find(c);
  return it == astral_.end() ? 0 : it->second;
}

void Levenshtein::SetPattern(const std::u32string& pattern) {
  for (char32_t c : used_bmp_) bmp_[c] = 0;
  used_bmp_.clear();
  astral_.clear();
  m_ = static_cast<int>(pattern.size());
  blocks_ = (m_ + kWordBits - 1) / kWordBits;
  uint16_t symbols = 0;
  for (char32_t c : pattern) {
    if (Symbol(c) != 0) continue;
    // A pattern has at most as many distinct symbols as code points; 65535 of them would need
    // a pattern longer than anything a TM holds, and later ones then share the last symbol.
    if (symbols < 0xFFFF) ++symbols;
    if (c < 0x10000) {
      bmp_[c] = symbols;
      used_bmp_.push_back(c);
    } else {
      astral_[c] = symbols;
    }
  }
  peq_.assign((static_cast<size_t>(symbols) + 1) * blocks_, 0);
  for (int i = 0; i < m_; ++i) {
    peq_[static_cast<size_t>(Symbol(pattern[i])) * blocks_ + i / kWordBits] |= uint64_t{1}
                                                                               << (i % kWordBits);
  }
  const size_t padded = Padded();
  peq_padded_.assign((static_cast<size_t>(symbols) + 1) * padded, 0);
  for (size_t symbol = 0; symbol <= symbols; ++symbol) {
    for (int b = 0; b < blocks_; ++b) {
      peq_padded_[symbol * padded + kFrontPad + b] = peq_[symbol * blocks_ + b];
    }
  }
  pv_.assign(blocks_, 0);
  mv_.assign(blocks_, 0);
  bottom_.assign(blocks_, 0);
}

int Levenshtein::Distance(const std::u32string& text, int k) {
  if (text_.size() < text.size()) text_.resize(text.size());
  n_ = static_cast<int>(text.size());
  for (int i = 0; i < n_; ++i) text_[i] = Symbol(text[i]);
  return BandedDistance(k);
}

// Writes into a buffer sized once (at most one symbol per byte) rather than pushing back:
// verification decodes every candidate's key, and most keys are ASCII.
HASHI_CPU_DISPATCH void Levenshtein::LoadUtf8(std::string_view text) {
  if (text_.size() < text.size()) text_.resize(text.size());
  uint16_t* out = text_.data();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) *out++ = NextSymbol(p, end);
  n_ = static_cast<int>(out - text_.data());
}

// Only cells on a diagonal e = i - j that a path of cost <= k from (0,0) to (m,n) can use are
// computed: |e| + |e - (m - n)| <= k. Blocks that leave the band above are dropped (their
// neighbour below then gets the pessimistic input +1); blocks entering it below start with
// pessimistic values. Either way computed values are never below the true ones, and exact for
// every cell whose true value is <= k. The cell on the final diagonal is followed column by
// column: values never decrease along a diagonal, so once it exceeds k, so does the distance.
int Levenshtein::BandedDistance(int k) {
  const int n = n_;
  const int delta = m_ - n;
  if (std::abs(delta) > k) return k + 1;
  if (m_ == 0 || n == 0) return std::abs(delta);
  const int elo = CeilHalf(delta - k);
  const int ehi = FloorHalf(delta + k);
  if (ehi - elo < 2 * kWordBits) return NarrowBandDistance(k, elo, ehi - elo >= kWordBits);
  return BlockBandDistance(k, elo, ehi);
}

// The pattern's match bits for the band's rows, bit b for the row of padded bit offset + b:
// a word, or two (a band of 64 to 127 diagonals), taken across the words of the padded masks.
template <typename Word>
HASHI_ALWAYS_INLINE Word BandMatches(const uint64_t* words, int shift);
template <>
HASHI_ALWAYS_INLINE uint64_t BandMatches<uint64_t>(const uint64_t* words, int shift) {
  return shift == 0 ? words[0] : (words[0] >> shift) | (words[1] << (kWordBits - shift));
}
template <>
HASHI_ALWAYS_INLINE BandWord128 BandMatches<BandWord128>(const uint64_t* words, int shift) {
  // (w << 1) << (63 - shift) is w << (64 - shift), and 0 when shift is 0, without a branch.
  const uint64_t low = (words[0] >> shift) | ((words[1] << 1) << (63 - shift));
  const uint64_t high = (words[1] >> shift) | ((words[2] << 1) << (63 - shift));
  return (BandWord128{high} << kWordBits) | low;
}

// One word (of 64 or 128 bits) follows the band down the diagonal (Hyyrö 2003): bit b of
// column j stands for row j + elo + b, so each column the vectors move up one bit, the row
// leaving at the top is dropped and the row entering at the bottom starts pessimistic (+1 from
// the row above). Rows above row 1 stay inert (no match, no change) and hand +1 down, as row 0
// does. The word may cover rows past the band's bottom: computing more cells is harmless.
// `next_symbol()` gives the text's symbols in order, n of them.
template <typename Word, typename NextSymbol>
HASHI_ALWAYS_INLINE int NarrowBand(const uint64_t* peq_padded, size_t padded, int m, int n, int k,
                                   int elo, NextSymbol next_symbol) {
  constexpr int kBits = static_cast<int>(sizeof(Word)) * 8;
  const int delta = m - n;
  Word vp = -elo >= kBits ? Word{0} : ~Word{0} << -elo;  // column 0: D[i][0] = i
  Word vn = 0;
  const Word diagonal_bit = Word{1} << (delta - elo);  // where the final diagonal runs
  int diagonal = std::abs(delta);
  for (int j = 1; j <= n; ++j) {
    // Row j + elo + b is pattern position j + elo + b - 1, padded bit offset + b.
    const int offset = j + elo - 1 + Levenshtein::kFrontPad * kWordBits;
    const Word eq =
        BandMatches<Word>(&peq_padded[next_symbol() * padded + (offset >> 6)], offset & 63);
    const Word x = eq | vn;
    const Word d0 = (((x & vp) + vp) ^ vp) | x;
    const Word hp = vn | ~(d0 | vp);
    const Word hn = vp & d0;
    const Word hp_in = (hp << 1) | 1;
    const Word hn_in = hn << 1;
    if (j + delta >= 1) {
      diagonal += (d0 & diagonal_bit) == 0 ? 1 : 0;
      if (diagonal > k) return k + 1;
    }
    vp = ((hn_in | ~(d0 | hp_in)) >> 1) | (Word{1} << (kBits - 1));
    vn = (d0 & hp_in) >> 1;
  }
  return diagonal;
}

HASHI_CPU_DISPATCH int Levenshtein::NarrowBandDistance(int k, int elo, bool wide) {
  const uint16_t* text = text_.data();
  auto next = [&] { return *text++; };
  return wide ? NarrowBand<BandWord128>(peq_padded_.data(), Padded(), m_, n_, k, elo, next)
              : NarrowBand<uint64_t>(peq_padded_.data(), Padded(), m_, n_, k, elo, next);
}

// The same, decoding the UTF-8 text as the band reaches it: most candidates of a lookup are
// given up a third of the way along, so decoding the whole key first was wasted work.
HASHI_CPU_DISPATCH int Levenshtein::NarrowBandDistanceUtf8(std::string_view text, int n, int k,
                                                           int elo, bool wide) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  auto next = [&]() -> uint16_t { return p < end ? NextSymbol(p, end) : 0; };
  return wide ? NarrowBand<BandWord128>(peq_padded_.data(), Padded(), m_, n, k, elo, next)
              : NarrowBand<uint64_t>(peq_padded_.data(), Padded(), m_, n, k, elo, next);
}

int Levenshtein::DistanceUtf8(std::string_view text, int n, int k) {
  const int delta = m_ - n;
  if (std::abs(delta) > k) return k + 1;
  if (m_ == 0 || n == 0) return std::abs(delta);
  const int elo = CeilHalf(delta - k);
  const int ehi = FloorHalf(delta + k);
  if (ehi - elo < 2 * kWordBits)
    return NarrowBandDistanceUtf8(text, n, k, elo, ehi - elo >= kWordBits);
  LoadUtf8(text);
  return BlockBandDistance(k, elo, ehi);
}

HASHI_CPU_DISPATCH int CodePointCount(std::string_view utf8) {
  int count = 0;
  for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

HASHI_CPU_DISPATCH int Levenshtein::BlockBandDistance(int k, int elo, int ehi) {
  const int n = n_;
  const int m = m_;
  const int delta = m - n;
  const int last_high_bit = (m - 1) % kWordBits;
  int diagonal = std::abs(delta);
  int first = 0;
  int last = -1;
  for (int j = 1; j <= n; ++j) {
    const int rlo = std::max(1, j + elo);
    const int rhi = std::min(m, j + ehi);
    const int new_last = (rhi - 1) / kWordBits;
    while (last < new_last) {
      ++last;
      const int rows = last == blocks_ - 1 ? m - kWordBits * last : kWordBits;
      pv_[last] = ~uint64_t{0};
      mv_[last] = 0;
      bottom_[last] = (last == 0 ? 0 : bottom_[last - 1]) + rows;
    }
    first = std::max(first, (rlo - 1) / kWordBits);
    const uint64_t* eq = &peq_[static_cast<size_t>(text_[j - 1]) * blocks_];
    const int row = j + delta;  // the final diagonal's cell in this column
    const int row_block = row >= 1 ? (row - 1) / kWordBits : -1;
    int hin = 1;
    uint64_t d0 = 0;
    for (int b = first; b <= last; ++b) {
      const int high_bit = b == blocks_ - 1 ? last_high_bit : kWordBits - 1;
      uint64_t block_d0;
      hin = StepBlock(pv_[b], mv_[b], eq[b], hin, high_bit, block_d0);
      bottom_[b] += hin;
      if (b == row_block) d0 = block_d0;
    }
    if (row >= 1) {
      diagonal += static_cast<int>(((d0 >> ((row - 1) % kWordBits)) & 1) ^ 1);
      if (diagonal > k) return k + 1;
    }
  }
  return diagonal;
}

int NaiveLevenshtein(const std::u32string& a, const std::u32string& b) {
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

void AppendCodePoints(std::string_view utf8, std::u32string& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  while (p < end) {
    char32_t c = *p;
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    c &= extra == 0 ? 0x7F : extra == 1 ? 0x1F : extra == 2 ? 0x0F : 0x07;
    ++p;
    for (int i = 0; i < extra && p < end; ++i, ++p) c = (c << 6) | (*p & 0x3F);
    out.push_back(c);
  }
}

std::u32string ToCodePoints(std::string_view utf8) {
  std::u32string out;
  AppendCodePoints(utf8, out);
  return out;
}

}  // namespace hashi::match
