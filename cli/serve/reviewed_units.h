// The units of an article as the page sends them back after review: the objects /api/align
// answers with ({"en": .., "vi": .., "ja": .., "confidence": ..}), edited.
#ifndef HASHI_CLI_SERVE_REVIEWED_UNITS_H_
#define HASHI_CLI_SERVE_REVIEWED_UNITS_H_

#include <QJsonArray>
#include <string>
#include <utility>
#include <vector>

#include "hashi/status.h"
#include "hashi/unit.h"

namespace hashi::cli::serve {

struct ReviewedUnit {
  std::vector<std::pair<std::string, std::string>> texts;  // (tag, text), en, vi, ja first
  double confidence = 1;
};

// Reads `units`: each an object whose members are language tags (string values; "" = none),
// "confidence" (a number 0-1, default 1) and, ignored, "sentences". kInvalidInput naming the
// unit (1-based) that is wrong; a unit with no text at all is an error too.
Result<std::vector<ReviewedUnit>> ReadReviewedUnits(const QJsonArray& units);

// The languages the units use, en, vi, ja first, then the others in order of their tags.
std::vector<std::string> UnitLanguages(const std::vector<ReviewedUnit>& units);

// As TM units (align_output.h AlignedTmUnit).
std::vector<Unit> ToTmUnits(const std::vector<ReviewedUnit>& units);

}  // namespace hashi::cli::serve

#endif  // HASHI_CLI_SERVE_REVIEWED_UNITS_H_
