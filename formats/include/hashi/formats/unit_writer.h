// Writers of translation-unit files (TMX today).
#ifndef HASHI_FORMATS_UNIT_WRITER_H_
#define HASHI_FORMATS_UNIT_WRITER_H_

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "hashi/status.h"
#include "hashi/unit.h"

namespace hashi::formats {

// Writes units to one output, streaming: nothing but the current unit is held. Not thread-safe.
// Call Write() for each unit, then Finish() once; an output not finished is incomplete (a file
// written through OpenTmxFileWriter is then removed, never left half-written).
class UnitWriter {
 public:
  virtual ~UnitWriter() = default;
  virtual Status Write(const Unit& unit) = 0;
  virtual Status Finish() = 0;
};

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_UNIT_WRITER_H_
