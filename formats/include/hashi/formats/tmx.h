// TMX: the streaming reader (TMX 1.1 to 1.4b, any encoding ICU knows) and the TMX 1.4b writer.
#ifndef HASHI_FORMATS_TMX_H_
#define HASHI_FORMATS_TMX_H_

#include <filesystem>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "hashi/formats/unit_reader.h"
#include "hashi/formats/unit_writer.h"

namespace hashi::formats {

// Reads TMX from `input`, named `display_name` in messages. Streams: memory is bounded by one
// unit. The encoding is detected as XML 1.0 appendix F says (BOM, then the XML declaration);
// UTF-16 with or without BOM and any encoding ICU has a converter for are accepted.
// Returns an error right away if the input is empty, not XML, not TMX, or its header is bad.
Result<std::unique_ptr<UnitReader>> OpenTmxReader(std::unique_ptr<std::istream> input,
                                                  std::string display_name,
                                                  const ReaderOptions& options = {});

struct TmxWriterOptions {
  std::string srclang = "*all*";      // header srclang
  std::string adminlang = "en";       // header adminlang
  std::string datatype = "plaintext"; // header datatype
  std::string segtype = "sentence";   // header segtype
  std::string o_tmf = "hashi";        // header o-tmf
  // Extra header children: props, notes and raw <ude> markup kept from the origins exported.
  std::vector<Prop> header_props;
  std::vector<Note> header_notes;
  std::vector<std::string> header_extra_markup;
  // OpenTmxFileWriter: sync the file to disk before renaming it into place. A batch writing
  // many files turns this off and calls SyncFileSystem() once at the end (one sync, not one per
  // file, which made a 3,000-article batch 30% slower).
  bool sync_each_file = true;
};

// A TMX 1.4b writer (UTF-8, valid against tmx14.dtd when the units' own content is) into
// `out`, which must outlive the writer. Finish() flushes but does not close `out`.
std::unique_ptr<UnitWriter> MakeTmxWriter(std::ostream& out, const TmxWriterOptions& options);

// A TMX 1.4b writer into the file `path` ("-" = standard output). The file is written under a
// temporary name beside it and renamed into place by Finish(): a run that fails or is killed
// never leaves a half-written file at `path`.
Result<std::unique_ptr<UnitWriter>> OpenTmxFileWriter(const std::filesystem::path& path,
                                                      const TmxWriterOptions& options);

// Flushes everything written to the file system holding `folder` to disk (syncfs).
Status SyncFileSystem(const std::filesystem::path& folder);

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_TMX_H_
