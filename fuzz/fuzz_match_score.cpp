// The lookup score (hashi/matcher.h) and the bit-parallel Levenshtein kernel under it, against
// a plain dynamic-programming distance. Input: query and candidate separated by a 0 byte; a
// 0x01 byte in either becomes an inline code.
#include <algorithm>

#include "fuzz_util.h"
#include "hashi/matcher.h"
#include "hashi/normalizer.h"
#include "match/levenshtein.h"

namespace {

using hashi::Segment;

bool ToSegment(std::string_view bytes, Segment& segment) {
  size_t start = 0;
  for (size_t i = 0; i <= bytes.size(); ++i) {
    if (i < bytes.size() && bytes[i] != '\x01') continue;
    const std::string_view text = bytes.substr(start, i - start);
    if (!hashi::fuzz::IsPlainUtf8(text)) return false;
    segment.AppendText(text);
    if (i < bytes.size() && !segment.AppendCode({hashi::CodeKind::kPh, "<ph/>"}).ok()) return false;
    start = i + 1;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hashi;
  if (size > 4096) return 0;  // the reference distance is quadratic
  const std::string_view bytes = fuzz::Bytes(data, size);
  const size_t split = bytes.find('\0');
  if (split == std::string_view::npos) return 0;
  Segment query, candidate;
  if (!ToSegment(bytes.substr(0, split), query) || !ToSegment(bytes.substr(split + 1), candidate)) {
    return 0;
  }
  const int score = MatchScore(query, candidate);
  fuzz::Check(score >= 0 && score <= 100, "score in 0..100");
  fuzz::Check(score == MatchScore(candidate, query), "score is symmetric");
  fuzz::Check(MatchScore(query, query) == 100, "a segment scores 100 against itself");

  const std::u32string a = match::ToCodePoints(MatchKey(query.text));
  const std::u32string b = match::ToCodePoints(MatchKey(candidate.text));
  const int expected = hashi::match::NaiveLevenshtein(a, b);
  if (a != b) {
    fuzz::Check(score == ScoreFromDistance(expected, static_cast<int64_t>(a.size()),
                                           static_cast<int64_t>(b.size())),
                "score agrees with the plain distance");
  }
  match::Levenshtein kernel;
  kernel.SetPattern(a);
  const int cutoff = size == 0 ? 0 : data[size - 1] % 80;
  const int got = kernel.Distance(b, cutoff);
  if (expected <= cutoff) {
    fuzz::Check(got == expected, "kernel distance within the cut-off is exact");
  } else {
    fuzz::Check(got > cutoff, "kernel distance past the cut-off stays past it");
  }
  fuzz::Check(kernel.Distance(b, std::max<int>(a.size(), b.size())) == expected,
              "kernel distance with a full cut-off is exact");
  return 0;
}
