// hashi check [--json]: verifies the TM (TmStore::Check) and says how to repair it.
#include <QJsonArray>

#include "command.h"
#include "hashi/tm_store.h"
#include "json_output.h"

namespace hashi::cli {
namespace {

constexpr char kRepairIndex[] =
    "run `hashi vacuum` to rebuild the counters and the match index from the units";
constexpr char kRepairFile[] =
    "the file itself is damaged, which vacuum cannot repair: restore the TM from a backup, or "
    "export what can still be read (hashi export) and import it into a new TM";

void PrintReport(const std::filesystem::path& tm, const CheckReport& report,
                 const std::string& repair, const CliContext& ctx) {
  if (ctx.json) {
    QJsonArray problems;
    for (const std::string& p : report.problems) problems.append(FromUtf8(p));
    QJsonObject out{{"tm", FromUtf8(tm.string())},
                    {"sound", report.sound()},
                    {"units", static_cast<qint64>(report.units)},
                    {"problems", problems},
                    {"more_problems", static_cast<qint64>(report.more_problems)},
                    {"stale_postings", static_cast<qint64>(report.stale_postings)}};
    if (!repair.empty()) out["repair"] = FromUtf8(repair);
    PrintJsonLine(out);
    return;
  }
  std::string text = "TM: " + tm.string() + "\n";
  if (report.sound()) {
    text += "sound: " + std::to_string(report.units) + " units, counters and match index agree\n";
    if (report.stale_postings > 0) {
      text += std::to_string(report.stale_postings) +
              " postings of replaced units remain (harmless; `hashi vacuum` drops them)\n";
    }
  } else {
    text += "NOT sound:\n";
    for (const std::string& p : report.problems) text += "  " + p + "\n";
    if (report.more_problems > 0) {
      text += "  ... and " + std::to_string(report.more_problems) + " more\n";
    }
    text += "repair: " + repair + "\n";
  }
  Print(text);
}

class CheckCommand : public Command {
 public:
  QString Name() const override { return "check"; }
  QString Summary() const override { return "Verify the TM: file, counters and match index"; }
  QString Usage() const override { return "check [--json]"; }

  void Define(QCommandLineParser& parser) const override {
    parser.setApplicationDescription(
        "Verifies the translation memory: SQLite's integrity check of the file, the counters\n"
        "that `stats` prints against the units, and the match index of `lookup` and `concord`\n"
        "against the units (every variant's key and tokens present, no unit indexed that is\n"
        "not stored). Reads the whole TM. Exit status 0 when it is sound, 1 when not, with\n"
        "what is wrong and how to repair it (`hashi vacuum` rebuilds counters and index).\n"
        "With --json: one object with the fields tm, sound, units, problems, more_problems,\n"
        "stale_postings and, when not sound, repair.");
  }

  Status Run(const QCommandLineParser& parser, CliContext& ctx) override {
    if (!parser.positionalArguments().isEmpty()) return Status::Usage("check takes no arguments");
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(ctx.tm_path, OpenMode::kReadOnly);
    CheckReport report;
    if (!store.ok()) {
      // A file SQLite cannot read is the one problem check cannot look past.
      if (store.status().code() == ErrorCode::kNotFound ||
          store.status().message().find("damaged") == std::string::npos) {
        return store.status();
      }
      report.file_damaged = true;
      report.problems.push_back(store.status().message());
    } else {
      Result<CheckReport> checked = (*store)->Check();
      if (!checked.ok()) return checked.status();
      report = std::move(*checked);
    }
    const std::string repair = report.sound()        ? ""
                               : report.file_damaged ? kRepairFile
                                                     : kRepairIndex;
    PrintReport(ctx.tm_path, report, repair, ctx);
    if (report.sound()) return Status::Ok();
    return Status::InvalidInput("the TM is not sound: " + repair, {ctx.tm_path.string()});
  }
};

}  // namespace

std::unique_ptr<Command> MakeCheckCommand() { return std::make_unique<CheckCommand>(); }

}  // namespace hashi::cli
