#include "fault_test_util.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>

#include "cli_test_util.h"

namespace hashi::testing {
namespace {

std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

void WriteBigTmx(const std::filesystem::path& path, int units, int seed) {
  // Generated once per build folder and copied: several tests (each its own process under
  // ctest) use the same file. Written under a temporary name and renamed, so that tests running
  // in parallel never see half of it.
  const std::filesystem::path cache = std::filesystem::path(HASHI_BINARY).parent_path() / "test-data";
  const std::string name = "big-" + std::to_string(units) + "-" + std::to_string(seed);
  const std::filesystem::path cached = cache / (name + ".tmx");
  if (!std::filesystem::exists(cached)) {
    std::filesystem::create_directories(cache);
    const std::filesystem::path partial = cache / (name + "." + std::to_string(::getpid()));
    const std::filesystem::path generator = SharedDir() / "bench" / "gen_tm.py";
    const RunResult r =
        std::filesystem::exists(generator)
            ? RunShell("python3 " + Quote(generator.string()) + " --quiet --m 0 --n " +
                       std::to_string(units) + " --seed " + std::to_string(seed) +
                       " --out-tmx " + Quote(partial.string()))
            : RunResult{};
    if (r.exit_code != 0) WriteFileBytes(partial, SmallTmx(units, seed * 10'000'000));
    std::filesystem::rename(partial, cached);
  }
  std::filesystem::copy_file(cached, path, std::filesystem::copy_options::overwrite_existing);
}

pid_t StartHashi(const std::vector<std::string>& args, const std::filesystem::path& log) {
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, 0);
    ::dup2(out, 1);
    ::dup2(out, 2);
    std::vector<char*> argv{const_cast<char*>(HASHI_BINARY)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::unsetenv("HASHI_TM");
    ::execv(HASHI_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

int WaitHashi(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool HasEnded(pid_t pid, int* exit_code) {
  int status = 0;
  if (::waitpid(pid, &status, WNOHANG) != pid) return false;
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return true;
}

int64_t FileSize(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<int64_t>(size);
}

std::string IntegrityCheck(const std::filesystem::path& tm) {
  RunResult r = RunShell("sqlite3 " + Quote(tm.string()) + " 'PRAGMA integrity_check'");
  while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == '\r')) r.out.pop_back();
  return r.exit_code == 0 ? r.out : "sqlite3 failed: " + r.out;
}

std::string TmContent(const std::filesystem::path& tm) {
  const std::filesystem::path out = tm.string() + ".content.tmx";
  const RunResult r = RunHashi({"--tm", tm.string(), "--quiet", "export", out.string()});
  std::string content = StatsJson(tm) + "\n" + std::to_string(r.exit_code) + r.err + "\n";
  if (r.exit_code == 0) content += ReadFileBytes(out);
  std::filesystem::remove(out);
  return content;
}

RunResult RunShell(const std::string& command) {
  RunResult result;
  FILE* p = ::popen((command + " 2>&1").c_str(), "r");
  if (p == nullptr) return result;
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, p)) > 0) result.out.append(buffer, n);
  const int status = ::pclose(p);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::string HashiCommandLine(const std::vector<std::string>& args) {
  std::string line = Quote(HASHI_BINARY);
  for (const std::string& a : args) line += " " + Quote(a);
  return line;
}

}  // namespace hashi::testing
