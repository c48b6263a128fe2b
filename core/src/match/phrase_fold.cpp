#include "match/phrase_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <unordered_map>

namespace hashi::match {
namespace {

bool IsStrippedMark(UChar32 c) {
  return c >= 0x0300 && c != 0x3099 && c != 0x309A && u_charType(c) == U_NON_SPACING_MARK;
}

// The single base code point `c` decomposes to, with only strippable marks after it; or -1.
UChar32 BareBase(const icu::Normalizer2* nfd, UChar32 c) {
  if (c == 0x0111 || c == 0x0110) return U'd';
  icu::UnicodeString decomposition;
  if (!nfd->getDecomposition(c, decomposition)) return -1;
  const UChar32 base = decomposition.char32At(0);
  for (int32_t i = U16_LENGTH(base); i < decomposition.length();) {
    const UChar32 mark = decomposition.char32At(i);
    if (!IsStrippedMark(mark)) return -1;
    i += U16_LENGTH(mark);
  }
  return base == c ? -1 : base;
}

using PreimageTable = std::unordered_map<char32_t, std::vector<char32_t>>;

PreimageTable BuildTable() {
  PreimageTable table;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return table;
  for (UChar32 c = 0x80; c < 0x10000; ++c) {
    if (c >= 0xAC00 && c <= 0xD7A3) continue;  // Hangul syllables decompose into letters
    const UChar32 base = BareBase(nfd, c);
    if (base < 0) continue;
    // Case-fold the base the way keys are folded (keys are lower case).
    table[static_cast<char32_t>(u_foldCase(base, U_FOLD_CASE_DEFAULT))].push_back(
        static_cast<char32_t>(c));
  }
  return table;
}

}  // namespace

std::vector<char32_t> BarePreimages(char32_t c) {
  static const PreimageTable table = [] {
    PreimageTable t = BuildTable();
    for (auto& [base, composed] : t) composed.insert(composed.begin(), base);
    return t;
  }();
  auto it = table.find(c);
  if (it != table.end()) return it->second;
  return {c};
}

void FoldCodePoint(char32_t c, bool bare, std::u32string& out) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text(static_cast<UChar32>(c));
  if (c >= 0xFF00 && c <= 0xFFEF) {
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_SUCCESS(status)) text = nfkc->normalize(text, status);
  }
  text.foldCase(U_FOLD_CASE_DEFAULT);
  status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString decomposed = nfd->normalize(text, status);
    if (U_SUCCESS(status)) text = decomposed;
  }
  for (int32_t i = 0; i < text.length();) {
    UChar32 x = text.char32At(i);
    i += U16_LENGTH(x);
    if (bare && IsStrippedMark(x)) continue;
    if (bare && (x == 0x0111 || x == 0x0110)) x = U'd';
    out.push_back(static_cast<char32_t>(x));
  }
}

}  // namespace hashi::match
