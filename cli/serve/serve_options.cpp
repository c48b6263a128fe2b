#include "serve/serve_options.h"

namespace hashi::cli::serve {

bool IsLoopback(const std::string& address) {
  return address == "localhost" || address == "::1" || address == "[::1]" ||
         address.rfind("127.", 0) == 0;
}

}  // namespace hashi::cli::serve
