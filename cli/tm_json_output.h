// The --json objects of `lookup`, `concord` and `stats`, shared by those commands and by the
// JSON API of `hashi serve` (which must answer with the same fields).
#ifndef HASHI_CLI_TM_JSON_OUTPUT_H_
#define HASHI_CLI_TM_JSON_OUTPUT_H_

#include <QJsonObject>
#include <string>

#include "hashi/concordance.h"
#include "hashi/matcher.h"
#include "hashi/tm_store.h"

namespace hashi::cli {

// A lookup match: query, score, source, targets (lang -> text), unit, origin.
QJsonObject MatchJson(const std::string& query, const Match& match);

// A concordance hit: unit, text, targets (lang -> text), origin.
QJsonObject ConcordHitJson(const ConcordHit& hit);

// The TM's figures: units, variants, pairs, origins.
QJsonObject StatsJson(const StoreStats& stats);

}  // namespace hashi::cli

#endif  // HASHI_CLI_TM_JSON_OUTPUT_H_
