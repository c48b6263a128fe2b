// How `analyze` prints its reports: an aligned text table, CSV, or JSON Lines.
#ifndef HASHI_CLI_ANALYSIS_OUTPUT_H_
#define HASHI_CLI_ANALYSIS_OUTPUT_H_

#include <QJsonObject>
#include <string>
#include <vector>

#include "hashi/analysis.h"

namespace hashi::cli {

// One block per report: a title line naming the file and what is counted, then one row per
// band and a total row (segments, words, share of the words), then, with `weights`, the
// weighted words. Blocks are separated by a blank line.
std::string AnalysisTable(const std::vector<AnalysisReport>& reports, const BandWeights* weights);

// A header "file,count,band,segments,words" (",weighted" with `weights`), then one row per
// report and band and a row with band "total". Fields are quoted as RFC 4180 says.
std::string AnalysisCsv(const std::vector<AnalysisReport>& reports, const BandWeights* weights);

// One report as CONTRACT.md's JSON object, plus "weighted_words" with `weights`.
QJsonObject AnalysisJson(const AnalysisReport& report, const BandWeights* weights);

// One JSON object (AnalysisJson) per report, a line each.
std::string AnalysisJsonLines(const std::vector<AnalysisReport>& reports,
                              const BandWeights* weights);

}  // namespace hashi::cli

#endif  // HASHI_CLI_ANALYSIS_OUTPUT_H_
