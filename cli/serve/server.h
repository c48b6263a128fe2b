// `hashi serve`: the HTTP server (cpp-httplib, a pool of worker threads) with the routes of
// routes.h, until SIGINT or SIGTERM.
#ifndef HASHI_CLI_SERVE_SERVER_H_
#define HASHI_CLI_SERVE_SERVER_H_

#include "hashi/status.h"
#include "serve/serve_options.h"

namespace hashi::cli::serve {

// Checks the TM (creating an empty one if there is none) and the web folder, listens, prints
// "http://ADDRESS:PORT/" on stdout once it does, and serves until SIGINT or SIGTERM. Errors: the
// TM or the page cannot be read, the address cannot be listened on.
Status RunServer(const ServeOptions& options);

}  // namespace hashi::cli::serve

#endif  // HASHI_CLI_SERVE_SERVER_H_
