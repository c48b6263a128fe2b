// The CLI's command model: one Command subclass per subcommand, in cli/commands/<name>.cpp.
// A command only declares its options in Define() (no I/O there) and does its work in Run(),
// calling core/formats and formatting the output. Qt types stay in cli/.
#ifndef HASHI_CLI_COMMAND_H_
#define HASHI_CLI_COMMAND_H_

#include <QCommandLineParser>
#include <QString>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "hashi/status.h"
#include "hashi/tm_store.h"

namespace hashi::cli {

// What every command gets: the global options, resolved.
struct CliContext {
  std::filesystem::path tm_path;  // --tm, else $HASHI_TM, else ./hashi.db
  bool quiet = false;             // --quiet: no progress, no chatter
  bool json = false;              // --json: JSON Lines on stdout
  // Progress lines are shown only on a terminal and never with --quiet.
  bool ShowProgress() const;
  // How a command that writes opens the TM: when it has to wait for another writer, it says so
  // where progress would show.
  StoreOptions WriterOptions() const;
};

class Command {
 public:
  virtual ~Command() = default;
  virtual QString Name() const = 0;     // "import"
  virtual QString Summary() const = 0;  // one line for `hashi --help`
  virtual QString Usage() const = 0;    // "import [options] FILE.tmx..."
  // Declares options and positional arguments. No I/O.
  virtual void Define(QCommandLineParser& parser) const = 0;
  virtual Status Run(const QCommandLineParser& parser, CliContext& ctx) = 0;
};

// All commands, in the order `hashi --help` lists them.
std::vector<std::unique_ptr<Command>> AllCommands();

// Helpers for commands.
std::string ToUtf8(const QString& s);
// Writes `text` to stdout / stderr as UTF-8 bytes.
void Print(const std::string& text);
void PrintError(const std::string& text);
// Prints a warning or error line "hashi: file:line:col: message" to stderr.
void Report(const Status& status);

}  // namespace hashi::cli

#endif  // HASHI_CLI_COMMAND_H_
