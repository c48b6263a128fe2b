#include "serve/reviewed_units.h"

#include <QJsonObject>
#include <algorithm>
#include <set>

#include "align_output.h"
#include "command.h"
#include "hashi/language_tag.h"
#include "hashi/normalizer.h"

namespace hashi::cli::serve {
namespace {

constexpr const char* kLanguageOrder[] = {"en", "vi", "ja"};

size_t Rank(const std::string& tag) {
  for (size_t i = 0; i < std::size(kLanguageOrder); ++i) {
    if (tag == kLanguageOrder[i]) return i;
  }
  return std::size(kLanguageOrder);
}

bool Before(const std::string& a, const std::string& b) {
  const size_t ra = Rank(a), rb = Rank(b);
  return ra != rb ? ra < rb : a < b;
}

Status UnitError(qsizetype index, const std::string& message) {
  return Status::InvalidInput("unit " + std::to_string(index + 1) + ": " + message);
}

}  // namespace

Result<std::vector<ReviewedUnit>> ReadReviewedUnits(const QJsonArray& units) {
  std::vector<ReviewedUnit> out;
  for (qsizetype i = 0; i < units.size(); ++i) {
    if (!units[i].isObject()) return UnitError(i, "not a JSON object");
    const QJsonObject object = units[i].toObject();
    ReviewedUnit unit;
    for (auto it = object.begin(); it != object.end(); ++it) {
      const std::string key = ToUtf8(it.key());
      if (key == "sentences") continue;
      if (key == "confidence") {
        if (!it.value().isDouble() || it.value().toDouble() < 0 || it.value().toDouble() > 1) {
          return UnitError(i, "'confidence' must be a number from 0 to 1");
        }
        unit.confidence = it.value().toDouble();
        continue;
      }
      Result<LanguageTag> tag = LanguageTag::Parse(key);
      if (!tag.ok()) return UnitError(i, "'" + key + "' is not a language tag");
      if (!it.value().isString()) return UnitError(i, "'" + key + "' must be a string");
      std::string text = ToUtf8(it.value().toString());
      if (FindInvalidUtf8(text) != std::string::npos) return UnitError(i, "not UTF-8");
      const size_t first = text.find_first_not_of(" \t\r\n");
      text = first == std::string::npos
                 ? ""
                 : text.substr(first, text.find_last_not_of(" \t\r\n") + 1 - first);
      if (!text.empty()) unit.texts.emplace_back(tag->str(), std::move(text));
    }
    if (unit.texts.empty()) return UnitError(i, "no text in any language");
    std::sort(unit.texts.begin(), unit.texts.end(),
              [](const auto& a, const auto& b) { return Before(a.first, b.first); });
    out.push_back(std::move(unit));
  }
  return out;
}

std::vector<std::string> UnitLanguages(const std::vector<ReviewedUnit>& units) {
  std::set<std::string> seen;
  for (const ReviewedUnit& unit : units) {
    for (const auto& [lang, text] : unit.texts) seen.insert(lang);
  }
  std::vector<std::string> langs(seen.begin(), seen.end());
  std::sort(langs.begin(), langs.end(), Before);
  return langs;
}

std::vector<Unit> ToTmUnits(const std::vector<ReviewedUnit>& units) {
  std::vector<Unit> out;
  out.reserve(units.size());
  for (const ReviewedUnit& unit : units) out.push_back(AlignedTmUnit(unit.texts, unit.confidence));
  return out;
}

}  // namespace hashi::cli::serve
