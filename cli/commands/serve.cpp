// hashi serve [--port N] [--bind ADDR] [--token T]: the web page and JSON API for translators
// (CONTRACT.md, `serve`; the server is in cli/serve/).
#include "command.h"
#include "data_files.h"
#include "job_options.h"
#include "serve/server.h"

namespace hashi::cli {
namespace {

class ServeCommand : public Command {
 public:
  QString Name() const override { return "serve"; }
  QString Summary() const override {
    return "Serve the lookup, alignment review and TM pages and a JSON API on HTTP";
  }
  QString Usage() const override { return "serve [--port N] [--bind ADDR] [--token T]"; }

  void Define(QCommandLineParser& parser) const override {
    parser.setApplicationDescription(
        "Serves a web page for translators (lookup and concordance as you type, alignment\n"
        "review, the TM at a glance) at http://ADDR:PORT/, a JSON API under /api/ with the\n"
        "fields of the commands' --json output, and translate-toolkit's tmserver protocol at\n"
        "/tmserver/SRC/TGT/unit/TEXT. Prints the URL on standard output once listening; runs\n"
        "until Ctrl-C (SIGINT) or SIGTERM. Only this machine can connect unless --bind names\n"
        "another address, which needs --token: requests that write (storing reviewed units)\n"
        "must then send 'Authorization: Bearer T'. The API is described in docs/api.md.");
    parser.addOption({"port", "Port to listen on (default 8765; 0: any free port, printed).",
                      "N"});
    parser.addOption({"bind", "Address to listen on (default 127.0.0.1).", "ADDR"});
    parser.addOption({"token", "Token that requests which write must send (required with a "
                               "--bind other than loopback).", "T"});
  }

  Status Run(const QCommandLineParser& parser, CliContext& ctx) override {
    if (!parser.positionalArguments().isEmpty()) return Status::Usage("serve takes no arguments");
    Result<int> port = IntOption(parser, "port", serve::kDefaultPort, 0, 65535);
    if (!port.ok()) return port.status();
    serve::ServeOptions options;
    options.tm = ctx.tm_path;
    options.web_dir = DataDir() / "web";
    options.port = *port;
    options.quiet = ctx.quiet;
    options.writer = ctx.WriterOptions();  // a write from the page that waits says so
    if (parser.isSet("bind")) options.bind = ToUtf8(parser.value("bind"));
    if (options.bind.empty()) return Status::Usage("--bind needs an address");
    if (parser.isSet("token")) {
      options.token = ToUtf8(parser.value("token"));
      if (options.token.empty()) return Status::Usage("--token must not be empty");
    }
    if (!serve::IsLoopback(options.bind) && options.token.empty()) {
      return Status::Usage("--bind " + options.bind +
                           " lets other machines connect: give --token T as well (requests "
                           "that write must then send 'Authorization: Bearer T')");
    }
    return serve::RunServer(options);
  }
};

}  // namespace

std::unique_ptr<Command> MakeServeCommand() { return std::make_unique<ServeCommand>(); }

}  // namespace hashi::cli
