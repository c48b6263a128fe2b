// LanguageTag: a BCP-47 language tag as a value, and the one place that decides whether two tags
// match. Thread-compatible value type.
#ifndef HASHI_LANGUAGE_TAG_H_
#define HASHI_LANGUAGE_TAG_H_

#include <string>
#include <string_view>

#include "hashi/status.h"

namespace hashi {

class LanguageTag {
 public:
  LanguageTag() = default;

  // Parses a well-formed BCP-47 tag (RFC 5646 syntax: language[-extlang][-script][-region]
  // [-variant]*[-extension]*[-privateuse], or a private-use or grandfathered tag), any letter
  // case. Rejects the empty string, '_' separators, empty or over-long subtags and anything
  // else that is not BCP-47 syntax, with a message that quotes the tag.
  static Result<LanguageTag> Parse(std::string_view tag);

  // Canonical letter case: "en-US", "zh-Hant-TW", "ja-JP", "sr-Latn".
  const std::string& str() const { return canonical_; }
  // Lower-case primary language subtag: "en" for "en-US".
  const std::string& primary() const { return primary_; }
  // Upper-case region subtag ("US", "419"), or "" when the tag has none.
  const std::string& region() const { return region_; }
  bool empty() const { return canonical_.empty(); }

  // The matching rule of hashi: the primary subtags are equal, and, only when both sides give
  // a region, the regions are equal too. en-US ~ en, en ~ en-GB, en-US !~ en-GB.
  bool Matches(const LanguageTag& other) const;
  // Exact equality of the canonical forms.
  bool operator==(const LanguageTag& other) const { return canonical_ == other.canonical_; }

 private:
  std::string canonical_;
  std::string primary_;
  std::string region_;
};

}  // namespace hashi

#endif  // HASHI_LANGUAGE_TAG_H_
