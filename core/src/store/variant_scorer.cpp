// VariantScorer: one variant's score against the query, with the cut-off of the moment.
#include "store/variant_scorer.h"

#include <algorithm>

#include "hashi/matcher.h"

namespace hashi::store {
namespace {

int MaxDistance(int longest, int threshold) { return longest * (100 - threshold) / 100; }

}  // namespace

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
    Result<LanguageTag> parsed = LanguageTag::Parse(tag);
    it = tag_verdicts_.emplace(last_tag_, parsed.ok() && parsed->Matches(query_.from)).first;
  }
  last_verdict_ = it->second;
  return last_verdict_;
}

Status VariantScorer::Score(int64_t unit, int ord, std::string_view tag, std::string_view key) {
  if (!TagMatches(tag)) return Status::Ok();
  const int m = static_cast<int>(query_.key.size());
  const int n = levenshtein_.LoadUtf8(key);
  const int threshold = top_.threshold();
  const int k = MaxDistance(std::max(m, n), threshold);
  if (std::abs(m - n) > k) return Status::Ok();
  const int distance = levenshtein_.Distance(k);
  if (distance > k) return Status::Ok();
  int score = ScoreFromDistance(distance, m, n);
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
