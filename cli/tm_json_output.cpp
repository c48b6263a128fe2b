#include "tm_json_output.h"

#include "json_output.h"

namespace hashi::cli {
namespace {

QJsonObject TargetsJson(const std::map<std::string, Segment>& targets) {
  QJsonObject object;
  for (const auto& [lang, segment] : targets) {
    object.insert(FromUtf8(lang), FromUtf8(segment.PlainText()));
  }
  return object;
}

}  // namespace

QJsonObject MatchJson(const std::string& query, const Match& match) {
  return {{"query", FromUtf8(query)},
          {"score", match.score},
          {"source", FromUtf8(match.source.PlainText())},
          {"targets", TargetsJson(match.targets)},
          {"unit", static_cast<qint64>(match.unit)},
          {"origin", FromUtf8(match.origin)}};
}

QJsonObject ConcordHitJson(const ConcordHit& hit) {
  return {{"unit", static_cast<qint64>(hit.unit)},
          {"text", FromUtf8(hit.text.PlainText())},
          {"targets", TargetsJson(hit.targets)},
          {"origin", FromUtf8(hit.origin)}};
}

QJsonObject StatsJson(const StoreStats& stats) {
  return {{"units", static_cast<qint64>(stats.units)},
          {"variants", ToJsonObject(stats.variants)},
          {"pairs", ToJsonObject(stats.pairs)},
          {"origins", ToJsonObject(stats.origins)}};
}

}  // namespace hashi::cli
