// Where a writer's bytes go: an std::ostream, standard output, or a file written under a
// temporary name and renamed into place. Private to hashi_formats.
#ifndef HASHI_FORMATS_OUTPUT_SINK_H_
#define HASHI_FORMATS_OUTPUT_SINK_H_

#include <filesystem>
#include <memory>
#include <ostream>
#include <string_view>

#include "hashi/status.h"

namespace hashi::formats {

// Takes bytes, then commits them. Not thread-safe.
class OutputSink {
 public:
  // Destroying a sink that was not committed discards what it can (a file sink removes its
  // temporary file).
  virtual ~OutputSink() = default;
  virtual Status Write(std::string_view bytes) = 0;
  // Makes everything written final: flushes a stream, or syncs, closes and renames a file.
  virtual Status Commit() = 0;
};

// Writes to `out`, which must outlive the sink. Commit() flushes it.
std::unique_ptr<OutputSink> MakeOstreamSink(std::ostream& out);

// Writes to a new file "PATH.tmp-XXXXXX" beside `path`, renamed to `path` by Commit(); "-" is
// standard output. Fails with kIo if the temporary file cannot be created. With `sync`, Commit()
// syncs the file before the rename, so after a crash `path` holds the old file or the whole new
// one; a caller writing many files may skip that and call SyncFileSystem() once at the end.
Result<std::unique_ptr<OutputSink>> OpenFileSink(const std::filesystem::path& path,
                                                 bool sync = true);

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_OUTPUT_SINK_H_
