// What the aligner knows about each sentence of a version: its length (in length units) and its
// anchors (as ids shared by all versions of the document). Private to hashi_core.
#ifndef HASHI_CORE_SRC_ALIGN_FEATURES_H_
#define HASHI_CORE_SRC_ALIGN_FEATURES_H_

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "align/anchors.h"
#include "hashi/aligner.h"

namespace hashi::align {

// Interns anchor keys: the same key in any version gets the same id. Not thread-safe.
class AnchorIndex {
 public:
  uint32_t Intern(const std::string& key, AnchorKind kind);
  AnchorKind kind(uint32_t id) const { return kinds_[id]; }
  size_t size() const { return kinds_.size(); }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<AnchorKind> kinds_;
};

// An anchor occurrence: its id, with the top bit set when it is an alternative reading.
inline constexpr uint32_t kAlternativeBit = 0x80000000u;
inline uint32_t AnchorId(uint32_t occurrence) { return occurrence & ~kAlternativeBit; }
inline bool IsAlternative(uint32_t occurrence) { return (occurrence & kAlternativeBit) != 0; }

// One version. Length units: one per code point, one per run of white space, and for JA
// characters what they are worth in EN characters (features.cpp: kanji 4, katakana 1.5,
// hiragana 1), so that a sentence and its translation have about as many units.
class VersionFeatures {
 public:
  VersionFeatures(const AlignerInput& input, AnchorIndex& index);

  size_t size() const { return prefix_.size() - 1; }
  double Length(SentenceRange r) const { return prefix_[r.end] - prefix_[r.begin]; }
  double TotalLength() const { return prefix_.back(); }
  // The anchor occurrences of one sentence, sorted by id.
  std::span<const uint32_t> Anchors(size_t sentence) const {
    return {anchors_.data() + offsets_[sentence], anchors_.data() + offsets_[sentence + 1]};
  }
  // Paragraph ranges in order (one covering everything when the input gave none).
  const std::vector<SentenceRange>& paragraphs() const { return paragraphs_; }
  // True when most of the text is CJK (the length prior depends on it).
  bool cjk() const { return cjk_; }
  const LanguageTag& lang() const { return lang_; }

 private:
  LanguageTag lang_;
  std::vector<double> prefix_;     // prefix_[i]: length of sentences [0, i)
  std::vector<uint32_t> offsets_;  // anchors of sentence i: [offsets_[i], offsets_[i + 1])
  std::vector<uint32_t> anchors_;
  std::vector<SentenceRange> paragraphs_;
  bool cjk_ = false;
};

// Length units of one sentence, and how many of its code points are CJK.
struct SentenceLength {
  double units = 0;
  size_t cjk = 0;
  size_t code_points = 0;
};
SentenceLength MeasureSentence(std::string_view utf8);

}  // namespace hashi::align

#endif  // HASHI_CORE_SRC_ALIGN_FEATURES_H_
