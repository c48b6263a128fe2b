// The handler boundary and the write check of `hashi serve`.
#include <exception>
#include <new>

#include "serve/http_json.h"
#include "serve/routes.h"

namespace hashi::cli::serve {

httplib::Server::Handler Guarded(
    std::function<void(const httplib::Request&, httplib::Response&)> handler) {
  return [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    try {
      handler(req, res);
    } catch (const std::bad_alloc&) {
      SendError(res, kInternalError, "out of memory");
    } catch (const std::exception& e) {
      SendError(res, kInternalError, std::string("internal error: ") + e.what());
    } catch (...) {
      SendError(res, kInternalError, "internal error");
    }
  };
}

bool Authorized(const httplib::Request& req, const ServeOptions& options) {
  if (options.token.empty()) return true;
  const std::string expected = "Bearer " + options.token;
  const std::string given = req.get_header_value("Authorization");
  // Compares every byte whatever the first difference, so timing does not tell how much of a
  // guessed token was right.
  unsigned char differ = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < expected.size(); ++i) {
    differ |= static_cast<unsigned char>(expected[i] ^ (i < given.size() ? given[i] : 0));
  }
  return differ == 0;
}

}  // namespace hashi::cli::serve
