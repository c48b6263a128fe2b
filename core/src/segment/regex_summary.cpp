#include "segment/regex_summary.h"

#include <unicode/utf16.h>

#include <algorithm>

#include "segment/regex_piece.h"

namespace hashi::segment {
namespace {

constexpr int32_t kMaxSkip = 32;

}  // namespace

RegexSummary Summarize(const std::u16string& regex) {
  RegexSummary summary;
  const std::optional<Piece> piece = ParseRegex(regex);
  if (!piece) return summary;
  summary.known = true;
  summary.nullable = piece->nullable;
  summary.first = piece->first;
  summary.last = piece->last;
  summary.max_length = piece->max_length;
  summary.line_anchored = piece->line_start;
  summary.tail = piece->tail;
  for (icu::UnicodeSet& set : summary.tail) set.freeze();
  if (piece->skip) {
    summary.skip = piece->skip;
    summary.skip->first.freeze();
    summary.skip->second.freeze();
  }
  if (const Strings ends = EndingsOf(*piece); ends && !piece->nullable) {
    if (std::find(ends->begin(), ends->end(), u"") == ends->end()) summary.suffixes = ends;
  }
  summary.first.freeze();
  summary.last.freeze();
  return summary;
}

bool MayEndAt(const RegexSummary& s, const SuffixSet* endings, const char16_t* text, int32_t pos,
              int32_t line_begin) {
  if (!s.known) return true;
  if (s.line_anchored && s.max_length >= 0 && pos - line_begin > s.max_length) return false;
  if (s.nullable) return true;
  if (pos == 0) return false;
  UChar32 c;
  int32_t i = pos;
  U16_PREV(text, 0, i, c);
  if (!s.last.contains(c)) return false;
  for (size_t k = 1; k < s.tail.size(); ++k) {
    if (i == 0) return false;
    U16_PREV(text, 0, i, c);
    if (!s.tail[k].contains(c)) return false;
  }
  return endings == nullptr || endings->EndsAt(text, pos);
}

bool MayStartAt(const RegexSummary& s, const char16_t* text, int32_t length, int32_t pos) {
  if (!s.known || s.nullable) return true;
  if (pos >= length) return false;
  UChar32 c;
  int32_t i = pos;
  U16_NEXT(text, i, length, c);
  if (!s.first.contains(c)) return false;
  if (!s.skip) return true;
  // S* then T: walk the S run (a few spaces, usually); past kMaxSkip say "maybe".
  const auto& [skipped, next] = *s.skip;
  for (int32_t steps = 0; !next.contains(c); ++steps) {
    if (!skipped.contains(c) || i >= length) return false;
    if (steps > kMaxSkip) return true;
    U16_NEXT(text, i, length, c);
  }
  return true;
}

SuffixSet::SuffixSet(const std::vector<std::u16string>& strings) {
  nodes_.emplace_back();
  for (const std::u16string& s : strings) {
    int32_t node = 0;
    for (auto it = s.rbegin(); it != s.rend(); ++it) {
      int32_t next = -1;
      for (const auto& [c, child] : nodes_[node].children) {
        if (c == *it) next = child;
      }
      if (next < 0) {
        next = static_cast<int32_t>(nodes_.size());
        nodes_[node].children.emplace_back(*it, next);
        nodes_.emplace_back();
      }
      node = next;
    }
    nodes_[node].terminal = true;
  }
}

bool SuffixSet::EndsAt(const char16_t* text, int32_t pos) const {
  int32_t node = 0;
  for (int32_t i = pos - 1; i >= 0; --i) {
    int32_t next = -1;
    for (const auto& [c, child] : nodes_[node].children) {
      if (c == text[i]) next = child;
    }
    if (next < 0) return false;
    node = next;
    if (nodes_[node].terminal) return true;
  }
  return false;
}

}  // namespace hashi::segment
