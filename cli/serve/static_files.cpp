// The page: GET / and the files of the web folder (data/web), nothing outside it. The path
// arrives percent-decoded, so "%2e%2e" and "%2f" are checked as the ".." and "/" they are.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "serve/http_json.h"
#include "serve/routes.h"

namespace hashi::cli::serve {
namespace {

std::string ContentType(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json") return "application/json; charset=utf-8";
  return "text/plain; charset=utf-8";
}

// The file under `root` that `url_path` names, or nothing: only names of letters, digits,
// '.', '-', '_' separated by single '/', no segment "." or "..", and the resolved file (links
// followed) must still be inside `root`.
std::optional<std::filesystem::path> Resolve(const std::filesystem::path& root,
                                             const std::string& url_path) {
  if (url_path.empty() || url_path[0] != '/') return std::nullopt;
  std::string relative = url_path == "/" ? "index.html" : url_path.substr(1);
  size_t start = 0;
  while (start <= relative.size()) {
    size_t end = relative.find('/', start);
    if (end == std::string::npos) end = relative.size();
    const std::string segment = relative.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return std::nullopt;
    for (const char c : segment) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
      if (!ok) return std::nullopt;
    }
    start = end + 1;
  }
  std::error_code ec;
  const std::filesystem::path base = std::filesystem::canonical(root, ec);
  if (ec) return std::nullopt;
  const std::filesystem::path file = std::filesystem::canonical(base / relative, ec);
  if (ec || !std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  const auto [b, f] = std::mismatch(base.begin(), base.end(), file.begin(), file.end());
  if (b != base.end()) return std::nullopt;
  return file;
}

}  // namespace

void AddStaticRoutes(httplib::Server& server, ServerState& state) {
  server.Get(".*", Guarded([&state](const httplib::Request& req, httplib::Response& res) {
    if (req.path.starts_with("/api/") || req.path.starts_with("/tmserver/")) {
      return SendError(res, kNotFound, "no such endpoint: " + req.path);
    }
    const std::optional<std::filesystem::path> file = Resolve(state.options.web_dir, req.path);
    if (!file) return SendError(res, kNotFound, "not found");
    std::ifstream in(*file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) return SendError(res, kInternalError, "cannot read " + file->filename().string());
    res.set_content(bytes.str(), ContentType(*file));
    res.set_header("Cache-Control", "no-cache");
    res.set_header("X-Content-Type-Options", "nosniff");
    // The page loads nothing from elsewhere; say so, so a browser refuses it too.
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
                   "script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
  }));
}

}  // namespace hashi::cli::serve
