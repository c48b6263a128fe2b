#include "serve/server.h"

#include <malloc.h>
#include <sys/socket.h>

#include <csignal>
#include <cstdio>
#include <thread>

#include "command.h"
#include "hashi/tm_store.h"
#include "serve/http_json.h"
#include "serve/routes.h"
#include "serve/store_pool.h"

namespace hashi::cli::serve {
namespace {

// Worker threads of the HTTP server. A keep-alive connection holds one while it is open, so
// there are more than the 50 clients the load test runs; lookups themselves are bounded by the
// store pool (one store per core).
constexpr size_t kHttpThreads = 64;
// Requests one keep-alive connection may carry (cpp-httplib's default is 5, which makes busy
// clients reconnect all the time).
constexpr size_t kKeepAliveRequests = 100000;

class Server : public httplib::Server {
 public:
  // cpp-httplib as Debian builds it listens with a backlog of 5: a burst of new connections
  // overflows it and the dropped ones retry after a second. listen() again only raises it.
  void RaiseBacklog() { ::listen(svr_sock_, SOMAXCONN); }
};

std::string ErrorMessage(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 413:
      return "the request body is larger than " + std::to_string(kMaxBodyBytes >> 20) + " MiB";
    case 414:
      return "the request line is too long";
    default:
      return "HTTP error " + std::to_string(status);
  }
}

Status CheckTm(const std::filesystem::path& tm) {
  std::error_code ec;
  const OpenMode mode = std::filesystem::exists(tm, ec) ? OpenMode::kReadOnly : OpenMode::kReadWrite;
  Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(tm, mode);  // kReadWrite creates it
  if (!store.ok()) return store.status().WithFile(tm.string());
  return Status::Ok();
}

std::string Url(const std::string& bind, int port) {
  const std::string host = bind.find(':') != std::string::npos && bind.front() != '['
                               ? "[" + bind + "]"
                               : bind;
  return "http://" + host + ":" + std::to_string(port) + "/";
}

}  // namespace

Status RunServer(const ServeOptions& options) {
  if (Status s = CheckTm(options.tm); !s.ok()) return s;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(options.web_dir / "index.html", ec)) {
    return Status::NotFound("the page is missing (no index.html in " + options.web_dir.string() +
                            "; set HASHI_DATA_DIR to the folder holding web/)");
  }
#ifdef M_TOP_PAD
  // When an import commits, every store reads the chunks it changed at once, and each thread's
  // malloc arena grew 128 KB at a time, each step an mprotect that takes the process's memory
  // map lock for writing and stalls every other thread's page faults. Growing 64 MB at a time
  // (address space only: pages count when touched) took the requests around a 100k-unit
  // commit from up to 160 ms to up to 80 ms (bench/serve_load.sh).
  mallopt(M_TOP_PAD, 64 << 20);
#endif
  const size_t cores = std::max(2u, std::thread::hardware_concurrency());
  StorePool stores(options.tm, std::min<size_t>(cores, 8), options.writer);
  ServerState state{options, stores};

  // SIGINT and SIGTERM are taken by one thread (sigwait), which stops the server; every other
  // thread, the server's workers included, inherits the blocked mask from here.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a client that goes away is not a reason to die

  Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kHttpThreads); };
  // cpp-httplib's default socket options add SO_REUSEPORT, with which a second server on a busy
  // port starts without error and takes half of the first one's connections. Only
  // SO_REUSEADDR (restart at once after a stop).
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // An answer goes out in two writes (head, body): with Nagle's algorithm the second waits for
  // the client's delayed ACK, 40 ms on every keep-alive request.
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(kMaxBodyBytes);
  server.set_keep_alive_max_count(kKeepAliveRequests);
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) SendError(res, res.status, ErrorMessage(res.status));
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        SendError(res, kInternalError, "internal error");
      });
  AddQueryRoutes(server, state);
  AddAlignRoutes(server, state);
  AddAnalyzeRoutes(server, state);
  AddTmserverRoutes(server, state);
  AddStaticRoutes(server, state);  // last: it takes every other GET

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.bind);
  } else if (!server.bind_to_port(options.bind, port)) {
    port = -1;
  }
  if (port <= 0) {
    return Status::Io("cannot listen on " + options.bind + " port " +
                      std::to_string(options.port) + " (in use, or not an address of this machine)");
  }
  server.RaiseBacklog();

  std::thread stopper([&server, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
  });
  Print(Url(options.bind, port) + "\n");
  std::fflush(stdout);
  if (!options.quiet) {
    PrintError("hashi serve: " + options.tm.string() + " on " + Url(options.bind, port) +
               (options.token.empty() ? "" : " (writes need the token)") +
               "; Ctrl-C stops\n");
  }
  const bool served = server.listen_after_bind();
  if (!served) {
    // Not stopped by a signal: wake the stopper so that it can be joined.
    pthread_kill(stopper.native_handle(), SIGTERM);
  }
  stopper.join();
  if (!options.quiet) PrintError("hashi serve: stopped\n");
  return served ? Status::Ok() : Status::Io("the server stopped on an error");
}

}  // namespace hashi::cli::serve
