// Concordance helpers of hashi/concordance.h that need no store: request checks and FindPhrase.
#include <unicode/uchar.h>

#include "hashi/concordance.h"
#include "hashi/language_tag.h"
#include "hashi/normalizer.h"
#include "match/levenshtein.h"
#include "match/phrase_fold.h"

namespace hashi {
namespace {

bool IsWhiteSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

// A text folded character by character, each folded code point remembering the UTF-8 bytes
// of the text character it came from. White space runs fold to one space.
struct FoldedText {
  std::u32string chars;
  std::vector<ByteSpan> from;
};

FoldedText Fold(std::string_view text, bool bare) {
  FoldedText out;
  size_t offset = 0;
  std::u32string one;
  while (offset < text.size()) {
    const auto lead = static_cast<unsigned char>(text[offset]);
    const size_t size = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const std::string_view bytes = text.substr(offset, size);
    const char32_t c = match::ToCodePoints(bytes).front();
    const ByteSpan span{offset, std::min(text.size(), offset + size)};
    offset = span.second;
    if (IsPlaceholderChar(c)) continue;
    if (IsWhiteSpace(c)) {
      if (!out.chars.empty() && out.chars.back() == U' ') {
        out.from.back().second = span.second;
      } else {
        out.chars.push_back(U' ');
        out.from.push_back(span);
      }
      continue;
    }
    one.clear();
    match::FoldCodePoint(c, bare, one);
    for (char32_t f : one) {
      out.chars.push_back(f);
      out.from.push_back(span);
    }
  }
  return out;
}

std::u32string Trimmed(std::u32string s) {
  while (!s.empty() && s.back() == U' ') s.pop_back();
  size_t start = 0;
  while (start < s.size() && s[start] == U' ') ++start;
  return s.substr(start);
}

std::vector<ByteSpan> FindFolded(std::string_view text, std::string_view phrase, bool bare) {
  const FoldedText haystack = Fold(text, bare);
  const std::u32string needle = Trimmed(Fold(phrase, bare).chars);
  std::vector<ByteSpan> spans;
  if (needle.empty()) return spans;
  for (size_t at = haystack.chars.find(needle); at != std::u32string::npos;
       at = haystack.chars.find(needle, at + needle.size())) {
    const ByteSpan span{haystack.from[at].first, haystack.from[at + needle.size() - 1].second};
    if (!spans.empty() && spans.back().second > span.first) continue;
    spans.push_back(span);
  }
  return spans;
}

}  // namespace

Status ValidateConcord(const ConcordRequest& request) {
  if (Result<LanguageTag> tag = LanguageTag::Parse(request.lang); !tag.ok()) {
    return Status::Usage("--lang: " + tag.status().message());
  }
  if (request.limit < 1) {
    return Status::Usage("--limit must be at least 1, not " + std::to_string(request.limit));
  }
  if (BareKey(request.phrase).empty()) {
    return Status::Usage("the phrase is empty (nothing but white space)");
  }
  return Status::Ok();
}

std::vector<ByteSpan> FindPhrase(std::string_view text, std::string_view phrase) {
  // With its diacritics first; then by bare letters, which also finds a tone mark the phrase
  // puts on another vowel of the syllable than the text does.
  std::vector<ByteSpan> spans = FindFolded(text, phrase, false);
  if (spans.empty()) spans = FindFolded(text, phrase, true);
  return spans;
}

}  // namespace hashi
