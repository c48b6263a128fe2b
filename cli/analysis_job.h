// The work of `hashi analyze` once its inputs are read: the matches every segment needs, then
// the band reports. Shared by the command and `hashi serve` (POST /api/analyze).
#ifndef HASHI_CLI_ANALYSIS_JOB_H_
#define HASHI_CLI_ANALYSIS_JOB_H_

#include <string>
#include <vector>

#include "command.h"
#include "hashi/analysis.h"
#include "hashi/language_tag.h"
#include "hashi/pretranslator.h"

namespace hashi::cli {

struct AnalysisJob {
  LanguageTag from;
  std::vector<std::string> to;      // target tags: a match needs a variant in each
  std::vector<std::string> names;   // one per input, for the reports
  std::vector<std::vector<Segment>> inputs;  // each input's segments, in order
  int threads = 0;                  // lookup threads (0: one per core)
};

// One report per input, then the total of the job. Matches come from `factory`.
Result<std::vector<AnalysisReport>> RunAnalysis(const AnalysisJob& job,
                                                const MatchSourceFactory& factory,
                                                const CliContext& ctx);

}  // namespace hashi::cli

#endif  // HASHI_CLI_ANALYSIS_JOB_H_
