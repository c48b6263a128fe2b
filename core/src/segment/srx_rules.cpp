// The SRX rules value: validation and the choice of rule sets for a language.
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>

#include "hashi/segmenter.h"
#include "segment/srx_matcher.h"

namespace hashi {
namespace {

// Language codes are matched case-insensitively: SRX 1.0 files write "JA.*" and "EN.*".
std::unique_ptr<icu::RegexPattern> CompileMapPattern(const std::string& pattern, UErrorCode& status,
                                                     UParseError& parse) {
  std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(pattern), UREGEX_CASE_INSENSITIVE, parse, status));
  if (U_FAILURE(status)) compiled.reset();
  return compiled;
}

bool MapMatches(const SrxLanguageMap& map, const std::string& code) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse;
  std::unique_ptr<icu::RegexPattern> pattern = CompileMapPattern(map.pattern, status, parse);
  if (!pattern) return false;
  std::unique_ptr<icu::RegexMatcher> matcher(
      pattern->matcher(icu::UnicodeString::fromUTF8(code), status));
  return U_SUCCESS(status) && matcher->matches(status) && U_SUCCESS(status);
}

const SrxLanguageRules* FindRules(const SrxRules& srx, const std::string& name) {
  for (const SrxLanguageRules& rules : srx.language_rules) {
    if (rules.name == name) return &rules;
  }
  return nullptr;
}

}  // namespace

Status ValidateSrxRules(const SrxRules& srx) {
  for (const SrxLanguageRules& rules : srx.language_rules) {
    for (size_t i = 0; i < rules.rules.size(); ++i) {
      segment::RuleRef ref{&rules.rules[i], rules.name, static_cast<int>(i + 1)};
      if (Status s = segment::CheckRule(ref, srx.file); !s.ok()) return s;
    }
  }
  for (const SrxLanguageMap& map : srx.maps) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    if (!CompileMapPattern(map.pattern, status, parse)) {
      return Status::InvalidInput("language map for '" + map.rules_name + "': languagepattern /" +
                                      map.pattern + "/ is not a valid ICU regular expression (" +
                                      u_errorName(status) + ")",
                                  Location{srx.file, map.line, 0});
    }
    if (!FindRules(srx, map.rules_name)) {
      return Status::InvalidInput("language map names languagerule '" + map.rules_name +
                                      "', which the file does not define",
                                  Location{srx.file, map.line, 0});
    }
  }
  return Status::Ok();
}

std::vector<const SrxLanguageRules*> SelectSrxRules(const SrxRules& srx, const LanguageTag& lang) {
  std::vector<const SrxLanguageRules*> selected;
  for (const SrxLanguageMap& map : srx.maps) {
    if (!MapMatches(map, lang.str())) continue;
    const SrxLanguageRules* rules = FindRules(srx, map.rules_name);
    if (rules == nullptr) continue;
    bool seen = false;
    for (const SrxLanguageRules* s : selected) seen = seen || s == rules;
    if (!seen) selected.push_back(rules);
    if (!srx.cascade) break;
  }
  return selected;
}

bool HasSpecificSrxRules(const SrxRules& srx, const LanguageTag& lang) {
  for (const SrxLanguageMap& map : srx.maps) {
    if (MapMatches(map, lang.str()) && !MapMatches(map, "und")) return true;
    if (!srx.cascade && MapMatches(map, lang.str())) return false;
  }
  return false;
}

}  // namespace hashi
