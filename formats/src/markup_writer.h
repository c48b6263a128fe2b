// Re-serializes XML parser events as markup: how the TMX reader keeps an inline code (<bpt>,
// <ph>, ... with any <sub> inside) or a header <ude> as the complete element's XML. Private to
// hashi_formats.
#ifndef HASHI_FORMATS_MARKUP_WRITER_H_
#define HASHI_FORMATS_MARKUP_WRITER_H_

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xml_push_parser.h"

namespace hashi::formats {

// True for the namespaces some writers put TMX in (http://www.lisa.org/tmx14 ...). Elements in
// them need no declaration in markup: hashi writes TMX in no namespace.
bool IsTmxNamespace(std::string_view uri);

// The namespace declarations `element`'s markup needs to stand alone: for its prefix and its
// attributes' prefixes declared on an ancestor, neither on the element itself nor in `in_scope`
// (prefixes declared by enclosing markup). "xml" and the TMX namespaces need none. The views
// point into `element`.
std::vector<XmlNamespace> MissingDeclarations(const XmlElement& element,
                                              const std::vector<std::string>& in_scope = {});

// Appends `<name` + the element's namespace declarations, then `extra` ones, then its
// attributes (document order, double quotes, values escaped) to `out`, without the closing ">".
void AppendStartTagOpen(std::string& out, const XmlElement& element,
                        std::span<const XmlNamespace> extra = {});

// Appends "prefix:local" (or "local").
void AppendQualifiedName(std::string& out, std::string_view prefix, std::string_view local);

// Serializes one element and everything inside it. The output is canonical, so serializing a
// parse of the output gives the same string: attributes in double quotes, text escaped as
// AppendEscapedText does, an element with no content written as <x/>, comments and processing
// instructions left out, and the declarations of namespaces used but declared outside the
// element added to it. Not thread-safe.
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
  std::vector<std::string> in_scope_;                  // prefixes declared in the markup
  std::vector<size_t> scope_marks_;                    // in_scope_.size() at each open element
  bool start_tag_open_ = false;  // the last start tag still lacks its ">" (maybe "/>")
};

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_MARKUP_WRITER_H_
