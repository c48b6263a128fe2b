// The routes of `hashi serve`, one Add* per group (each in its own file), and what the
// handlers share.
#ifndef HASHI_CLI_SERVE_ROUTES_H_
#define HASHI_CLI_SERVE_ROUTES_H_

#include <httplib.h>

#include <functional>

#include "serve/serve_options.h"
#include "serve/store_pool.h"

namespace hashi::cli::serve {

struct ServerState {
  const ServeOptions& options;
  StorePool& stores;
};

// GET /api/lookup, /api/concord, /api/stats (api_query.cpp).
void AddQueryRoutes(httplib::Server& server, ServerState& state);
// POST /api/align, /api/units, /api/export (api_align.cpp).
void AddAlignRoutes(httplib::Server& server, ServerState& state);
// POST /api/analyze (api_analyze.cpp).
void AddAnalyzeRoutes(httplib::Server& server, ServerState& state);
// GET /tmserver/SRC/TGT/unit/TEXT (tmserver.cpp).
void AddTmserverRoutes(httplib::Server& server, ServerState& state);
// GET / and the page's files; 404 for the rest (static_files.cpp).
void AddStaticRoutes(httplib::Server& server, ServerState& state);

// `handler` with the handler boundary around it: an exception becomes a 500 JSON error and
// never reaches the server's threads.
httplib::Server::Handler Guarded(std::function<void(const httplib::Request&, httplib::Response&)>
                                     handler);

// For requests that write: OK without a token, else the request must carry
// "Authorization: Bearer TOKEN" (kUsage otherwise; the caller answers 401).
bool Authorized(const httplib::Request& req, const ServeOptions& options);

}  // namespace hashi::cli::serve

#endif  // HASHI_CLI_SERVE_ROUTES_H_
