// hashi analyze --from LANG --to LANG[,LANG...] [--json|--csv] [--weights W] INPUT...: the
// match-band report of a job against the TM.
#include "analysis_job.h"
#include "analysis_output.h"
#include "command.h"
#include "data_files.h"
#include "hashi/analysis.h"
#include "job_input.h"
#include "job_options.h"
#include "tm_match_source.h"

namespace hashi::cli {
namespace {

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
    AnalysisJob job;
    job.from = options->from;
    job.to = options->to_keys;
    job.threads = options->threads;
    for (const std::string& path : options->inputs) {
      Result<JobInput> input = reader.Read(path, nullptr);
      if (!input.ok()) return input.status();
      job.names.push_back(path == "-" ? "stdin" : path);
      job.inputs.push_back(input->Segments(false));
    }
    Result<std::vector<AnalysisReport>> reports =
        RunAnalysis(job, TmMatchSourceFactory(ctx.tm_path, options->from, options->to_keys), ctx);
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
