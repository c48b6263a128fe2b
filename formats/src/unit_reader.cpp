// OpenUnitReader: opens a file and hands it to the reader of its format.
#include <fstream>
#include <iostream>

#include "hashi/formats/tmx.h"
#include "hashi/formats/unit_reader.h"

namespace hashi::formats {

Result<std::unique_ptr<UnitReader>> OpenUnitReader(const std::filesystem::path& path,
                                                   const ReaderOptions& options) {
  const std::string name = path.string();
  if (name == "-") {
    auto in = std::make_unique<std::istream>(std::cin.rdbuf());
    return OpenTmxReader(std::move(in), "<stdin>", options);
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    return Status::NotFound("no such file", {name, 0, 0});
  }
  if (std::filesystem::is_directory(status)) {
    return Status::InvalidInput("is a directory, not a TMX file", {name, 0, 0});
  }
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) return Status::Io("cannot open for reading", {name, 0, 0});
  // TMX is the only unit format read so far; OpenTmxReader sniffs the content and says clearly
  // when a file is not TMX.
  return OpenTmxReader(std::move(in), name, options);
}

}  // namespace hashi::formats
