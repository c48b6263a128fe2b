#include "analysis_output.h"

#include <QJsonDocument>
#include <cstdio>

#include "json_output.h"

namespace hashi::cli {
namespace {

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string Percent(int64_t part, int64_t whole) {
  return Fixed(whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole),
               1) +
         "%";
}

std::string PadLeft(const std::string& s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

std::string PadRight(const std::string& s, size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string Row(const std::string& band, int64_t segments, int64_t words, int64_t total_words) {
  return PadRight(band, 13) + PadLeft(std::to_string(segments), 10) +
         PadLeft(std::to_string(words), 12) + PadLeft(Percent(words, total_words), 9) + "\n";
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

QJsonObject Count(int64_t segments, int64_t words) {
  return {{"segments", static_cast<qint64>(segments)}, {"words", static_cast<qint64>(words)}};
}

}  // namespace

std::string AnalysisTable(const std::vector<AnalysisReport>& reports, const BandWeights* weights) {
  std::string out;
  for (const AnalysisReport& r : reports) {
    if (!out.empty()) out += "\n";
    const std::string unit(CountUnitName(r.unit));
    out += r.file + " (" + unit + ")\n";
    out += PadRight("band", 13) + PadLeft("segments", 10) + PadLeft(unit, 12) +
           PadLeft("share", 9) + "\n";
    for (Band band : kAllBands) {
      out += Row(std::string(BandName(band)), r.band(band).segments, r.band(band).words, r.words);
    }
    out += Row("total", r.segments, r.words, r.words);
    if (weights != nullptr)
      out += "weighted " + unit + ": " + Fixed(WeightedWords(r, *weights), 2) + "\n";
  }
  return out;
}

std::string AnalysisCsv(const std::vector<AnalysisReport>& reports, const BandWeights* weights) {
  std::string out = "file,count,band,segments,words";
  out += weights != nullptr ? ",weighted\n" : "\n";
  for (const AnalysisReport& r : reports) {
    const std::string prefix = CsvField(r.file) + "," + std::string(CountUnitName(r.unit)) + ",";
    for (Band band : kAllBands) {
      const BandCount& c = r.band(band);
      out += prefix + std::string(BandName(band)) + "," + std::to_string(c.segments) + "," +
             std::to_string(c.words);
      if (weights != nullptr) {
        out += "," +
               Fixed(static_cast<double>(c.words) * weights->rates[static_cast<size_t>(band)], 2);
      }
      out += "\n";
    }
    out += prefix + "total," + std::to_string(r.segments) + "," + std::to_string(r.words);
    out += weights != nullptr ? "," + Fixed(WeightedWords(r, *weights), 2) + "\n" : "\n";
  }
  return out;
}

QJsonObject AnalysisJson(const AnalysisReport& r, const BandWeights* weights) {
  QJsonObject bands;
  for (Band band : kAllBands) {
    bands.insert(FromUtf8(std::string(BandName(band))),
                 Count(r.band(band).segments, r.band(band).words));
  }
  QJsonObject object{{"file", FromUtf8(r.file)},
                     {"count", FromUtf8(std::string(CountUnitName(r.unit)))},
                     {"segments", static_cast<qint64>(r.segments)},
                     {"words", static_cast<qint64>(r.words)},
                     {"bands", bands}};
  if (weights != nullptr) object.insert("weighted_words", WeightedWords(r, *weights));
  return object;
}

std::string AnalysisJsonLines(const std::vector<AnalysisReport>& reports,
                              const BandWeights* weights) {
  std::string out;
  for (const AnalysisReport& r : reports) {
    out += QJsonDocument(AnalysisJson(r, weights)).toJson(QJsonDocument::Compact).toStdString() +
           "\n";
  }
  return out;
}

}  // namespace hashi::cli
