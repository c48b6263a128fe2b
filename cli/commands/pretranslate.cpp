// hashi pretranslate --from LANG --to LANG [--min PCT] [--alt K] INPUT -o OUT.xlf: an XLIFF 1.2
// file with the best TM match of each segment in its target.
#include <QJsonObject>
#include <tuple>

#include "command.h"
#include "hashi/formats/xliff.h"
#include "job_input.h"
#include "job_options.h"
#include "json_output.h"
#include "tm_match_source.h"

namespace hashi::cli {
namespace {

struct Tally {
  int64_t segments = 0, exact = 0, fuzzy = 0, none = 0;
  void Add(const std::vector<Match>& matches) {
    ++segments;
    if (matches.empty()) {
      ++none;
    } else {
      ++(matches.front().score >= 100 ? exact : fuzzy);
    }
  }
};

// The lookups' results in the shape of the article's paragraphs.
formats::XliffArticle ToArticle(const JobInput& input, std::vector<std::vector<Match>>& found) {
  formats::XliffArticle article;
  article.original = std::filesystem::path(input.name).filename().string();
  size_t next = 0;
  for (const auto& paragraph : input.article.paragraphs) {
    article.paragraphs.emplace_back();
    for (const std::string& sentence : paragraph) {
      article.paragraphs.back().push_back({{sentence, {}}, std::move(found[next++])});
    }
  }
  return article;
}

// The lookups' results in the shape of the XLIFF units that need a target.
std::vector<std::vector<std::vector<Match>>> ToUnits(const formats::XliffDocument& doc,
                                                     std::vector<std::vector<Match>>& found) {
  std::vector<std::vector<std::vector<Match>>> matches;
  size_t next = 0;
  for (const formats::XliffUnit& unit : doc.units()) {
    matches.emplace_back(unit.segments.size());
    if (!unit.NeedsTarget()) continue;
    for (auto& segment : matches.back()) segment = std::move(found[next++]);
  }
  return matches;
}

class PretranslateCommand : public Command {
 public:
  QString Name() const override { return "pretranslate"; }
  QString Summary() const override { return "Pre-translate an article or XLIFF file from the TM"; }
  QString Usage() const override {
    return "pretranslate --from LANG --to LANG [--min PCT] [--alt K] INPUT -o OUT.xlf";
  }

  void Define(QCommandLineParser& parser) const override {
    parser.setApplicationDescription(
        "Writes an XLIFF 1.2 file (valid against the OASIS schema) with the best TM match of\n"
        "each segment, scoring at least --min, in its <target> (state and state-qualifier\n"
        "from the score) and the best and up to --alt other matches in <alt-trans\n"
        "match-quality origin>. INPUT is an article (UTF-8 text, cleaned and segmented as\n"
        "`segment --clean` does; one <group> per paragraph) or an XLIFF 1.2 file from a CAT\n"
        "tool, given back with only targets added to its untranslated units. The file\n"
        "appears only when complete; '-' writes to standard output.");
    parser.addOption({"from", "Source language of INPUT (BCP-47 tag).", "LANG"});
    parser.addOption({"to", "Target language (BCP-47 tag).", "LANG"});
    parser.addOption({"min", "Lowest score of a match used (0-100, default 75).", "PCT"});
    parser.addOption({"alt", "Other matches in <alt-trans> besides the best (default 3).", "K"});
    parser.addOption({{"o", "output"}, "The XLIFF file to write ('-': standard output).", "OUT"});
    AddThreadsOption(parser);
    parser.addPositionalArgument("INPUT", "The article (.txt) or XLIFF file ('-': stdin).");
  }

