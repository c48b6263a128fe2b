// hashi analyze --from LANG --to LANG[,LANG...] [--json|--csv] [--weights W] INPUT...: the
// match-band report of a job against the TM.
#include "analysis_output.h"
#include "command.h"
#include "data_files.h"
#include "hashi/analysis.h"
#include "hashi/word_count.h"
#include "job_input.h"
#include "job_options.h"
#include "tm_match_source.h"

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
      LookUpAll(segments, factory, FindOptions{kLowestBandScore, 1, threads, {}}, ctx);
  if (!best.ok()) return best;
  std::vector<size_t> exact;
  std::vector<Segment> queries;
  for (size_t i = 0; i < segments.size(); ++i) {
    if ((*best)[i].empty() || (*best)[i][0].score < 100) continue;
    exact.push_back(i);
    queries.push_back(segments[i]);
  }
  Result<std::vector<std::vector<Match>>> all_exact =
      LookUpAll(queries, factory, FindOptions{100, kExactMatchesPerSegment, threads, {}}, ctx);
  if (!all_exact.ok()) return all_exact;
  for (size_t k = 0; k < exact.size(); ++k) (*best)[exact[k]] = std::move((*all_exact)[k]);
  return best;
}

class AnalyzeCommand : public Command {
 public:
  QString Name() const override { return "analyze"; }
  QString Summary() const override { return "Report how much of a job the TM covers, by band"; }
  QString Usage() const override {
    return "analyze --from LANG --to LANG[,LANG...] [--json|--csv] [--weights W] INPUT...";
  }

  void Define(QCommandLineParser& parser) const override {
    parser.setApplicationDescription(
        "For each INPUT (an article, cleaned and segmented as `segment --clean` does, or an\n"
        "XLIFF 1.2 file) and for the whole job: segments and words per band - context (an\n"
        "exact match following the previous segment's exact match in the same origin), 100,\n"
        "95-99, 85-94, 75-84, 50-74, none, and repetitions (a segment seen earlier in the\n"
        "job). A unit counts as a match only if it has every --to language. Japanese and\n"
        "Chinese count characters (no spaces or punctuation), other languages words.\n"
        "--weights takes BAND=RATE pairs (context=0,100=0.1,95-99=0.3,...; a band not given\n"
        "is 1) or a file of them, and prints the weighted words.");
    parser.addOption({"from", "Source language of the inputs (BCP-47 tag).", "LANG"});
    parser.addOption({"to", "Target language(s), comma-separated.", "LANG[,LANG]"});
    parser.addOption({"csv", "Results as CSV."});
    parser.addOption({"weights", "Per-band rates, or a file of them.", "W"});
    AddThreadsOption(parser);
    parser.addPositionalArgument("INPUT", "Articles (.txt) or XLIFF files.", "INPUT...");
  }

  Status Run(const QCommandLineParser& parser, CliContext& ctx) override {
    Result<Options> options = ParseOptions(parser, ctx);
    if (!options.ok()) return options.status();
    if (Status s = CheckTmReadable(ctx.tm_path); !s.ok()) return s;
    JobInputReader reader(options->from);
    std::vector<std::vector<Segment>> per_input;
    std::vector<Segment> all;
    for (const std::string& path : options->inputs) {
      Result<JobInput> input = reader.Read(path, nullptr);
      if (!input.ok()) return input.status();
      per_input.push_back(input->Segments(false));
      all.insert(all.end(), per_input.back().begin(), per_input.back().end());
    }
    Result<std::vector<std::vector<Match>>> found =
        AnalysisMatches(all, TmMatchSourceFactory(ctx.tm_path, options->from, options->to_keys),
                        options->threads, ctx);
    if (!found.ok()) return found.status();
    Result<std::vector<AnalysisReport>> reports = Analyze(*options, per_input, *found);
    if (!reports.ok()) return reports.status();
    Print(Format(*options, *reports, ctx));
    return Status::Ok();
  }

