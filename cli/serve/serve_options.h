// What `hashi serve` was asked to do, resolved from its command line.
#ifndef HASHI_CLI_SERVE_SERVE_OPTIONS_H_
#define HASHI_CLI_SERVE_SERVE_OPTIONS_H_

#include <cstddef>
#include <filesystem>
#include <string>

#include "hashi/tm_store.h"

namespace hashi::cli::serve {

inline constexpr const char* kDefaultBind = "127.0.0.1";
inline constexpr int kDefaultPort = 8765;
// A request body larger than this is refused (413): three versions of a long article, or the
// reviewed units of one, fit many times over.
inline constexpr size_t kMaxBodyBytes = size_t{8} << 20;
// A query or phrase longer than this (in characters) is refused (400): no TM segment is that
// long, and the matcher's work grows with it.
inline constexpr int kMaxQueryChars = 2000;
// Most matches or hits one request may ask for.
inline constexpr int kMaxLimit = 1000;

struct ServeOptions {
  std::filesystem::path tm;       // the TM file
  std::filesystem::path web_dir;  // the page's static files (data/web)
  std::string bind = kDefaultBind;
  int port = kDefaultPort;        // 0: any free port
  std::string token;              // "" = no token: writes are open (loopback only)
  bool quiet = false;
  StoreOptions writer;  // how the store that writes is opened (CliContext::WriterOptions)
};

// True for an address only this machine reaches (127.0.0.0/8, ::1, localhost).
bool IsLoopback(const std::string& address);

}  // namespace hashi::cli::serve

#endif  // HASHI_CLI_SERVE_SERVE_OPTIONS_H_
