#include "match/levenshtein.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

namespace hashi::match {
namespace {

std::u32string RandomText(std::mt19937& rng, int max_length, const std::u32string& alphabet) {
  std::uniform_int_distribution<int> length(0, max_length);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::u32string out(length(rng), U' ');
  for (char32_t& c : out) c = alphabet[pick(rng)];
  return out;
}

// A copy of `text` with `edits` random substitutions, insertions and deletions.
std::u32string Mutate(std::mt19937& rng, std::u32string text, int edits,
                      const std::u32string& alphabet) {
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  for (int e = 0; e < edits; ++e) {
    const int kind = static_cast<int>(rng() % 3);
    const size_t at = text.empty() ? 0 : rng() % (text.size() + (kind == 1 ? 1 : 0));
    if (kind == 0 && !text.empty() && at < text.size()) text[at] = alphabet[pick(rng)];
    if (kind == 1) text.insert(text.begin() + std::min(at, text.size()), alphabet[pick(rng)]);
    if (kind == 2 && at < text.size()) text.erase(text.begin() + at);
  }
  return text;
}

std::string ToUtf8(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// What the store's verification calls: the UTF-8 key, decoded as the band reaches it.
int Utf8Distance(Levenshtein& lev, std::string_view text, int k) {
  return lev.DistanceUtf8(text, CodePointCount(text), k);
}

// Both entry points, code points and UTF-8, against the textbook computation.
void ExpectAgreesWithNaive(Levenshtein& lev, const std::u32string& a, const std::u32string& b,
                           int k) {
  lev.SetPattern(a);
  const int expected = NaiveLevenshtein(a, b);
  const int want = expected <= k ? expected : k + 1;
  ASSERT_EQ(lev.Distance(b, k), want)
      << "k=" << k << " d=" << expected << " |a|=" << a.size() << " |b|=" << b.size();
  ASSERT_EQ(Utf8Distance(lev, ToUtf8(b), k), want)
      << "UTF-8, k=" << k << " d=" << expected << " |a|=" << a.size() << " |b|=" << b.size();
}

TEST(Levenshtein, SmallCases) {
  Levenshtein lev;
  lev.SetPattern(U"kitten");
  EXPECT_EQ(lev.Distance(U"sitting", 10), 3);
  EXPECT_EQ(lev.Distance(U"sitting", 3), 3);
  EXPECT_EQ(lev.Distance(U"sitting", 2), 3);  // over the cut-off: k + 1
  EXPECT_EQ(lev.Distance(U"kitten", 0), 0);
  EXPECT_EQ(lev.Distance(U"", 10), 6);
  EXPECT_EQ(lev.Distance(U"", 5), 6);
  lev.SetPattern(U"");
  EXPECT_EQ(lev.Distance(U"abc", 5), 3);
  EXPECT_EQ(lev.Distance(U"", 0), 0);
}

TEST(Levenshtein, CountsCodePointsNotBytes) {
  Levenshtein lev;
  lev.SetPattern(ToCodePoints("hợp tác"));
  EXPECT_EQ(Utf8Distance(lev, "hop tac", 10), 2);
  lev.SetPattern(ToCodePoints("協力"));
  EXPECT_EQ(Utf8Distance(lev, "協定", 10), 1);
  lev.SetPattern(ToCodePoints("a\U0001F600b"));  // outside the BMP
  EXPECT_EQ(Utf8Distance(lev, "a\U0001F601b", 10), 1);
  EXPECT_EQ(Utf8Distance(lev, "a\U0001F600b", 10), 0);
}

// A truncated sequence is one code point matching nothing, on the bands of one and two words
// and on the block band (a cut-off of 128 or more); ASan checks that nothing past the end is
// read.
TEST(Levenshtein, TruncatedUtf8IsNotReadPastItsEnd) {
  Levenshtein lev;
  lev.SetPattern(U"ab");
  EXPECT_EQ(Utf8Distance(lev, std::string_view("ab\xE6\x97", 4), 5), 1);
  EXPECT_EQ(Utf8Distance(lev, std::string_view("ab\xE6\x97", 4), 70), 1);
  EXPECT_EQ(Utf8Distance(lev, std::string_view("a\xF0", 2), 70), 1);
  EXPECT_EQ(Utf8Distance(lev, std::string_view("ab\xE6\x97", 4), 200), 1);
  EXPECT_EQ(Utf8Distance(lev, std::string_view("a\xF0", 2), 200), 1);
}

// The bit-parallel, banded computation against the textbook one, on random pairs that are
// near each other (the interesting case for the band) and far apart, across block boundaries.
TEST(Levenshtein, AgreesWithNaiveOnRandomPairs) {
  std::mt19937 rng(7);
  const std::u32string alphabets[] = {U"ab", U"abcd ", U"the quick brown fox", U"日本協力定ガカ",
                                      U"aăâbcdđeêghiklmnoôơpqrstuưvxy\U0001F600"};
  Levenshtein lev;
  for (int round = 0; round < 6000; ++round) {
    const std::u32string& alphabet = alphabets[round % 5];
    const int max_length = round % 7 == 0 ? 300 : round % 3 == 0 ? 140 : 70;
    const std::u32string a = RandomText(rng, max_length, alphabet);
    const std::u32string b = round % 2 == 0 ? Mutate(rng, a, static_cast<int>(rng() % 40), alphabet)
                                            : RandomText(rng, max_length, alphabet);
    const int k = static_cast<int>(rng() % (std::max(a.size(), b.size()) + 3));
    ExpectAgreesWithNaive(lev, a, b, k);
    ExpectAgreesWithNaive(lev, b, a, k);
  }
}

// Cut-offs below 64 take the one-word band; patterns longer than a word make it slide across
// word boundaries of the pattern's match masks.
TEST(Levenshtein, NarrowBandsOverLongPatterns) {
  std::mt19937 rng(13);
  Levenshtein lev;
  const std::u32string alphabet = U"abcde fghij";
  for (int round = 0; round < 3000; ++round) {
    const std::u32string a = RandomText(rng, 260, alphabet);
    const std::u32string b = Mutate(rng, a, static_cast<int>(rng() % 50), alphabet);
    ExpectAgreesWithNaive(lev, a, b, static_cast<int>(rng() % 64));
  }
}

// Bands of 64 to 127 diagonals take two words: patterns near and far from the text, long and
// short, and texts much longer or shorter than the pattern (the band then reaches above the
// first row or below the last; ASan checks the padding of the masks covers it).
TEST(Levenshtein, TwoWordBands) {
  std::mt19937 rng(17);
  Levenshtein lev;
  const std::u32string alphabet = U"abcde fghij";
  for (int round = 0; round < 3000; ++round) {
    const std::u32string a = RandomText(rng, round % 5 == 0 ? 40 : 400, alphabet);
    std::u32string b = Mutate(rng, a, static_cast<int>(rng() % 90), alphabet);
    if (round % 4 == 1) b += RandomText(rng, 130, alphabet);
    if (round % 4 == 2) b = b.substr(0, b.size() / 3);
    ExpectAgreesWithNaive(lev, a, b, 64 + static_cast<int>(rng() % 64));
    ExpectAgreesWithNaive(lev, b, a, 64 + static_cast<int>(rng() % 64));
  }
}

TEST(Levenshtein, LongPatternsUseManyBlocks) {
  std::mt19937 rng(11);
  Levenshtein lev;
  for (int round = 0; round < 40; ++round) {
    const std::u32string a = RandomText(rng, 1200, U"abcdefgh ");
    const std::u32string b = Mutate(rng, a, static_cast<int>(rng() % 200), U"abcdefgh ");
    ExpectAgreesWithNaive(lev, a, b, static_cast<int>(rng() % 400));
  }
}

}  // namespace
}  // namespace hashi::match
