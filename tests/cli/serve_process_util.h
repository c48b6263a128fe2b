// `hashi serve` as a child process for the serve tests: started on a free loopback port, its
// URL read from its standard output, stopped with SIGTERM.
#ifndef HASHI_TESTS_CLI_SERVE_PROCESS_UTIL_H_
#define HASHI_TESTS_CLI_SERVE_PROCESS_UTIL_H_

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace hashi::testing {

class ServeProcess {
 public:
  // Runs `hashi --tm TM serve --port 0 EXTRA...` with the extra environment `env`.
  ServeProcess(const std::filesystem::path& tm, const std::vector<std::string>& extra = {},
               const std::vector<std::string>& env = {});
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  bool running() const { return port_ > 0; }
  int port() const { return port_; }
  const std::string& url() const { return url_; }  // "http://127.0.0.1:PORT/"
  // Sends SIGTERM and returns the exit status (128 + signal if it was killed).
  int Stop();
  // What the process wrote on stderr (after Stop()).
  const std::string& err() const { return err_; }

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  int port_ = 0;
  std::string url_;
  std::string err_;
};

// A port no one listens on right now (bound and released).
int FreePort();

}  // namespace hashi::testing

#endif  // HASHI_TESTS_CLI_SERVE_PROCESS_UTIL_H_
