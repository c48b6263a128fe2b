#include "hashi/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <array>
#include <cstdint>
#include <limits>

#include "hashi/unit.h"
#include "utf8_scan.h"
#include "vietnamese_tone.h"

namespace hashi {
namespace {

// ICU's normaliser singletons. A getter fails only if ICU's data is missing; the functions
// here cannot report errors, so they then leave text as it is rather than lose it.
struct Normalizers {
  const icu::Normalizer2* nfc = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfkc = nullptr;
};

const Normalizers& GetNormalizers() {
  static const Normalizers normalizers = [] {
    Normalizers n;
    UErrorCode status = U_ZERO_ERROR;
    n.nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) n.nfc = nullptr;
    status = U_ZERO_ERROR;
    n.nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) n.nfd = nullptr;
    status = U_ZERO_ERROR;
    n.nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) n.nfkc = nullptr;
    return n;
  }();
  return normalizers;
}

// ICU counts in int32_t. Nothing in a TM comes near 2 GiB; past that the tail is dropped
// rather than handing ICU a negative length.
icu::StringPiece Piece(std::string_view utf8) {
  const size_t max = static_cast<size_t>(std::numeric_limits<int32_t>::max());
  return icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size() < max ? utf8.size() : max));
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

void Normalize(const icu::Normalizer2* normalizer, icu::UnicodeString& text) {
  if (normalizer == nullptr) return;
  UErrorCode status = U_ZERO_ERROR;
  const UBool normalized = normalizer->isNormalized(text, status);
  if (U_FAILURE(status) || normalized) return;
  icu::UnicodeString result;
  normalizer->normalize(text, result, status);
  if (U_SUCCESS(status)) text = std::move(result);
}

// Pure ASCII is already NFC and folds by lower-casing; only TAB LF VT FF CR and SPACE are
// White_Space in ASCII.
std::string AsciiKey(std::string_view ascii) {
  std::string out;
  out.reserve(ascii.size());
  bool pending_space = false;
  for (char c : ascii) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// Placeholders go first, so that a key never depends on where codes sat: "a <ph/> b" gives
// "a b" (not "a  b") and a syllable split by a code still has its tone folded.
void RemovePlaceholders(icu::UnicodeString& text) {
  const int32_t n = text.length();
  char16_t* s = text.getBuffer(n);
  if (s == nullptr) return;
  int32_t out = 0;
  for (int32_t i = 0; i < n; ++i) {
    if (!IsPlaceholderChar(s[i])) s[out++] = s[i];  // all placeholders are in the BMP
  }
  text.releaseBuffer(out);
}

// NFKC images of U+FF00..U+FFEF, case-folded like the rest of the key. Only this block is
// mapped: NFKC as a whole would also fold ligatures, circled digits, superscripts and more.
constexpr char16_t kWidthFirst = 0xFF00;
constexpr char16_t kWidthLast = 0xFFEF;

const std::array<icu::UnicodeString, kWidthLast - kWidthFirst + 1>& WidthTable() {
  static const auto table = [] {
    std::array<icu::UnicodeString, kWidthLast - kWidthFirst + 1> t;
    const icu::Normalizer2* nfkc = GetNormalizers().nfkc;
    for (char16_t c = kWidthFirst; c <= kWidthLast; ++c) {
      icu::UnicodeString& entry = t[c - kWidthFirst];
      entry.setTo(c);
      if (nfkc == nullptr) continue;
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString mapped = nfkc->normalize(entry, status);
      if (U_SUCCESS(status)) entry = mapped.foldCase();
    }
    return t;
  }();
  return table;
}

void FoldWidth(icu::UnicodeString& text) {
  const int32_t n = text.length();
  int32_t first = 0;
  while (first < n && (text[first] < kWidthFirst || text[first] > kWidthLast)) ++first;
  if (first == n) return;
  const auto& table = WidthTable();
  icu::UnicodeString out(text, 0, first);
  for (int32_t i = first; i < n; ++i) {
    const char16_t c = text[i];
    if (c >= kWidthFirst && c <= kWidthLast) {
      out.append(table[c - kWidthFirst]);
    } else {
      out.append(c);
    }
  }
  text = std::move(out);
}

// White space runs become one U+0020, and the ends are trimmed. Every White_Space character
// is in the BMP, so a surrogate unit is never taken for one.
void CollapseWhitespace(icu::UnicodeString& text) {
  const int32_t n = text.length();
  char16_t* s = text.getBuffer(n);
  if (s == nullptr) return;
  int32_t out = 0;
  bool pending_space = false;
  for (int32_t i = 0; i < n; ++i) {
    const char16_t c = s[i];
    if (c < 0x80 ? (c == u' ' || (c >= u'\t' && c <= u'\r')) : u_isUWhiteSpace(c)) {
      pending_space = out > 0;
      continue;
    }
    if (pending_space) s[out++] = u' ';
    pending_space = false;
    s[out++] = c;
  }
  text.releaseBuffer(out);
}

// Drops every non-spacing mark except the kana voicing marks, and folds đ to d. REQUIRES:
// `text` is in NFD. U+3099/U+309A stay: ガ (カ + U+3099) is another word than カ, not カ with
// an accent, and NFC puts them back together.
void StripMarks(icu::UnicodeString& text) {
  const int32_t n = text.length();
  char16_t* s = text.getBuffer(n);
  if (s == nullptr) return;
  int32_t out = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(s, i, n, c);
    if (c >= 0x0300 && c != 0x3099 && c != 0x309A && u_charType(c) == U_NON_SPACING_MARK) {
      continue;
    }
    if (c == 0x0111 || c == 0x0110) c = u'd';  // đ Đ have no decomposition to strip
    U16_APPEND_UNSAFE(s, out, c);  // never overtakes i: a code point only shrinks or stays
  }
  text.releaseBuffer(out);
}

