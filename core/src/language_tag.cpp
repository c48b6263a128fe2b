#include "hashi/language_tag.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace hashi {
namespace {

// RFC 5646 "irregular" grandfathered tags: the only tags that break the langtag grammar yet
// are well-formed. The "regular" grandfathered tags (art-lojban, zh-min-nan, ...) already
// match the langtag grammar, so they need no list.
constexpr std::array<std::string_view, 17> kIrregular = {
    "en-gb-oed", "i-ami", "i-bnn",     "i-default", "i-enochian", "i-hak",
    "i-klingon", "i-lux", "i-mingo",   "i-navajo",  "i-pwn",      "i-tao",
    "i-tay",     "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de"};

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char ToUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool AllAlpha(std::string_view s) {
  for (char c : s) {
    if (!IsAlpha(c)) return false;
  }
  return true;
}
bool AllDigit(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

Status NotATag(std::string_view tag) {
  return Status::InvalidInput("not a BCP-47 language tag: \"" + std::string(tag) + "\"");
}

// Splits on '-' into lower-case subtags. False if a character is not [A-Za-z0-9-] or a
// subtag is empty or longer than 8 characters, which no BCP-47 production allows.
bool SplitSubtags(std::string_view tag, std::vector<std::string>& out) {
  std::string current;
  for (char c : tag) {
    if (c == '-') {
      if (current.empty()) return false;
      out.push_back(std::move(current));
      current.clear();
    } else if (IsAlpha(c) || IsDigit(c)) {
      if (current.size() == 8) return false;
      current.push_back(ToLower(c));
    } else {
      return false;
    }
  }
  if (current.empty()) return false;
  out.push_back(std::move(current));
  return true;
}

bool IsVariant(std::string_view s) { return (s.size() >= 5) || (s.size() == 4 && IsDigit(s[0])); }

// Walks the langtag production over lower-case subtags; on success sets the index of the
// region subtag (or -1). Subtags are already known to be 1-8 alphanumerics.
bool MatchLangtag(const std::vector<std::string>& parts, int& region_index) {
  const size_t n = parts.size();
  region_index = -1;
  const std::string& language = parts[0];
  if (language.size() < 2 || !AllAlpha(language)) return false;
  size_t i = 1;
  if (language.size() <= 3) {  // only a 2-3 letter language may have extlangs
    for (int extlangs = 0; extlangs < 3 && i < n && parts[i].size() == 3 && AllAlpha(parts[i]);
         ++extlangs) {
      ++i;
    }
  }
  if (i < n && parts[i].size() == 4 && AllAlpha(parts[i])) ++i;  // script
  if (i < n && ((parts[i].size() == 2 && AllAlpha(parts[i])) ||
                (parts[i].size() == 3 && AllDigit(parts[i])))) {
    region_index = static_cast<int>(i++);
  }
  while (i < n && IsVariant(parts[i])) ++i;
  while (i < n && parts[i].size() == 1 && parts[i] != "x") {  // extension: singleton 1*(2-8)
    ++i;
    const size_t first = i;
    while (i < n && parts[i].size() >= 2) ++i;
    if (i == first) return false;
  }
  if (i < n && parts[i] == "x") {  // private use: x 1*(1-8), to the end
    if (i + 1 == n) return false;
    i = n;
  }
  return i == n;
}

// RFC 5646 section 2.1.1: lower case, except that two-letter subtags are upper case and
// four-letter subtags title case when they are neither first nor after a singleton.
std::string CanonicalCase(const std::vector<std::string>& parts) {
  std::string out;
  bool after_singleton = false;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string part = parts[i];
    if (i > 0 && !after_singleton) {
      if (part.size() == 2) {
        part[0] = ToUpper(part[0]);
        part[1] = ToUpper(part[1]);
      } else if (part.size() == 4) {
        part[0] = ToUpper(part[0]);
      }
    }
    if (part.size() == 1) after_singleton = true;
    if (i > 0) out.push_back('-');
    out += part;
  }
  return out;
}

}  // namespace

Result<LanguageTag> LanguageTag::Parse(std::string_view tag) {
  std::vector<std::string> parts;
  if (!SplitSubtags(tag, parts)) return NotATag(tag);

  LanguageTag result;
  std::string lower(tag);  // SplitSubtags has checked that it is ASCII
  for (char& c : lower) c = ToLower(c);
  const bool irregular = std::find(kIrregular.begin(), kIrregular.end(), lower) != kIrregular.end();

  int region_index = -1;
  if (parts[0] == "x") {
    // A private-use tag means whatever its users agree on: it only matches itself.
    if (parts.size() < 2) return NotATag(tag);
    result.primary_ = lower;
  } else if (irregular) {
    // en-GB-oed is still English of Great Britain; i-* and sgn-* tags are atomic names.
    if (lower == "en-gb-oed") {
      result.primary_ = "en";
      result.region_ = "GB";
    } else {
      result.primary_ = lower;
    }
  } else if (MatchLangtag(parts, region_index)) {
    result.primary_ = parts[0];
  } else {
    return NotATag(tag);
  }
  result.canonical_ = CanonicalCase(parts);
  if (region_index >= 0) {
    result.region_ = parts[region_index];
    for (char& c : result.region_) c = ToUpper(c);
  }
  return result;
}

bool LanguageTag::Matches(const LanguageTag& other) const {
  if (primary_ != other.primary_) return false;
  return region_.empty() || other.region_.empty() || region_ == other.region_;
}

}  // namespace hashi
