// hashi concord --lang LANG [--limit K] [--json] PHRASE: the units whose LANG text contains
// PHRASE (CONTRACT.md, `concord`; matching rules in hashi/concordance.h).
#include <unistd.h>

#include <cstdlib>

#include "command.h"
#include "hashi/concordance.h"
#include "hashi/tm_store.h"
#include "job_options.h"
#include "json_output.h"
#include "tm_json_output.h"

namespace hashi::cli {
namespace {

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 100000;
constexpr const char* kHighlightOn = "\x1b[1;31m";
constexpr const char* kHighlightOff = "\x1b[0m";

std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

// Highlights where the phrase occurs; only for a terminal (and not under NO_COLOR).
bool UseHighlight() {
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) == 1 && !(no_color && *no_color);
}

std::string Highlighted(const std::string& text, const std::string& phrase) {
  std::string out;
  size_t at = 0;
  for (const auto& [begin, end] : FindPhrase(text, phrase)) {
    out += text.substr(at, begin - at) + kHighlightOn + text.substr(begin, end - begin) +
           kHighlightOff;
    at = end;
  }
  return out + text.substr(at);
}

std::string ToText(const ConcordHit& hit, const std::string& phrase, bool highlight) {
  const std::string text = OneLine(hit.text.PlainText());
  std::string out = hit.lang + "  " + (highlight ? Highlighted(text, phrase) : text) + "\n";
  for (const auto& [lang, segment] : hit.targets) {
    out += "    " + lang + "  " + OneLine(segment.PlainText()) + "\n";
  }
  return out + "    (unit " + std::to_string(hit.unit) + ", " + hit.origin + ")\n";
}

class ConcordCommand : public Command {
 public:
  QString Name() const override { return "concord"; }
  QString Summary() const override { return "Units whose text contains a phrase"; }
  QString Usage() const override { return "concord --lang LANG [--limit K] [--json] PHRASE"; }

  void Define(QCommandLineParser& parser) const override {
    parser.setApplicationDescription(
        "Lists the TM units whose LANG text contains PHRASE, the most recently stored first,\n"
        "with their other languages. Case and width do not matter; Japanese needs no word\n"
        "boundaries and a phrase of one character works; Vietnamese typed without diacritics\n"
        "(\"hop tac\") matches any diacritics, typed with them (\"hợp tác\") it matches those\n"
        "letters with the tone mark on either vowel. PHRASE is plain text: quotes, *, OR are\n"
        "looked for as written. The match is highlighted on a terminal (not with NO_COLOR).\n"
        "--json: one object per unit: unit, text, targets, origin.");
    parser.addOption({"lang", "Language of the texts to search (BCP-47 tag).", "LANG"});
    parser.addOption({"limit", "At most this many units (default 20).", "K"});
    parser.addPositionalArgument("PHRASE", "The phrase to look for.");
  }

  Status Run(const QCommandLineParser& parser, CliContext& ctx) override {
    Result<LanguageTag> lang = LanguageOption(parser, "lang");
    if (!lang.ok()) return lang.status();
    Result<int> limit = IntOption(parser, "limit", kDefaultLimit, 1, kMaxLimit);
    if (!limit.ok()) return limit.status();
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1) return Status::Usage("concord takes one PHRASE (quote it)");
    ConcordRequest request;
    request.lang = lang->str();
    request.phrase = ToUtf8(args.first());
    request.limit = *limit;
    if (Status s = ValidateConcord(request); !s.ok()) return s;
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(ctx.tm_path, OpenMode::kReadOnly);
    if (!store.ok()) return store.status();
    Result<std::vector<ConcordHit>> hits = (*store)->Concord(request);
    if (!hits.ok()) return hits.status();
    const bool highlight = !ctx.json && UseHighlight();
    std::string out;
    for (const ConcordHit& hit : *hits) {
      if (ctx.json) {
        PrintJsonLine(ConcordHitJson(hit));
      } else {
        out += ToText(hit, request.phrase, highlight);
      }
    }
    Print(out);
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Command> MakeConcordCommand() { return std::make_unique<ConcordCommand>(); }

}  // namespace hashi::cli
