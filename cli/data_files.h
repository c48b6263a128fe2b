// Where the CLI finds its data files (data/ of the project: hashi.srx, boilerplate.txt).
#ifndef HASHI_CLI_DATA_FILES_H_
#define HASHI_CLI_DATA_FILES_H_

#include <filesystem>
#include <string>

#include "hashi/status.h"

namespace hashi::cli {

// The folder data files are read from, first match wins:
//   1. $HASHI_DATA_DIR, if set and not empty (a user's own rules; no fallback from there);
//   2. the installed folder relative to the executable (HASHI_DATA_RELATIVE_DIR, e.g.
//      ../share/hashi beside bin/), if it holds hashi.srx: any install prefix works;
//   3. the folder configured at build time (HASHI_DATA_INSTALL_DIR), if it holds hashi.srx;
//   4. the source tree's data/ (HASHI_SOURCE_DATA_DIR), so build/hashi works from a clone.
std::filesystem::path DataDir();

// DataDir() / name, or a kNotFound error naming the path looked at and how to set it.
Result<std::filesystem::path> FindDataFile(const std::string& name);

// The whole content of `path` ("-" = standard input) as bytes; kIo error naming it.
Result<std::string> ReadAll(const std::string& path);

}  // namespace hashi::cli

#endif  // HASHI_CLI_DATA_FILES_H_
