#include "align_output.h"

#include <cmath>

#include "hashi/formats/tmx.h"
#include "json_output.h"

namespace hashi::cli {
namespace {

std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::string Cell(const AlignerInput& version, SentenceRange range) {
  return OneLine(JoinSentences(version.sentences, range));
}

// Two decimals, whatever the locale (QCoreApplication sets it from the environment).
long Hundredths(double value) { return std::lround(value * 100); }
std::string Fixed2(double value) {
  const long h = Hundredths(value);
  return std::to_string(h / 100) + "." + std::to_string(h % 100 / 10) + std::to_string(h % 10);
}

// Reads back a vector of units, one at a time, for TmStore::Import.
class UnitVectorStream : public UnitStream {
 public:
  explicit UnitVectorStream(std::vector<Unit> units) : units_(std::move(units)) {}
  std::optional<Unit> Next() override {
    if (next_ >= units_.size()) return std::nullopt;
    return std::move(units_[next_++]);
  }
  const Status& status() const override { return status_; }

 private:
  std::vector<Unit> units_;
  size_t next_ = 0;
  Status status_;
};

bool Complete(const AlignedUnit& unit) {
  for (const SentenceRange& r : unit.ranges) {
    if (r.empty()) return false;
  }
  return true;
}

}  // namespace

std::string TsvRow(const std::vector<std::string>& cells) {
  std::string row;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) row += '\t';
    row += OneLine(cells[i]);
  }
  return row + '\n';
}

std::string ToTsv(const AlignedArticle& article) {
  std::vector<std::string> header;
  for (const AlignerInput& version : article.versions) header.push_back(version.lang.str());
  std::string tsv = TsvRow(header);
  for (const AlignedUnit& unit : article.alignment.units) {
    std::vector<std::string> cells;
    for (size_t v = 0; v < article.versions.size(); ++v) {
      cells.push_back(JoinSentences(article.versions[v].sentences, unit.ranges[v]));
    }
    tsv += TsvRow(cells);
  }
  return tsv;
}

std::vector<QJsonObject> ToJson(const AlignedArticle& article) {
  std::vector<QJsonObject> objects;
  for (const AlignedUnit& unit : article.alignment.units) {
    QJsonObject object;
    for (size_t v = 0; v < article.versions.size(); ++v) {
      object.insert(FromUtf8(article.versions[v].lang.str()),
                    FromUtf8(Cell(article.versions[v], unit.ranges[v])));
    }
    object.insert("confidence", Hundredths(unit.confidence) / 100.0);
    objects.push_back(object);
  }
  return objects;
}

Unit AlignedTmUnit(const std::vector<std::pair<std::string, std::string>>& texts,
                   double confidence) {
  Unit unit;
  Prop prop;
  SetAttribute(prop.attrs, "type", kConfidenceProp);
  prop.text = Fixed2(confidence);
  unit.props.push_back(std::move(prop));
  for (const auto& [lang, text] : texts) {
    if (text.empty()) continue;
    Variant variant;
    variant.lang = lang;
    variant.segment.text = text;
    unit.variants.push_back(std::move(variant));
  }
  return unit;
}

std::vector<Unit> ToUnits(const AlignedArticle& article) {
  std::vector<Unit> units;
  units.reserve(article.alignment.units.size());
  for (const AlignedUnit& aligned : article.alignment.units) {
    std::vector<std::pair<std::string, std::string>> texts;
    for (size_t v = 0; v < article.versions.size(); ++v) {
      if (aligned.ranges[v].empty()) continue;
      texts.emplace_back(article.versions[v].lang.str(),
                         JoinSentences(article.versions[v].sentences, aligned.ranges[v]));
    }
    units.push_back(AlignedTmUnit(texts, aligned.confidence));
  }
  return units;
}

Status WriteTmx(const std::string& path, const std::vector<Unit>& units,
                const std::string& srclang, bool sync) {
  formats::TmxWriterOptions options;
  options.srclang = srclang;
  options.sync_each_file = sync;
  Result<std::unique_ptr<formats::UnitWriter>> writer = formats::OpenTmxFileWriter(path, options);
  if (!writer.ok()) return writer.status();
  for (const Unit& unit : units) {
    if (Status s = (*writer)->Write(unit); !s.ok()) return s;
  }
  return (*writer)->Finish();
}

Result<ImportStats> ImportUnits(TmStore& store, std::vector<Unit> units,
                                const std::string& origin, const std::string& srclang) {
  DocumentInfo header;
  header.format = "tmx";
  header.version = "1.4";
  SetAttribute(header.attrs, "srclang", srclang);
  SetAttribute(header.attrs, "creationtool", "hashi align");
  SetAttribute(header.attrs, "segtype", "sentence");
  UnitVectorStream stream(std::move(units));
  ImportOptions options;
  options.origin = origin;
  return store.Import(stream, header, options);
}

namespace {

// What both summaries report of an article's units.
struct UnitTotals {
  size_t complete = 0;    // units in every language
  double confidence = 0;  // the sum of their confidences
};

UnitTotals Totals(const std::vector<AlignedUnit>& units) {
  UnitTotals totals;
  for (const AlignedUnit& unit : units) {
    totals.complete += Complete(unit) ? 1 : 0;
    totals.confidence += unit.confidence;
  }
  return totals;
}

}  // namespace

std::string Summary(const AlignedArticle& article) {
  const auto& units = article.alignment.units;
  const auto [complete, confidence] = Totals(units);
  std::string line = article.name + ": " + std::to_string(units.size()) + " units (" +
                     std::to_string(complete) + " in every language, " +
                     std::to_string(units.size() - complete) + " missing one)";
  if (!units.empty()) line += ", mean confidence " + Fixed2(confidence / units.size());
  if (article.below_min_confidence > 0) {
    line += ", " + std::to_string(article.below_min_confidence) + " below --min-confidence left out";
  }
  return line;
}

QJsonObject SummaryJson(const AlignedArticle& article) {
  const auto& units = article.alignment.units;
  const auto [complete, confidence] = Totals(units);
  return {{"article", FromUtf8(article.name)},
          {"units", static_cast<qint64>(units.size())},
          {"complete", static_cast<qint64>(complete)},
          {"mean_confidence", units.empty() ? 0.0 : Hundredths(confidence / units.size()) / 100.0},
          {"below_min_confidence", static_cast<qint64>(article.below_min_confidence)}};
}

}  // namespace hashi::cli
