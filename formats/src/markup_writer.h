// Re-serializes XML parser events as markup: how the TMX reader keeps an inline code (<bpt>,
// <ph>, ... with any <sub> inside) or a header <ude> as the complete element's XML. Private to
// hashi_formats.
#ifndef HASHI_FORMATS_MARKUP_WRITER_H_
#define HASHI_FORMATS_MARKUP_WRITER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xml_push_parser.h"

namespace hashi::formats {

// Appends `<name` + namespace declarations + attributes (document order, double quotes, values
// escaped) to `out`, without the closing ">".
void AppendStartTagOpen(std::string& out, const XmlElement& element);

// Appends "prefix:local" (or "local").
void AppendQualifiedName(std::string& out, std::string_view prefix, std::string_view local);

// Serializes one element and everything inside it. The output is canonical, so serializing a
// parse of the output gives the same string: attributes in double quotes, text escaped as
// AppendEscapedText does, an element with no content written as <x/>, comments and processing
// instructions left out. Not thread-safe.
class MarkupWriter {
 public:
  // Starts a new element (clearing what was written before).
  void Begin(const XmlElement& element);
  // An element nested in the one begun.
  void Start(const XmlElement& element);
  void Text(std::string_view utf8);
  // Ends the innermost open element; returns true when that was the element begun.
  bool End();
  // True between Begin() and the End() that returns true.
  bool active() const { return !open_names_.empty(); }
  // The markup written. REQUIRES: !active().
  const std::string& markup() const { return markup_; }
  std::string TakeMarkup() { return std::move(markup_); }

 private:
  void CloseStartTag();

  std::string markup_;
  std::vector<std::pair<size_t, size_t>> open_names_;  // offset and size of each open name
  bool start_tag_open_ = false;  // the last start tag still lacks its ">" (maybe "/>")
};

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_MARKUP_WRITER_H_
