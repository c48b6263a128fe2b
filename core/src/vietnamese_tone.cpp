#include "vietnamese_tone.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <array>
#include <vector>

namespace hashi {
namespace {

constexpr UChar32 kBreve = 0x0306;
constexpr UChar32 kCircumflex = 0x0302;
constexpr UChar32 kHorn = 0x031B;

bool IsToneMark(UChar32 c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

// The lower-case base if `c` is a letter of the Vietnamese alphabet as NFD leaves it (ă, â,
// ê, ô, ơ, ư are a base plus a shape mark; đ has no decomposition), else 0. f, j, w and z
// are not Vietnamese, so "café" or "jété" are never taken for a syllable.
UChar32 VietnameseBase(UChar32 c) {
  if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
  if (c == 0x0110) return 0x0111;  // Đ
  if (c == 0x0111) return c;
  if (c < 'a' || c > 'z' || c == 'f' || c == 'j' || c == 'w' || c == 'z') return 0;
  return c;
}

bool IsVowel(UChar32 base) {
  return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
}

bool ShapeFits(UChar32 base, UChar32 mark) {
  switch (mark) {
    case kBreve:
      return base == 'a';
    case kCircumflex:
      return base == 'a' || base == 'e' || base == 'o';
    case kHorn:
      return base == 'o' || base == 'u';
    default:
      return false;
  }
}

// ASCII answers first: u_charType is the main cost of this file on Vietnamese text.
bool IsMark(UChar32 c) { return c >= 0x0300 && (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

bool IsRunChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

// Canonical decompositions of the precomposed Latin letters Vietnamese uses, so that NFC text
// can be read without normalising all of it to NFD first (that round trip was most of the
// cost of a Vietnamese key). An entry with base 0 is a letter that is not base + 1-2 marks.
struct Decomposition {
  UChar32 base = 0;
  UChar32 marks[2] = {0, 0};
};
constexpr UChar32 kLatinFirst = 0x00C0;  // Latin-1 to Latin Extended-B (ơ ư are U+01A1 U+01B0)
constexpr UChar32 kLatinLast = 0x01B0;
constexpr UChar32 kExtendedFirst = 0x1EA0;  // Latin Extended Additional: ạ .. ỹ
constexpr UChar32 kExtendedLast = 0x1EF9;
constexpr int kTableSize = (kLatinLast - kLatinFirst + 1) + (kExtendedLast - kExtendedFirst + 1);

int TableIndex(UChar32 c) {
  if (c >= kLatinFirst && c <= kLatinLast) return c - kLatinFirst;
  if (c >= kExtendedFirst && c <= kExtendedLast) {
    return (kLatinLast - kLatinFirst + 1) + (c - kExtendedFirst);
  }
  return -1;
}

struct Normalizers {
  const icu::Normalizer2* nfc = nullptr;
  std::array<Decomposition, kTableSize> table;
};

// Built once. If ICU's data cannot be loaded, the table stays empty and nfc null: then no
// precomposed letter is recognised and only already-decomposed text is folded.
const Normalizers& GetNormalizers() {
  static const Normalizers normalizers = [] {
    Normalizers n;
    UErrorCode status = U_ZERO_ERROR;
    n.nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) n.nfc = nullptr;
    status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return n;
    for (UChar32 c = 0; c <= kExtendedLast; ++c) {
      const int index = TableIndex(c);
      icu::UnicodeString d;
      if (index < 0 || !nfd->getDecomposition(c, d) || d.length() < 2 || d.length() > 3 ||
          d.charAt(0) >= 0x80) {
        continue;
      }
      n.table[index].base = d.charAt(0);
      for (int32_t k = 1; k < d.length(); ++k) n.table[index].marks[k - 1] = d.charAt(k);
    }
    return n;
  }();
  return normalizers;
}

struct Letter {
  UChar32 base = 0;   // as written (case kept)
  UChar32 lower = 0;  // lower-case base
  UChar32 shape = 0;  // breve, circumflex, horn or 0
  bool vowel = false;
};

struct Syllable {
  std::vector<Letter> letters;
  UChar32 tone = 0;
  int tone_letter = -1;  // index into letters
};

bool AddMark(UChar32 mark, Syllable& syllable) {
  if (syllable.letters.empty()) return false;
  Letter& letter = syllable.letters.back();
  if (IsToneMark(mark)) {
    if (syllable.tone != 0 || !letter.vowel) return false;
    syllable.tone = mark;
    syllable.tone_letter = static_cast<int>(syllable.letters.size()) - 1;
    return true;
  }
  if (letter.shape != 0 || !ShapeFits(letter.lower, mark)) return false;
  letter.shape = mark;
  return true;
}

// Reads the run [begin, end) of letters and marks, precomposed or not. False unless it is
// made of Vietnamese letters with shape marks where they belong and exactly one tone mark,
// on a vowel.
bool ReadSyllable(const char16_t* s, int32_t begin, int32_t end, Syllable& out) {
  const Normalizers& normalizers = GetNormalizers();
  out.letters.clear();
  out.tone = 0;
  out.tone_letter = -1;
  for (int32_t i = begin; i < end;) {
    UChar32 c;
    U16_NEXT(s, i, end, c);
    if (IsMark(c)) {
      if (!AddMark(c, out)) return false;
      continue;
    }
    Decomposition d;
    const int index = TableIndex(c);
    if (index >= 0) {
      d = normalizers.table[index];
    } else {
      d.base = c;
    }
    const UChar32 lower = VietnameseBase(d.base);
    if (lower == 0) return false;
    out.letters.push_back({d.base, lower, 0, IsVowel(lower)});
    for (UChar32 mark : d.marks) {
      if (mark != 0 && !AddMark(mark, out)) return false;
    }
  }
  return out.tone != 0;
}

// The letter the modern rule puts the tone on, or -1 if the letters do not have the shape
// of a syllable (consonants, one group of vowels, consonants).
int ToneTarget(const std::vector<Letter>& letters) {
  const int n = static_cast<int>(letters.size());
  int first = 0;
  while (first < n && !letters[first].vowel) ++first;
  if (first == n) return -1;
  int last = first;
  while (last + 1 < n && letters[last + 1].vowel) ++last;
  for (int k = last + 1; k < n; ++k) {
    if (letters[k].vowel) return -1;
  }
  // The u of "qu" and the i of "gi" (before another vowel) belong to the initial consonant.
  if (last > first && first > 0) {
    const UChar32 vowel = letters[first].lower;
    const UChar32 before = letters[first - 1].lower;
    if ((vowel == 'u' && before == 'q') || (vowel == 'i' && before == 'g')) ++first;
  }
  int shaped = -1;  // the last one: ươ takes the tone on ơ
  for (int k = first; k <= last; ++k) {
    if (letters[k].shape != 0) shaped = k;
  }
  if (shaped >= 0) return shaped;
  if (first == last) return first;
  if (last + 1 < n) return last;  // a final consonant follows
  if (last - first == 1) {
    const UChar32 a = letters[first].lower;
    const UChar32 b = letters[last].lower;
    const bool second = (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
    return second ? last : first;
  }
  if (last - first == 2) return first + 1;
  return -1;
}

// Appends the syllable in NFC with its tone on letter `target`.
void AppendRetoned(const Syllable& syllable, int target, icu::UnicodeString& out) {
  icu::UnicodeString decomposed;
  for (int k = 0; k < static_cast<int>(syllable.letters.size()); ++k) {
    const Letter& letter = syllable.letters[k];
    decomposed.append(letter.base);
    if (letter.shape != 0) decomposed.append(letter.shape);
    if (k == target) decomposed.append(syllable.tone);  // NFC puts a dot below before â's ^
  }
  const icu::Normalizer2* nfc = GetNormalizers().nfc;
  if (nfc != nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString composed = nfc->normalize(decomposed, status);
    if (U_SUCCESS(status)) {
      out.append(composed);
      return;
    }
  }
  out.append(decomposed);
}

}  // namespace

void FoldVietnameseTones(icu::UnicodeString& text) {
  const int32_t n = text.length();
  const char16_t* s = text.getBuffer();
  icu::UnicodeString out;
  int32_t copied = 0;  // text[0, copied) is already in `out`
  Syllable syllable;
  for (int32_t i = 0; i < n;) {
    const int32_t begin = i;
    UChar32 c;
    U16_NEXT(s, i, n, c);
    if (!IsRunChar(c)) continue;
    bool ascii = c < 0x80;  // an ASCII-only run has no tone mark to move
    int32_t end = i;
    while (end < n) {
      int32_t next = end;
      U16_NEXT(s, next, n, c);
      if (!IsRunChar(c)) break;
      ascii = ascii && c < 0x80;
      end = next;
    }
    i = end;
    if (ascii || !ReadSyllable(s, begin, end, syllable)) continue;
    const int target = ToneTarget(syllable.letters);
    if (target < 0 || target == syllable.tone_letter) continue;
    out.append(text, copied, begin - copied);
    AppendRetoned(syllable, target, out);
    copied = end;
  }
  if (copied == 0) return;  // nothing moved (a changed run always ends after index 0)
  out.append(text, copied, n - copied);
  text = std::move(out);
}

bool MayHaveVietnameseTone(const icu::UnicodeString& text) {
  const char16_t* s = text.getBuffer();
  for (int32_t i = 0, n = text.length(); i < n; ++i) {
    const char16_t c = s[i];
    if ((c >= 0x00C0 && c <= 0x024F) || (c >= 0x0300 && c <= 0x036F) ||
        (c >= 0x1E00 && c <= 0x1EFF)) {
      return true;
    }
  }
  return false;
}

}  // namespace hashi
