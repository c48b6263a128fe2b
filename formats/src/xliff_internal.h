// What an XliffDocument keeps for writing it back: its text and, per unit, where the new
// elements go. Private to hashi_formats.
#ifndef HASHI_FORMATS_XLIFF_INTERNAL_H_
#define HASHI_FORMATS_XLIFF_INTERNAL_H_

#include <optional>
#include <string>
#include <vector>

#include "hashi/formats/xliff.h"
#include "xml_span.h"

namespace hashi::formats {

// A piece of <seg-source> content: a segment (<mrk mtype="seg">) or what lies between them.
struct SegSourcePiece {
  bool is_segment = false;
  size_t segment = 0;  // index into XliffUnit::segments when is_segment
  Span raw;            // the piece's bytes in the text (for a segment: the whole mrk element)
};

// Where pre-translation writes into one trans-unit.
struct UnitPlace {
  size_t insert_at = 0;                // just after </source> or </seg-source>
  std::optional<Span> empty_target;    // an existing empty <target> the new one replaces
  Attributes target_attrs;             // that target's attributes, kept on the new one
  std::vector<SegSourcePiece> pieces;  // the <seg-source> content of a segmented unit
};

struct XliffDocument::Internal {
  std::string name;
  std::string version;
  std::vector<XliffFile> files;
  std::vector<XliffUnit> units;
  std::vector<UnitPlace> places;  // parallel to units
  std::string text;               // the document as UTF-8, without byte order mark
  std::string bom;                // the byte order mark as it was in the file, or ""
  std::string encoding;           // what the file is encoded in ("UTF-8", "UTF-16LE", ...)
  std::string prefix;             // the prefix of the XLIFF elements ("" or e.g. "xlf")
};

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_XLIFF_INTERNAL_H_
