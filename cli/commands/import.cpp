// hashi import FILE.tmx...: each file in one transaction, one summary line per file.
#include <QJsonObject>

#include "command.h"
#include "hashi/formats/unit_reader.h"
#include "hashi/tm_store.h"
#include "json_output.h"
#include "progress.h"

namespace hashi::cli {
namespace {

class ImportCommand : public Command {
 public:
  QString Name() const override { return "import"; }
  QString Summary() const override { return "Import TMX files (1.1-1.4b) into the TM"; }
  QString Usage() const override { return "import [options] FILE.tmx..."; }

  void Define(QCommandLineParser& parser) const override {
    parser.setApplicationDescription(
        "Imports TMX files into the translation memory, streaming (any size). Each file is one\n"
        "transaction: a file that fails leaves the TM exactly as it was. '-' reads standard "
        "input.");
    parser.addOption({"on-duplicate",
                      "What to do with a unit whose languages and segments equal a stored "
                      "unit's: skip (default), replace, keep.",
                      "POLICY", "skip"});
    parser.addOption({"origin", "Label for the imported units (default: the file name).", "NAME"});
    parser.addPositionalArgument("FILE", "TMX files to import.", "FILE...");
  }

  Status Run(const QCommandLineParser& parser, CliContext& ctx) override {
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) return Status::Usage("no file to import");
    Result<DuplicatePolicy> policy = ParsePolicy(ToUtf8(parser.value("on-duplicate")));
    if (!policy.ok()) return policy.status();
    Result<std::unique_ptr<TmStore>> store =
        OpenSqliteStore(ctx.tm_path, OpenMode::kReadWrite, ctx.WriterOptions());
    if (!store.ok()) return store.status();
    int failed = 0;
    for (const QString& file : files) {
      const std::string path = ToUtf8(file);
      const std::string origin = parser.isSet("origin") ? ToUtf8(parser.value("origin"))
                                                        : DefaultOrigin(path);
      const Status s = ImportFile(**store, path, origin, *policy, ctx);
      if (!s.ok()) {
        PrintError("hashi: " + s.WithFile(path).ToString() + " (nothing imported from it)\n");
        ++failed;
      }
    }
    // Each failure was reported as it happened; an empty message tells main not to repeat it.
    return failed == 0 ? Status::Ok() : Status::InvalidInput("");
  }

 private:
  static Result<DuplicatePolicy> ParsePolicy(const std::string& name) {
    if (name == "skip") return DuplicatePolicy::kSkip;
    if (name == "replace") return DuplicatePolicy::kReplace;
    if (name == "keep") return DuplicatePolicy::kKeep;
    return Status::Usage("--on-duplicate takes skip, replace or keep, not '" + name + "'");
  }

  static std::string DefaultOrigin(const std::string& path) {
    if (path == "-") return "stdin";
    return std::filesystem::path(path).filename().string();
  }

  static Status ImportFile(TmStore& store, const std::string& path, const std::string& origin,
                           DuplicatePolicy policy, const CliContext& ctx) {
    formats::ReaderOptions reader_options;
    reader_options.on_warning = [&](const Warning& w) {
      Location where = w.where;
      if (where.file.empty()) where.file = path;
      PrintError("hashi: " + Status::InvalidInput("warning: " + w.message, where).ToString() +
                 "\n");
    };
    Result<std::unique_ptr<formats::UnitReader>> reader =
        formats::OpenUnitReader(path, reader_options);
    if (!reader.ok()) return reader.status();
    Progress progress(ctx.ShowProgress());
    ImportOptions options;
    options.on_duplicate = policy;
    options.origin = origin;
    options.on_progress = [&](int64_t n) {
      progress.Update(path + ": " + std::to_string(n) + " units read");
    };
    Result<ImportStats> stats = store.Import(**reader, (*reader)->info(), options);
    progress.Clear();
    if (!stats.ok()) return stats.status();
    PrintSummary(path, policy, *stats, ctx);
    return Status::Ok();
  }

  static void PrintSummary(const std::string& path, DuplicatePolicy policy,
                           const ImportStats& stats, const CliContext& ctx) {
    if (ctx.json) {
      PrintJsonLine({{"file", FromUtf8(path)},
                     {"imported", static_cast<qint64>(stats.imported)},
                     {"duplicates", static_cast<qint64>(stats.duplicates)}});
      return;
    }
    const char* what = policy == DuplicatePolicy::kReplace ? "duplicates replaced"
                                                           : "duplicates skipped";
    Print(path + ": " + std::to_string(stats.imported) + " units imported, " +
          std::to_string(stats.duplicates) + " " + what + "\n");
  }
};

}  // namespace

std::unique_ptr<Command> MakeImportCommand() { return std::make_unique<ImportCommand>(); }

}  // namespace hashi::cli
