#include "shipped_tools.h"

#include "data_files.h"
#include "hashi/formats/srx.h"

namespace hashi::cli {

Result<SrxRules> LoadShippedRules() {
  Result<std::filesystem::path> path = FindDataFile("hashi.srx");
  if (!path.ok()) return path.status();
  return formats::ReadSrxFile(*path);
}

Result<std::unique_ptr<Cleaner>> LoadShippedCleaner() {
  Result<std::filesystem::path> path = FindDataFile("boilerplate.txt");
  if (!path.ok()) return path.status();
  Result<std::string> patterns = ReadAll(path->string());
  if (!patterns.ok()) return patterns.status();
  return MakeCleaner(*patterns, path->string());
}

}  // namespace hashi::cli