  Status Run(const QCommandLineParser& parser, CliContext& ctx) override {
    Result<Options> options = ParseOptions(parser);
    if (!options.ok()) return options.status();
    const Options& o = *options;
    if (Status s = CheckOutputPath(o.out); !s.ok()) return s;
    if (Status s = CheckTmReadable(ctx.tm_path); !s.ok()) return s;
    JobInputReader reader(o.from);
    Result<JobInput> input = reader.Read(o.input, &o.to);
    if (!input.ok()) return input.status();
    const std::vector<Segment> segments = input->Segments(true);
    Result<std::vector<std::vector<Match>>> found =
        LookUpAll(segments, TmMatchSourceFactory(ctx.tm_path, o.from, {o.to.str()}),
                  FindOptions{o.min, o.alt + 1, o.threads, {}, {}}, ctx);
    if (!found.ok()) return found.status();
    Tally tally;
    for (const auto& matches : *found) tally.Add(matches);
    if (Status s = Write(*input, *found, o); !s.ok()) return s;
    Report(*input, tally, o.out, ctx);
    return Status::Ok();
  }

 private:
  struct Options {
    LanguageTag from, to;
    int min = 75, alt = 3, threads = 0;
    std::string input, out;
  };

  static Result<Options> ParseOptions(const QCommandLineParser& parser) {
    if (parser.positionalArguments().size() != 1) {
      return Status::Usage("pretranslate takes one INPUT");
    }
    if (!parser.isSet("output")) return Status::Usage("-o OUT.xlf is required");
    if (parser.value("to").contains(',')) return Status::Usage("--to takes one language");
    Options o;
    o.input = ToUtf8(parser.positionalArguments().first());
    o.out = ToUtf8(parser.value("output"));
    Result<LanguageTag> from = LanguageOption(parser, "from");
    if (!from.ok()) return from.status();
    Result<LanguageTag> to = LanguageOption(parser, "to");
    if (!to.ok()) return to.status();
    o.from = *from;
    o.to = *to;
    for (auto [name, fallback, low, high, field] :
         {std::tuple{"min", 75, 0, 100, &o.min}, std::tuple{"alt", 3, 0, 100, &o.alt},
          std::tuple{"threads", 0, 1, 256, &o.threads}}) {
      Result<int> value = IntOption(parser, name, fallback, low, high);
      if (!value.ok()) return value.status();
      *field = *value;
    }
    return o;
  }

  static Status Write(const JobInput& input, std::vector<std::vector<Match>>& found,
                      const Options& o) {
    if (input.xliff) {
      formats::XliffLeverage leverage{o.to.str(), o.alt, ToUnits(*input.xliff, found)};
      return formats::WritePretranslatedXliff(*input.xliff, leverage, o.out);
    }
    formats::XliffArticle article = ToArticle(input, found);
    article.source_lang = o.from.str();
    article.target_lang = o.to.str();
    article.alternatives = o.alt;
    return formats::WriteArticleXliff(article, o.out);
  }

  static void Report(const JobInput& input, const Tally& tally, const std::string& out,
                     const CliContext& ctx) {
    if (tally.segments == 0 && !ctx.quiet) {
      PrintError("hashi: warning: " + input.name + ": nothing to translate (" +
                 (input.xliff ? "no unit without a target" : "no sentence") + "); " + out +
                 " has no new target\n");
    }
    if (ctx.json) {
      PrintJsonLine({{"file", FromUtf8(out)},
                     {"segments", static_cast<qint64>(tally.segments)},
                     {"exact", static_cast<qint64>(tally.exact)},
                     {"fuzzy", static_cast<qint64>(tally.fuzzy)},
                     {"none", static_cast<qint64>(tally.none)}});
    } else if (out != "-" && !ctx.quiet) {
      Print(out + ": " + std::to_string(tally.segments) + " segments, " +
            std::to_string(tally.exact) + " exact, " + std::to_string(tally.fuzzy) + " fuzzy, " +
            std::to_string(tally.none) + " without a match\n");
    }
  }
};

}  // namespace

std::unique_ptr<Command> MakePretranslateCommand() {
  return std::make_unique<PretranslateCommand>();
}

}  // namespace hashi::cli
