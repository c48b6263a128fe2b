// The score of CONTRACT.md `lookup` (hashi/matcher.h).
#include <unicode/uchar.h>

#include <algorithm>

#include "hashi/language_tag.h"
#include "hashi/matcher.h"
#include "hashi/normalizer.h"
#include "match/levenshtein.h"
#include "utf8_scan.h"

namespace hashi {
namespace {

bool IsWhiteSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

}  // namespace

Status ValidateLookup(const LookupRequest& request) {
  if (Result<LanguageTag> tag = LanguageTag::Parse(request.from); !tag.ok()) {
    return Status::Usage("--from: " + tag.status().message());
  }
  for (const std::string& to : request.to) {
    if (Result<LanguageTag> tag = LanguageTag::Parse(to); !tag.ok()) {
      return Status::Usage("--to: " + tag.status().message());
    }
  }
  if (request.min_score < 0 || request.min_score > 100) {
    return Status::Usage("--min must be a score from 0 to 100, not " +
                         std::to_string(request.min_score));
  }
  if (request.limit < 1) {
    return Status::Usage("--limit must be at least 1, not " + std::to_string(request.limit));
  }
  return Status::Ok();
}

std::string MatchIdentity(const Segment& segment) {
  const std::u32string text = match::ToCodePoints(ToNfc(segment.text));
  std::string out;
  out.reserve(segment.text.size());
  bool pending_space = false;
  for (char32_t c : text) {
    if (IsWhiteSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    AppendUtf8(c, out);
  }
  for (const Code& code : segment.codes) {
    out.push_back('\x1F');  // never in text: separates the codes' markup from it
    out += code.markup;
  }
  return out;
}

int ScoreFromDistance(int64_t distance, int64_t query_length, int64_t candidate_length) {
  const int64_t longest = std::max(query_length, candidate_length);
  if (longest <= 0) return 100;
  const int64_t same = std::max<int64_t>(0, longest - distance);
  return static_cast<int>(100 * same / longest);
}

int MatchScore(const Segment& query, const Segment& candidate) {
  const std::string query_key = MatchKey(query.text);
  const std::string candidate_key = MatchKey(candidate.text);
  if (query_key == candidate_key) {
    return MatchIdentity(query) == MatchIdentity(candidate) ? 100 : 99;
  }
  const std::u32string a = match::ToCodePoints(query_key);
  const std::u32string b = match::ToCodePoints(candidate_key);
  match::Levenshtein levenshtein;
  levenshtein.SetPattern(a);
  const int k = static_cast<int>(std::max(a.size(), b.size()));
  // Different keys are at distance >= 1, so at most 99 here even when rounding would say 100.
  return std::min(99, ScoreFromDistance(levenshtein.Distance(b, k), a.size(), b.size()));
}

}  // namespace hashi
