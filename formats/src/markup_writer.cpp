#include "markup_writer.h"

#include "xml_escape.h"

namespace hashi::formats {

void AppendQualifiedName(std::string& out, std::string_view prefix, std::string_view local) {
  if (!prefix.empty()) {
    out.append(prefix);
    out.push_back(':');
  }
  out.append(local);
}

void AppendStartTagOpen(std::string& out, const XmlElement& element) {
  out.push_back('<');
  AppendQualifiedName(out, element.prefix, element.local);
  for (const XmlNamespace& ns : element.namespaces) {
    out.append(ns.prefix.empty() ? " xmlns" : " xmlns:");
    out.append(ns.prefix);
    out.append("=\"");
    AppendEscapedAttribute(out, ns.uri);
    out.push_back('"');
  }
  for (const XmlAttribute& a : element.attributes) {
    out.push_back(' ');
    AppendQualifiedName(out, a.prefix, a.local);
    out.append("=\"");
    AppendEscapedAttribute(out, a.value);
    out.push_back('"');
  }
}

void MarkupWriter::Begin(const XmlElement& element) {
  markup_.clear();
  open_names_.clear();
  start_tag_open_ = false;
  Start(element);
}

void MarkupWriter::Start(const XmlElement& element) {
  CloseStartTag();
  const size_t name_offset = markup_.size() + 1;  // after "<"
  AppendStartTagOpen(markup_, element);
  const size_t name_size = element.local.size() + (element.prefix.empty() ? 0 : element.prefix.size() + 1);
  open_names_.emplace_back(name_offset, name_size);
  start_tag_open_ = true;
}

void MarkupWriter::Text(std::string_view utf8) {
  if (utf8.empty()) return;
  CloseStartTag();
  AppendEscapedText(markup_, utf8);
}

bool MarkupWriter::End() {
  const auto [offset, size] = open_names_.back();
  open_names_.pop_back();
  if (start_tag_open_) {
    markup_.append("/>");
    start_tag_open_ = false;
  } else {
    markup_.append("</");
    markup_.append(markup_, offset, size);
    markup_.push_back('>');
  }
  return open_names_.empty();
}

void MarkupWriter::CloseStartTag() {
  if (start_tag_open_) markup_.push_back('>');
  start_tag_open_ = false;
}

}  // namespace hashi::formats
