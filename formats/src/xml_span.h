// Byte spans of elements in the text of a well-formed XML document: how the XLIFF reader keeps
// an element's exact original bytes (inline codes) and finds where to insert new elements.
// Private to hashi_formats.
#ifndef HASHI_FORMATS_XML_SPAN_H_
#define HASHI_FORMATS_XML_SPAN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hashi/status.h"

namespace hashi::formats {

// [begin, end) byte offsets into a document's text.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
};

// The spans of one element, found from the "<" of its start tag.
struct ElementSpans {
  Span start_tag;  // "<name ...>" or "<name .../>"
  Span end_tag;    // "</name>"; empty (begin == end == start_tag.end) for "<name/>"
  Span whole() const { return {start_tag.begin, end_tag.end}; }
  Span content() const { return {start_tag.end, end_tag.begin}; }
  bool self_closing() const { return end_tag.begin == end_tag.end; }
};

// The spans of the element whose start tag begins at text[start] ('<').
// REQUIRES: `text` is a well-formed document (checked beforehand); comments, CDATA sections,
// processing instructions and quoted attribute values are skipped correctly.
ElementSpans FindElementSpans(std::string_view text, size_t start);

// Line and column (1-based; the column counts characters, not bytes) of byte `offset`.
Location LocationAt(std::string_view text, size_t offset, const std::string& file);

// The same for many offsets of one text: the line starts are found once (LocationAt counts
// the newlines before the offset each time, which for every unit of a 10,000-unit XLIFF file
// took seconds).
class LineStarts {
 public:
  explicit LineStarts(std::string_view text);
  Location At(size_t offset, const std::string& file) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;  // of every line, ascending; starts_[0] == 0
};

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_XML_SPAN_H_
