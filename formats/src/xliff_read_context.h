// The state shared by the parts of the XLIFF reader. Private to hashi_formats.
#ifndef HASHI_FORMATS_XLIFF_READ_CONTEXT_H_
#define HASHI_FORMATS_XLIFF_READ_CONTEXT_H_

#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "xliff_internal.h"

namespace hashi::formats {

struct XliffReadContext {
  explicit XliffReadContext(XliffDocument::Internal& document)
      : doc(document), lines(document.text) {}
  XliffDocument::Internal& doc;
  LineStarts lines;  // of doc.text, for Where

  std::string_view text() const { return doc.text; }
  // True if `node` is the XLIFF element `local` (in the document's XLIFF prefix).
  bool Is(const pugi::xml_node& node, std::string_view local) const;
  // The offset of the "<" of `element`'s start tag in the text.
  size_t Offset(const pugi::xml_node& element) const;
  ElementSpans Spans(const pugi::xml_node& element) const;
  std::string_view Bytes(Span span) const { return text().substr(span.begin, span.size()); }
  Location Where(const pugi::xml_node& element) const;
};

// The local part of a qualified name: "trans-unit" for "xlf:trans-unit".
std::string_view LocalName(std::string_view qualified);

// Every attribute of `element`, names as written.
Attributes AttributesOf(const pugi::xml_node& element);

// Reads one <trans-unit> into doc.units and doc.places.
Status ReadTransUnit(const XliffReadContext& context, const pugi::xml_node& element, size_t file,
                     bool translate);

// Appends the content of `element` (text and inline codes) to `segment`.
Status AppendInlineContent(const XliffReadContext& context, const pugi::xml_node& element,
                           Segment& segment);

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_XLIFF_READ_CONTEXT_H_
