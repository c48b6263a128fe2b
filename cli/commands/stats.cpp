// hashi stats: units, variants per language, language pairs, origins.

#include "command.h"
#include "hashi/tm_store.h"
#include "json_output.h"
#include "tm_json_output.h"

namespace hashi::cli {
namespace {

std::string Table(const std::string& title, const std::map<std::string, int64_t>& counts) {
  std::string text = title + ":\n";
  size_t width = 0;
  for (const auto& [key, n] : counts) width = std::max(width, key.size());
  for (const auto& [key, n] : counts) {
    std::string padded = key;
    padded.resize(width, ' ');
    text += "  " + padded + "  " + std::to_string(n) + "\n";
  }
  return text;
}

class StatsCommand : public Command {
 public:
  QString Name() const override { return "stats"; }
  QString Summary() const override { return "Units, languages, language pairs and origins"; }
  QString Usage() const override { return "stats [--json]"; }

  void Define(QCommandLineParser& parser) const override {
    parser.setApplicationDescription(
        "Prints what the translation memory holds: units, variants per language, units per\n"
        "language pair, units per origin. With --json: one object with the fields units,\n"
        "variants, pairs and origins.");
  }

  Status Run(const QCommandLineParser& parser, CliContext& ctx) override {
    if (!parser.positionalArguments().isEmpty()) return Status::Usage("stats takes no arguments");
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(ctx.tm_path, OpenMode::kReadOnly);
    if (!store.ok()) return store.status();
    Result<StoreStats> stats = (*store)->Stats();
    if (!stats.ok()) return stats.status();
    if (ctx.json) {
      PrintJsonLine(StatsJson(*stats));
      return Status::Ok();
    }
    Print("TM: " + ctx.tm_path.string() + "\nunits: " + std::to_string(stats->units) + "\n" +
          Table("variants", stats->variants) + Table("pairs", stats->pairs) +
          Table("origins", stats->origins));
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Command> MakeStatsCommand() { return std::make_unique<StatsCommand>(); }

}  // namespace hashi::cli
