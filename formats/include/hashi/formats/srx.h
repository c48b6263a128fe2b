// SRX (Segmentation Rules eXchange) files: the reader of SRX 1.0 and 2.0 into the plain
// hashi::SrxRules value the segmenter (hashi/segmenter.h) consumes.
//
// What is read: the language rules (name, and each rule's break value and beforebreak /
// afterbreak regexes, with the line of the rule), the language maps (SRX 2.0 <maprules> with
// <languagemap> children; SRX 1.0 <maprules><maprule><languagemap>, the first <maprule> only)
// and `cascade` (SRX 2.0 header; SRX 1.0 has none, so it is off).
// What is ignored, with the reason: `segmentsubflows` and <formathandle> (they concern inline
// markup and subflows, and hashi segments plain text); vendor extensions such as Okapi's
// okpsrx:options (Okapi's own behaviour, not SRX).
// The regexes are checked with ValidateSrxRules, so a file that reads is a file the segmenter
// can use. Errors name the file, the line (and column for malformed XML) and the rule.
#ifndef HASHI_FORMATS_SRX_H_
#define HASHI_FORMATS_SRX_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "hashi/segmenter.h"
#include "hashi/status.h"

namespace hashi::formats {

// Reads the SRX file at `path` (UTF-8, or UTF-16 with a byte order mark).
Result<SrxRules> ReadSrxFile(const std::filesystem::path& path);

// Reads SRX from its bytes; `file_name` names it in messages and becomes SrxRules::file.
Result<SrxRules> ReadSrx(std::string_view bytes, const std::string& file_name);

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_SRX_H_