 private:
  struct Options {
    LanguageTag from;
    std::vector<LanguageTag> to;
    std::vector<std::string> to_keys;
    std::vector<std::string> inputs;
    std::optional<BandWeights> weights;
    int threads = 0;
    bool csv = false;
  };

  static Result<Options> ParseOptions(const QCommandLineParser& parser, const CliContext& ctx) {
    Options o;
    for (const QString& input : parser.positionalArguments()) o.inputs.push_back(ToUtf8(input));
    if (o.inputs.empty()) return Status::Usage("analyze takes one INPUT or more");
    o.csv = parser.isSet("csv");
    if (o.csv && ctx.json) return Status::Usage("--csv and --json exclude each other");
    Result<LanguageTag> from = LanguageOption(parser, "from");
    if (!from.ok()) return from.status();
    o.from = *from;
    if (!parser.isSet("to")) return Status::Usage("--to LANG is required");
    for (const QString& lang : parser.value("to").split(',', Qt::SkipEmptyParts)) {
      Result<LanguageTag> tag = LanguageTag::Parse(ToUtf8(lang.trimmed()));
      if (!tag.ok()) return Status::Usage("--to: " + tag.status().message());
      o.to.push_back(*tag);
      o.to_keys.push_back(tag->str());
    }
    if (o.to.empty()) return Status::Usage("--to is empty");
    Result<int> threads = IntOption(parser, "threads", 0, 1, 256);
    if (!threads.ok()) return threads.status();
    o.threads = *threads;
    if (parser.isSet("weights")) {
      Result<BandWeights> weights = Weights(ToUtf8(parser.value("weights")));
      if (!weights.ok()) return weights.status();
      o.weights = *weights;
    }
    return o;
  }

  // --weights: the rates themselves, or the name of a file holding them.
  static Result<BandWeights> Weights(const std::string& value) {
    std::error_code ec;
    if (value.find('=') != std::string::npos || !std::filesystem::is_regular_file(value, ec)) {
      return ParseBandWeights(value);
    }
    Result<std::string> text = ReadAll(value);
    if (!text.ok()) return text.status();
    Result<BandWeights> weights = ParseBandWeights(*text);
    if (!weights.ok()) return Status::InvalidInput(weights.status().message(), {value});
    return weights;
  }

  Result<std::vector<AnalysisReport>> Analyze(const Options& o,
                                              const std::vector<std::vector<Segment>>& per_input,
                                              std::vector<std::vector<Match>>& found) const {
    Result<std::unique_ptr<WordCounter>> counter = MakeWordCounter(o.from);
    if (!counter.ok()) return counter.status();
    Analyzer analyzer((*counter)->unit());
    std::vector<AnalysisReport> reports;
    size_t next = 0;
    for (size_t i = 0; i < per_input.size(); ++i) {
      std::vector<int64_t> words;
      std::vector<std::vector<Match>> matches;
      for (const Segment& segment : per_input[i]) {
        words.push_back((*counter)->Count(segment.text));
        matches.push_back(std::move(found[next++]));
        std::erase_if(matches.back(),
                      [&](const Match& m) { return !HasEveryTarget(m, o.to_keys); });
      }
      const std::string& path = o.inputs[i];
      reports.push_back(analyzer.Add(path == "-" ? "stdin" : path, per_input[i], words, matches));
    }
    reports.push_back(analyzer.total());
    return reports;
  }

  static std::string Format(const Options& o, std::vector<AnalysisReport>& reports,
                            const CliContext& ctx) {
    const BandWeights* weights = o.weights ? &*o.weights : nullptr;
    if (ctx.json) return AnalysisJsonLines(reports, weights);
    if (o.csv) return AnalysisCsv(reports, weights);
    if (reports.size() == 2) reports.pop_back();  // one input: its block is the total
    return AnalysisTable(reports, weights);
  }
};

}  // namespace

std::unique_ptr<Command> MakeAnalyzeCommand() { return std::make_unique<AnalyzeCommand>(); }

}  // namespace hashi::cli
