// hashi: the command-line entry point. Two-stage parsing: the top-level parser takes the global
// options and the command name; the command's own parser takes the rest (global options are
// registered there too, so they work before or after the command).
#include <QCoreApplication>
#include <QTextStream>
#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <new>

#include "command.h"

namespace hashi::cli {
namespace {

constexpr int kExitUsage = 2;

struct GlobalOptions {
  QCommandLineOption tm{"tm", "Translation memory file (default: $HASHI_TM, else ./hashi.db).",
                        "PATH"};
  QCommandLineOption quiet{{"q", "quiet"}, "No progress display or chatter on standard error."};
  QCommandLineOption json{"json", "Results as JSON Lines (one object per line)."};
  void AddTo(QCommandLineParser& parser) const {
    parser.addOption(tm);
    parser.addOption(quiet);
    parser.addOption(json);
  }
};

// Qt builds the usage line from argv[0]; ours names the command instead.
std::string HelpText(const QCommandLineParser& parser, const QString& usage) {
  QString text = parser.helpText();
  const qsizetype first_newline = text.indexOf('\n');
  text = "Usage: hashi " + usage + text.mid(first_newline);
  return ToUtf8(text);
}

std::string MainHelp(const std::vector<std::unique_ptr<Command>>& commands) {
  std::string text =
      "Usage: hashi [--tm PATH] [--quiet] [--json] COMMAND [options] [arguments]\n\n"
      "hashi keeps a translation memory of English, Vietnamese and Japanese press releases.\n\n"
      "Commands:\n";
  for (const auto& c : commands) {
    std::string name = ToUtf8(c->Name());
    name.resize(14, ' ');
    text += "  " + name + ToUtf8(c->Summary()) + "\n";
  }
  text +=
      "\nGlobal options (before or after the command):\n"
      "  --tm PATH     translation memory file (default: $HASHI_TM, else ./hashi.db)\n"
      "  -q, --quiet   no progress display or chatter on standard error\n"
      "  --json        results as JSON Lines\n"
      "  -h, --help    this help; `hashi COMMAND --help` for a command's options\n"
      "  -v, --version the version of hashi\n\n"
      "Exit status: 0 success, 1 the work failed, 2 a usage error.\n";
  return text;
}

void ResolveContext(const QCommandLineParser& top, const QCommandLineParser& sub,
                    const GlobalOptions& g, CliContext& ctx) {
  if (sub.isSet(g.tm)) {
    ctx.tm_path = ToUtf8(sub.value(g.tm));
  } else if (top.isSet(g.tm)) {
    ctx.tm_path = ToUtf8(top.value(g.tm));
  } else if (const char* env = std::getenv("HASHI_TM"); env && *env) {
    ctx.tm_path = env;
  } else {
    ctx.tm_path = "hashi.db";
  }
  ctx.quiet = top.isSet(g.quiet) || sub.isSet(g.quiet);
  ctx.json = top.isSet(g.json) || sub.isSet(g.json);
}

int RunCommand(Command& command, const QCommandLineParser& top, QStringList args,
               const GlobalOptions& globals) {
  QCommandLineParser parser;
  parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
  globals.AddTo(parser);
  command.Define(parser);
  const QCommandLineOption help = parser.addHelpOption();
  if (!parser.parse(args)) {  // not process(): it would exit(1), and usage errors are 2
    PrintError("hashi " + ToUtf8(command.Name()) + ": " + ToUtf8(parser.errorText()) +
               "\n(see hashi " + ToUtf8(command.Name()) + " --help)\n");
    return kExitUsage;
  }
  if (parser.isSet(help)) {
    Print(HelpText(parser, command.Usage()));
    return 0;
  }
  CliContext ctx;
  ResolveContext(top, parser, globals, ctx);
  if (ctx.tm_path.empty()) {
    PrintError("hashi: --tm needs a file name\n");
    return kExitUsage;
  }
  const Status status = command.Run(parser, ctx);
  std::fflush(stdout);
  if (status.ok()) return 0;
  if (!status.message().empty()) Report(status);
  if (status.code() == ErrorCode::kUsage) {
    PrintError("(see hashi " + ToUtf8(command.Name()) + " --help)\n");
    return kExitUsage;
  }
  return 1;
}

int Main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  // QCoreApplication sets the C locale from the environment; numbers in our output (TSV, JSON,
  // reports) and in options (--weights 0.3) must not turn into "0,3" under a comma locale.
  std::setlocale(LC_NUMERIC, "C");
  QCoreApplication::setApplicationName("hashi");
  QCoreApplication::setApplicationVersion(HASHI_VERSION);
  const std::vector<std::unique_ptr<Command>> commands = AllCommands();
  const GlobalOptions globals;

  QCommandLineParser top;
  top.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
  globals.AddTo(top);
  const QCommandLineOption help({"h", "help"}, "Help.");
  const QCommandLineOption version({"v", "version"}, "Version.");
  top.addOption(help);
  top.addOption(version);
  top.addPositionalArgument("command", "The command to run.");
  if (!top.parse(QCoreApplication::arguments())) {
    PrintError("hashi: " + ToUtf8(top.errorText()) + "\n(see hashi --help)\n");
    return kExitUsage;
  }
  if (top.isSet(version)) {
    Print("hashi " HASHI_VERSION "\n");
    return 0;
  }
  QStringList positional = top.positionalArguments();
  if (top.isSet(help) || (!positional.isEmpty() && positional.first() == "help" &&
                          positional.size() == 1)) {
    Print(MainHelp(commands));
    return 0;
  }
  if (positional.isEmpty()) {
    PrintError(MainHelp(commands));
    return kExitUsage;
  }
  if (positional.first() == "help") {  // `hashi help import` = `hashi import --help`
    positional = {positional.at(1), "--help"};
  }
  const QString name = positional.takeFirst();
  for (const auto& command : commands) {
    if (command->Name() == name) {
      positional.prepend(QCoreApplication::arguments().first());
      return RunCommand(*command, top, positional, globals);
    }
  }
  PrintError("hashi: '" + ToUtf8(name) + "' is not a hashi command (see hashi --help)\n");
  return kExitUsage;
}

}  // namespace
}  // namespace hashi::cli

int main(int argc, char** argv) {
  // Past a file-size limit (ulimit -f) a write then fails with EFBIG, which SQLite and the
  // writers report and roll back, instead of SIGXFSZ killing the process mid-write.
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    return hashi::cli::Main(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs("hashi: out of memory\n", stderr);
    return 1;
  }
}
