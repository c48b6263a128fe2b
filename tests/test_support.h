// Helpers shared by the test binaries: where test files are, temporary folders, running hashi.
#ifndef HASHI_TESTS_TEST_SUPPORT_H_
#define HASHI_TESTS_TEST_SUPPORT_H_

#include <filesystem>
#include <string>
#include <vector>

namespace hashi::testing {

// The project's source tree, and ../shared beside it (may not exist in a newcomer's clone).
std::filesystem::path SourceDir();
std::filesystem::path SharedDir();
// True when ../shared/corpus is there. Tests that need it call GTEST_SKIP() otherwise.
bool HaveSharedCorpus();

// The whole content of a file, as bytes.
std::string ReadFileBytes(const std::filesystem::path& path);
void WriteFileBytes(const std::filesystem::path& path, const std::string& bytes);

// A fresh empty folder under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Result of running the hashi executable.
struct RunResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs build/hashi with `args` (no shell: each element is one argument), `stdin_bytes` as its
// standard input, and the extra environment `env` ("NAME=value"). HASHI_TM is unset unless given.
RunResult RunHashi(const std::vector<std::string>& args, const std::string& stdin_bytes = "",
                   const std::vector<std::string>& env = {});

}  // namespace hashi::testing

#endif  // HASHI_TESTS_TEST_SUPPORT_H_
