// Boundary precision, recall and F1 of a sentence segmentation against gold sentences.
// Header-only so that any test binary can score (the alignment tests may reuse it).
//
// A boundary is a position between two sentences, counted in the text with all white space
// removed, so sentences may differ in spacing (a joined line break, trimming). Where the two
// texts differ (boilerplate the cleaner left, or removed too much), they are aligned
// character by character (common prefix and suffix, then an LCS of the middle), and a boundary
// counts as found only where both its neighbouring characters align with the gold ones.
// Both sides must be NFC (or the same normal form).
#ifndef HASHI_TESTS_CORE_BOUNDARY_F1_H_
#define HASHI_TESTS_CORE_BOUNDARY_F1_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace hashi::testing {

struct BoundaryCounts {
  int64_t true_positives = 0;
  int64_t false_positives = 0;
  int64_t false_negatives = 0;

  void Add(const BoundaryCounts& other) {
    true_positives += other.true_positives;
    false_positives += other.false_positives;
    false_negatives += other.false_negatives;
  }
  double Precision() const {
    const int64_t found = true_positives + false_positives;
    return found == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(found);
  }
  double Recall() const {
    const int64_t gold = true_positives + false_negatives;
    return gold == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(gold);
  }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

namespace boundary_internal {

// Code points of `utf8` without white space (ASCII, no-break, ideographic, zero-width).
inline std::u32string Compact(const std::string& utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : b & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + k < utf8.size(); ++k) c = c << 6 | (utf8[i + k] & 0x3F);
    i += n;
    const bool space = c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x3000 ||
                       (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0xFEFF;
    if (!space) out.push_back(c);
  }
  return out;
}

// The compact text of `sentences` and the boundaries between them (offsets into it).
inline std::u32string Join(const std::vector<std::string>& sentences, std::set<size_t>& cuts) {
  std::u32string text;
  for (size_t i = 0; i < sentences.size(); ++i) {
    text += Compact(sentences[i]);
    if (i + 1 < sentences.size()) cuts.insert(text.size());
  }
  cuts.erase(0);
  cuts.erase(text.size());
  return text;
}

// For each position of `system`, the aligned position in `gold`, or -1.
inline std::vector<int64_t> Align(const std::u32string& gold, const std::u32string& system) {
  std::vector<int64_t> map(system.size(), -1);
  size_t prefix = 0;
  while (prefix < gold.size() && prefix < system.size() && gold[prefix] == system[prefix]) {
    map[prefix] = static_cast<int64_t>(prefix);
    ++prefix;
  }
  size_t suffix = 0;
  while (suffix < gold.size() - prefix && suffix < system.size() - prefix &&
         gold[gold.size() - 1 - suffix] == system[system.size() - 1 - suffix]) {
    map[system.size() - 1 - suffix] = static_cast<int64_t>(gold.size() - 1 - suffix);
    ++suffix;
  }
  const size_t g = gold.size() - prefix - suffix, s = system.size() - prefix - suffix;
  if (g == 0 || s == 0 || g * s > 4'000'000) return map;  // nothing, or too much, to align
  std::vector<std::vector<uint32_t>> lcs(g + 1, std::vector<uint32_t>(s + 1, 0));
  for (size_t i = g; i-- > 0;) {
    for (size_t j = s; j-- > 0;) {
      lcs[i][j] = gold[prefix + i] == system[prefix + j] ? lcs[i + 1][j + 1] + 1
                                                         : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  for (size_t i = 0, j = 0; i < g && j < s;) {
    if (gold[prefix + i] == system[prefix + j]) {
      map[prefix + j] = static_cast<int64_t>(prefix + i);
      ++i, ++j;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return map;
}

}  // namespace boundary_internal

inline BoundaryCounts ScoreBoundaries(const std::vector<std::string>& gold,
                                      const std::vector<std::string>& system) {
  std::set<size_t> gold_cuts, system_cuts;
  const std::u32string gold_text = boundary_internal::Join(gold, gold_cuts);
  const std::u32string system_text = boundary_internal::Join(system, system_cuts);
  const std::vector<int64_t> map = boundary_internal::Align(gold_text, system_text);
  BoundaryCounts counts;
  for (size_t cut : system_cuts) {
    const int64_t left = map[cut - 1], right = map[cut];
    const bool found =
        left >= 0 && right == left + 1 && gold_cuts.count(static_cast<size_t>(right));
    ++(found ? counts.true_positives : counts.false_positives);
  }
  counts.false_negatives = static_cast<int64_t>(gold_cuts.size()) - counts.true_positives;
  return counts;
}

}  // namespace hashi::testing

#endif  // HASHI_TESTS_CORE_BOUNDARY_F1_H_
