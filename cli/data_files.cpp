#include "data_files.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace hashi::cli {

std::filesystem::path DataDir() {
  if (const char* env = std::getenv("HASHI_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  // Installed: relative to the executable, so that any install prefix works (cmake --install
  // --prefix, a .deb unpacked anywhere); then the folder the build was configured for.
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path beside = exe.parent_path() / HASHI_DATA_RELATIVE_DIR;
    if (std::filesystem::is_regular_file(beside / "hashi.srx", ec)) return beside.lexically_normal();
  }
  const std::filesystem::path installed = HASHI_DATA_INSTALL_DIR;
  if (std::filesystem::is_regular_file(installed / "hashi.srx", ec)) return installed;
  return HASHI_SOURCE_DATA_DIR;
}

Result<std::filesystem::path> FindDataFile(const std::string& name) {
  const std::filesystem::path path = DataDir() / name;
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) return path;
  return Status::NotFound("data file " + name + " not found (looked at " + path.string() +
                          "; set HASHI_DATA_DIR to the folder that holds it)");
}

Result<std::string> ReadAll(const std::string& path) {
  std::ostringstream bytes;
  if (path == "-") {
    bytes << std::cin.rdbuf();
    if (std::cin.bad()) return Status::Io("cannot read standard input", {"-"});
    return bytes.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status::Io("is a directory", {path});
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io("cannot open the file", {path});
  bytes << in.rdbuf();
  if (in.bad()) return Status::Io("cannot read the file", {path});
  return bytes.str();
}

}  // namespace hashi::cli
