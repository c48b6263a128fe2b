// Shared pieces of the fault tests (fault_*_test.cpp): a big TMX, hashi run in the background,
// and what a TM holds, to compare before and after a fault.
#ifndef HASHI_TESTS_CLI_FAULT_TEST_UTIL_H_
#define HASHI_TESTS_CLI_FAULT_TEST_UTIL_H_

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace hashi::testing {

// Writes a TMX of `units` trilingual units to `path`: ../shared/bench/gen_tm.py (press-release
// sentences) when it is there, else SmallTmx. `seed` makes different files.
void WriteBigTmx(const std::filesystem::path& path, int units, int seed = 1);

// Starts build/hashi with `args` in the background, its output into `log` (stdout and stderr).
pid_t StartHashi(const std::vector<std::string>& args, const std::filesystem::path& log);
// Waits for it; its exit code, or 128 + the signal that ended it.
int WaitHashi(pid_t pid);
// True once it has ended (then *exit_code is set as WaitHashi would).
bool HasEnded(pid_t pid, int* exit_code);

// The size of a file in bytes, 0 if it is not there.
int64_t FileSize(const std::filesystem::path& path);

// `PRAGMA integrity_check` of the TM by the sqlite3 shell: "ok" when the file is sound.
std::string IntegrityCheck(const std::filesystem::path& tm);

// What the TM holds, to compare: `hashi stats --json` and `hashi export` of everything.
std::string TmContent(const std::filesystem::path& tm);

// Runs a shell command line; its output (stdout and stderr) and exit code.
RunResult RunShell(const std::string& command);
// The command line that runs build/hashi with `args` (each quoted for sh).
std::string HashiCommandLine(const std::vector<std::string>& args);

}  // namespace hashi::testing

#endif  // HASHI_TESTS_CLI_FAULT_TEST_UTIL_H_
