// hashi vacuum [--json]: rebuilds the TM's counters and match index and compacts the file
// (TmStore::Vacuum).
#include "command.h"
#include "hashi/tm_store.h"
#include "json_output.h"

namespace hashi::cli {
namespace {

class VacuumCommand : public Command {
 public:
  QString Name() const override { return "vacuum"; }
  QString Summary() const override { return "Rebuild the match index and counters, compact"; }
  QString Usage() const override { return "vacuum [--json]"; }

  void Define(QCommandLineParser& parser) const override {
    parser.setApplicationDescription(
        "Rebuilds the counters and the match index from the units (dropping the postings of\n"
        "replaced units) and compacts the file (SQLite VACUUM). Repairs what `hashi check`\n"
        "reports, unless the file itself is damaged. The index is laid out as import writes\n"
        "it (each language's keys together), as a TM imported by an earlier build may not be:\n"
        "lookups that read many keys get faster. Takes the TM for writing: other writers\n"
        "wait. With --json: one object with the fields tm, units, bytes_before, bytes_after.");
  }

  Status Run(const QCommandLineParser& parser, CliContext& ctx) override {
    if (!parser.positionalArguments().isEmpty()) return Status::Usage("vacuum takes no arguments");
    if (!std::filesystem::exists(ctx.tm_path)) {
      return Status::NotFound("no TM here yet (hashi import creates one)", {ctx.tm_path.string()});
    }
    Result<std::unique_ptr<TmStore>> store =
        OpenSqliteStore(ctx.tm_path, OpenMode::kReadWrite, ctx.WriterOptions());
    if (!store.ok()) return store.status();
    Result<VacuumStats> stats = (*store)->Vacuum();
    if (!stats.ok()) return stats.status();
    if (ctx.json) {
      PrintJsonLine({{"tm", FromUtf8(ctx.tm_path.string())},
                     {"units", static_cast<qint64>(stats->units)},
                     {"bytes_before", static_cast<qint64>(stats->bytes_before)},
                     {"bytes_after", static_cast<qint64>(stats->bytes_after)}});
    } else if (!ctx.quiet) {
      Print("TM: " + ctx.tm_path.string() + "\nrebuilt " + std::to_string(stats->units) +
            " units' counters and match index; " + std::to_string(stats->bytes_before >> 10) +
            " KiB -> " + std::to_string(stats->bytes_after >> 10) + " KiB\n");
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Command> MakeVacuumCommand() { return std::make_unique<VacuumCommand>(); }

}  // namespace hashi::cli
