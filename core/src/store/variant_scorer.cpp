// VariantScorer: one variant's score against the query, with the cut-off of the moment.
#include "store/variant_scorer.h"

#include <algorithm>

#include "hashi/matcher.h"

namespace hashi::store {
bool IsSourceTag(std::string_view tag, const LanguageTag& from) {
  Result<LanguageTag> parsed = LanguageTag::Parse(tag);
  return parsed.ok() && parsed->Matches(from);
}

int DistanceWithinCutoff(match::Levenshtein& levenshtein, std::string_view key, int threshold,
                         int& n, int known_length) {
  const int m = levenshtein.pattern_length();
  n = known_length >= 0 ? known_length : match::CodePointCount(key);
  const int k = MaxDistance(std::max(m, n), threshold);
  if (std::abs(m - n) > k) return -1;
  const int distance = levenshtein.DistanceUtf8(key, n, k);
  return distance <= k ? distance : -1;
}

VariantScorer::VariantScorer(const SearchQuery& query, const CandidateChecks& checks,
                             match::TopUnits& top)
    : query_(query), checks_(checks), top_(top) {
  levenshtein_.SetPattern(query.key);
}

bool VariantScorer::TagMatches(std::string_view tag) {
  if (tag == last_tag_ && !last_tag_.empty()) return last_verdict_;
  last_tag_ = std::string(tag);
  auto it = tag_verdicts_.find(last_tag_);
  if (it == tag_verdicts_.end()) {
    it = tag_verdicts_.emplace(last_tag_, IsSourceTag(tag, query_.from)).first;
  }
  last_verdict_ = it->second;
  return last_verdict_;
}

Status VariantScorer::Score(int64_t unit, int ord, std::string_view tag, std::string_view key,
                            int known_length) {
  if (!TagMatches(tag)) return Status::Ok();
  const int threshold = top_.threshold();
  int n = 0;
  const int distance = DistanceWithinCutoff(levenshtein_, key, threshold, n, known_length);
  if (distance < 0) return Status::Ok();
  int score = ScoreFromDistance(distance, static_cast<int>(query_.key.size()), n);
  if (distance == 0) {
    Result<std::string> identity = checks_.identity(unit, ord);
    if (!identity.ok()) return identity.status();
    score = *identity == query_.identity ? 100 : 99;
  }
  if (score < threshold) return Status::Ok();
  if (checks_.admit) {
    Result<bool> admitted = checks_.admit(unit);
    if (!admitted.ok()) return admitted.status();
    if (!*admitted) return Status::Ok();
  }
  top_.Offer(unit, ord, score);
  return Status::Ok();
}

}  // namespace hashi::store
