// hashi lookup --from LANG --to LANG[,LANG...] [--min PCT] [--limit K] [--exhaustive] TEXT|-:
// fuzzy matches from the TM, best first (CONTRACT.md, `lookup`; scores in hashi/matcher.h).
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

#include "command.h"
#include "hashi/matcher.h"
#include "hashi/normalizer.h"
#include "hashi/tm_store.h"
#include "job_options.h"
#include "json_output.h"
#include "tm_json_output.h"

namespace hashi::cli {
namespace {

constexpr int kDefaultMin = 70;
constexpr int kDefaultLimit = 5;
constexpr int kMaxLimit = 100000;

std::string OneLine(const Segment& segment) {
  std::string text = segment.PlainText();
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

// The score, the source, then the targets in --to order.
std::string ToText(const Match& match, const std::vector<std::string>& to) {
  char score[8];
  std::snprintf(score, sizeof score, "%3d", match.score);
  std::string text = std::string(score) + "  " + OneLine(match.source) + "\n";
  for (const std::string& lang : to) {
    auto target = match.targets.find(lang);
    if (target != match.targets.end())
      text += "     " + lang + "  " + OneLine(target->second) + "\n";
  }
  return text + "     (unit " + std::to_string(match.unit) + ", " + match.origin + ")\n";
}

// Warns (unless quiet) when no variant of the TM is in the source language: every lookup will
// come back empty, which is more likely a wrong --from than the answer wanted.
void WarnIfLanguageMissing(TmStore& store, const LanguageTag& from, const CliContext& ctx) {
  if (ctx.quiet) return;
  Result<StoreStats> stats = store.Stats();
  if (!stats.ok()) return;
  std::string langs;
  for (const auto& [lang, count] : stats->variants) {
    Result<LanguageTag> tag = LanguageTag::Parse(lang);
    if (tag.ok() && tag->Matches(from)) return;
    langs += (langs.empty() ? "" : ", ") + lang;
  }
  PrintError("hashi: warning: " +
             (langs.empty() ? std::string("the TM is empty")
                            : "the TM has no text in " + from.str() + " (it has " + langs + ")") +
             ": no matches\n");
}

class LookupCommand : public Command {
 public:
  QString Name() const override { return "lookup"; }
  QString Summary() const override { return "Fuzzy matches for a sentence (or one per line)"; }
  QString Usage() const override {
    return "lookup --from LANG --to LANG[,LANG...] [--min PCT] [--limit K] [--json] TEXT|-";
  }

  void Define(QCommandLineParser& parser) const override {
    parser.setApplicationDescription(
        "Prints the TM units whose --from text best matches TEXT, best first, with the score\n"
        "(100: same text; 99: same but for case, width, tone placement, spacing or inline\n"
        "codes; below: character-level Levenshtein similarity of the folded texts, rounded\n"
        "down), the source, the --to texts and where the unit came from. Equal scores: the\n"
        "more recently changed unit first. '-' reads one query per line from standard input\n"
        "(blank lines are skipped). Any direction works (vi to ja, ja to en ...).\n"
        "--json: one object per match: query, score, source, targets, unit, origin.");
    parser.addOption({"from", "Language of TEXT (BCP-47 tag).", "LANG"});
    parser.addOption({"to", "Languages to show, comma-separated.", "LANG[,LANG...]"});
    parser.addOption({"min", "Lowest score shown, 0-100 (default 70).", "PCT"});
    parser.addOption({"limit", "At most this many matches per query (default 5).", "K"});
    parser.addOption({"exhaustive",
                      "Compare with every unit instead of using the index (slow; for checking: "
                      "the answer is the same)."});
    parser.addPositionalArgument("TEXT", "The sentence to look up, or '-' for standard input.");
  }

  Status Run(const QCommandLineParser& parser, CliContext& ctx) override {
    Result<LookupRequest> request = ParseRequest(parser);
    if (!request.ok()) return request.status();
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1) return Status::Usage("lookup takes one TEXT (or - for stdin)");
    const std::string text = ToUtf8(args.first());
    if (text != "-" && MatchKey(text).empty()) return Status::Usage("the query is empty");
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(ctx.tm_path, OpenMode::kReadOnly);
    if (!store.ok()) return store.status();
    WarnIfLanguageMissing(**store, *LanguageTag::Parse(request->from), ctx);
    if (text != "-") {
      request->keep_keys = false;  // the process ends after this lookup
      return LookUp(**store, *request, text, false, ctx);
    }
    return LookUpLines(**store, *request, ctx);
  }

 private:
  static Result<LookupRequest> ParseRequest(const QCommandLineParser& parser) {
    Result<LanguageTag> from = LanguageOption(parser, "from");
    if (!from.ok()) return from.status();
    if (!parser.isSet("to")) return Status::Usage("--to LANG[,LANG...] is required");
    LookupRequest request;
    request.from = from->str();
    for (const QString& lang : parser.value("to").split(',', Qt::SkipEmptyParts)) {
      Result<LanguageTag> tag = LanguageTag::Parse(ToUtf8(lang.trimmed()));
      if (!tag.ok()) return Status::Usage("--to: " + tag.status().message());
      request.to.push_back(tag->str());
    }
    if (request.to.empty()) return Status::Usage("--to needs at least one language");
    Result<int> min = IntOption(parser, "min", kDefaultMin, 0, 100);
    if (!min.ok()) return min.status();
    Result<int> limit = IntOption(parser, "limit", kDefaultLimit, 1, kMaxLimit);
    if (!limit.ok()) return limit.status();
    request.min_score = *min;
    request.limit = *limit;
    request.exhaustive = parser.isSet("exhaustive");
    // A person waits on each query: its hardest candidates are compared on every core.
    request.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return request;
  }

  static Status LookUp(TmStore& store, LookupRequest& request, const std::string& text, bool batch,
                       const CliContext& ctx) {
    request.query = Segment{text, {}};
    Result<std::vector<Match>> matches = store.Lookup(request);
    if (!matches.ok()) return matches.status();
    std::string out;
    if (batch && !ctx.json) out = "> " + text + "\n";
    for (const Match& match : *matches) {
      if (ctx.json) {
        PrintJsonLine(MatchJson(text, match));
      } else {
        out += ToText(match, request.to);
      }
    }
    if (!ctx.json && matches->empty() && (batch || !ctx.quiet)) {
      out += "     (no match at or above " + std::to_string(request.min_score) + ")\n";
    }
    if (batch && !ctx.json) out += "\n";
    Print(out);
    return Status::Ok();
  }

  // One query per line; a line that is not UTF-8 is reported (line and column) and skipped,
  // and the command then fails once every other line has been answered.
  static Status LookUpLines(TmStore& store, LookupRequest& request, const CliContext& ctx) {
    std::string line;
    int64_t number = 0;
    bool bad_input = false;
    // The lines of one file learn from one another (pivots: at --min 60 or less, unmatched
    // lines that resemble an earlier one cost little).
    request.memory = NewLookupMemory();
    while (std::getline(std::cin, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const size_t bad = FindInvalidUtf8(line);
      if (bad != std::string::npos) {
        Report(Status::InvalidInput(
            "not UTF-8 (byte " + std::to_string(bad + 1) + " of the line); line skipped",
            {"-", number, static_cast<int64_t>(bad + 1)}));
        bad_input = true;
        continue;
      }
      if (MatchKey(line).empty()) continue;
      if (Status s = LookUp(store, request, line, true, ctx); !s.ok()) {
        return s.code() == ErrorCode::kUsage ? s : s.WithContext("-:" + std::to_string(number));
      }
      std::fflush(stdout);
    }
    return bad_input ? Status::InvalidInput("") : Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Command> MakeLookupCommand() { return std::make_unique<LookupCommand>(); }

}  // namespace hashi::cli
