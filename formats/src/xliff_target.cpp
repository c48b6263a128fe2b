#include "xliff_target.h"

#include <algorithm>

#include "xliff_codes.h"
#include "xml_escape.h"

namespace hashi::formats {
namespace {

std::string Name(std::string_view prefix, std::string_view local) {
  return prefix.empty() ? std::string(local) : std::string(prefix) + ":" + std::string(local);
}

std::string AltTrans(const TargetContext& context, const Match& match, std::string_view mid) {
  const auto target = match.targets.find(context.target_key);
  if (target == match.targets.end()) return "";
  const auto [source_markup, target_markup] =
      AltTransMarkup(match.source, target->second, context.prefix);
  const std::string alt_trans = Name(context.prefix, "alt-trans");
  const std::string source = Name(context.prefix, "source");
  const std::string target_name = Name(context.prefix, "target");
  std::string out = "<" + alt_trans;
  if (!mid.empty()) AppendAttribute(out, "mid", mid);
  AppendAttribute(out, "match-quality", std::to_string(match.score));
  if (!match.origin.empty()) AppendAttribute(out, "origin", match.origin);
  out += "><" + source;
  AppendAttribute(out, "xml:lang", context.source_lang);
  out += ">" + source_markup + "</" + source + "><" + target_name;
  AppendAttribute(out, "xml:lang", context.target_lang);
  out += ">" + target_markup + "</" + target_name + "></" + alt_trans + ">";
  return out;
}

}  // namespace

TargetState StateOf(const std::vector<int>& scores) {
  const bool all_exact =
      std::all_of(scores.begin(), scores.end(), [](int score) { return score >= 100; });
  const bool all_matched =
      std::all_of(scores.begin(), scores.end(), [](int score) { return score >= 0; });
  TargetState state;
  state.state = all_exact     ? "translated"
                : all_matched ? "needs-review-translation"
                              : "needs-translation";
  if (scores.size() > 1) {
    state.qualifier = "leveraged-tm";
  } else {
    state.qualifier = all_exact ? "exact-match" : "fuzzy-match";
  }
  return state;
}

std::string TargetElement(const TargetContext& context, const Attributes& attrs,
                          const TargetState& state, std::string_view content) {
  const std::string name = Name(context.prefix, "target");
  std::string out = "<" + name;
  for (const Attribute& a : attrs) AppendAttribute(out, a.name, a.value);
  if (FindAttribute(attrs, "xml:lang") == nullptr) {
    AppendAttribute(out, "xml:lang", context.target_lang);
  }
  AppendAttribute(out, "state", state.state);
  AppendAttribute(out, "state-qualifier", state.qualifier);
  out += ">";
  out += content;
  return out + "</" + name + ">";
}

std::string AltTransElements(const TargetContext& context, const std::vector<Match>& matches,
                             std::string_view mid) {
  std::string out;
  const size_t count =
      std::min(matches.size(), static_cast<size_t>(std::max(context.alternatives, 0)) + 1);
  for (size_t i = 0; i < count; ++i) out += AltTrans(context, matches[i], mid);
  return out;
}

}  // namespace hashi::formats
