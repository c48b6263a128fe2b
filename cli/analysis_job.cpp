#include "analysis_job.h"

#include "hashi/word_count.h"
#include "job_options.h"

namespace hashi::cli {
namespace {

// Exact matches looked up for a segment whose best match is exact: enough to see every exact
// match a context match may need.
constexpr int kExactMatchesPerSegment = 10;

// The matches an analysis needs, in two passes: the best match of every segment (a lookup down
// to score 50 is the expensive one, and the matcher can stop at the first exact match), then
// every exact match of the segments whose best is exact (for context matches; cheap at 100).
Result<std::vector<std::vector<Match>>> AnalysisMatches(const std::vector<Segment>& segments,
                                                        const MatchSourceFactory& factory,
                                                        int threads, const CliContext& ctx) {
  Result<std::vector<std::vector<Match>>> best =
      LookUpAll(segments, factory,
                FindOptions{kLowestBandScore, 1, threads, {}, BandFloors()}, ctx);
  if (!best.ok()) return best;
  std::vector<size_t> exact;
  std::vector<Segment> queries;
  for (size_t i = 0; i < segments.size(); ++i) {
    if ((*best)[i].empty() || (*best)[i][0].score < 100) continue;
    exact.push_back(i);
    queries.push_back(segments[i]);
  }
  Result<std::vector<std::vector<Match>>> all_exact =
      LookUpAll(queries, factory, FindOptions{100, kExactMatchesPerSegment, threads, {}, {}}, ctx);
  if (!all_exact.ok()) return all_exact;
  for (size_t k = 0; k < exact.size(); ++k) (*best)[exact[k]] = std::move((*all_exact)[k]);
  return best;
}

}  // namespace

Result<std::vector<AnalysisReport>> RunAnalysis(const AnalysisJob& job,
                                                const MatchSourceFactory& factory,
                                                const CliContext& ctx) {
  std::vector<Segment> all;
  for (const std::vector<Segment>& input : job.inputs) all.insert(all.end(), input.begin(), input.end());
  Result<std::vector<std::vector<Match>>> found = AnalysisMatches(all, factory, job.threads, ctx);
  if (!found.ok()) return found.status();
  Result<std::unique_ptr<WordCounter>> counter = MakeWordCounter(job.from);
  if (!counter.ok()) return counter.status();
  Analyzer analyzer((*counter)->unit());
  std::vector<AnalysisReport> reports;
  size_t next = 0;
  for (size_t i = 0; i < job.inputs.size(); ++i) {
    std::vector<int64_t> words;
    std::vector<std::vector<Match>> matches;
    for (const Segment& segment : job.inputs[i]) {
      words.push_back((*counter)->Count(segment.text));
      matches.push_back(std::move((*found)[next++]));
      std::erase_if(matches.back(), [&](const Match& m) { return !HasEveryTarget(m, job.to); });
    }
    reports.push_back(analyzer.Add(job.names[i], job.inputs[i], words, matches));
  }
  reports.push_back(analyzer.total());
  return reports;
}

}  // namespace hashi::cli
