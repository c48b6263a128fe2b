// Pull-style readers of translation-unit files (TMX today).
#ifndef HASHI_FORMATS_UNIT_READER_H_
#define HASHI_FORMATS_UNIT_READER_H_

#include <filesystem>
#include <functional>
#include <memory>

#include "hashi/status.h"
#include "hashi/unit.h"

namespace hashi::formats {

// Pulls units from one file, one at a time. Not thread-safe.
// Memory use is bounded by the largest single unit, not by the file size.
// Typical caller:
//   auto reader = OpenUnitReader(path);  if (!reader.ok()) return reader.status();
//   while (std::optional<Unit> unit = (*reader)->Next()) Consume(*unit);
//   return (*reader)->status();
class UnitReader : public UnitStream {
 public:
  // The file's header. Valid once the reader is open (Open* parses up to the first unit).
  virtual const DocumentInfo& info() const = 0;
};

// Receives warnings about input that breaks a format rule but was read anyway.
using WarningSink = std::function<void(const Warning&)>;

struct ReaderOptions {
  WarningSink on_warning;  // may be empty: warnings are then dropped
};

// Opens `path` ("-" = standard input), sniffing the content. Errors name the file and, where
// there is one, the line and column: a missing file, a directory, an empty file, a file that is
// not TMX, malformed XML, an unknown encoding.
Result<std::unique_ptr<UnitReader>> OpenUnitReader(const std::filesystem::path& path,
                                                   const ReaderOptions& options = {});

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_UNIT_READER_H_