// Bytes ICU's UTF-8 normaliser would pass through untouched become U+FFFD, as promised.
std::string ReplaceInvalidUtf8(std::string_view utf8) {
  return ToUtf8(icu::UnicodeString::fromUTF8(Piece(utf8)));
}

}  // namespace

std::string ToNfc(std::string_view utf8) {
  const size_t ascii = AsciiPrefixLength(utf8);
  if (ascii == utf8.size()) return std::string(utf8);
  std::string repaired;
  if (FindInvalidUtf8(utf8.substr(ascii)) != std::string_view::npos) {
    repaired = ReplaceInvalidUtf8(utf8);
    utf8 = repaired;
  }
  const icu::Normalizer2* nfc = GetNormalizers().nfc;
  if (nfc == nullptr) return std::string(utf8);
  // The UTF-8 entry points spare the round trip through UTF-16. The quick check settles
  // nearly all real text (which is NFC already) in one read-only pass.
  UErrorCode status = U_ZERO_ERROR;
  const UBool normalized = nfc->isNormalizedUTF8(Piece(utf8), status);
  if (U_SUCCESS(status) && normalized) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, Piece(utf8), sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(utf8);
  return out;
}

std::string MatchKey(std::string_view utf8) {
  if (IsAscii(utf8)) return AsciiKey(utf8);
  const Normalizers& normalizers = GetNormalizers();
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(Piece(utf8));
  RemovePlaceholders(text);
  Normalize(normalizers.nfc, text);
  text.foldCase(U_FOLD_CASE_DEFAULT);
  FoldWidth(text);
  if (MayHaveVietnameseTone(text)) FoldVietnameseTones(text);
  CollapseWhitespace(text);
  // Also composes what width folding split: half-width ｶ + ﾞ became カ + U+3099, now ガ.
  Normalize(normalizers.nfc, text);
  return ToUtf8(text);
}

std::string BareKey(std::string_view utf8) {
  std::string key = MatchKey(utf8);
  if (IsAscii(key)) return key;
  const Normalizers& normalizers = GetNormalizers();
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(Piece(key));
  Normalize(normalizers.nfd, text);
  StripMarks(text);
  // NFC recomposes what NFD split and has no mark to lose, e.g. Hangul syllables.
  Normalize(normalizers.nfc, text);
  // A mark that stood alone after a space ("a \u0301 b") leaves two spaces, or one at an end:
  // collapse and trim again, as MatchKey did, so that the key of a key is the key.
  std::string bare = ToUtf8(text);
  std::string out;
  out.reserve(bare.size());
  for (char c : bare) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace hashi
