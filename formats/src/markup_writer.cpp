#include "markup_writer.h"

#include <algorithm>

#include "xml_escape.h"

namespace hashi::formats {

void AppendQualifiedName(std::string& out, std::string_view prefix, std::string_view local) {
  if (!prefix.empty()) {
    out.append(prefix);
    out.push_back(':');
  }
  out.append(local);
}

bool IsTmxNamespace(std::string_view uri) { return uri.starts_with("http://www.lisa.org/tmx"); }

std::vector<XmlNamespace> MissingDeclarations(const XmlElement& element,
                                              const std::vector<std::string>& in_scope) {
  std::vector<XmlNamespace> missing;
  auto declared = [&](std::string_view prefix) {
    auto same = [&](const auto& ns) { return ns.prefix == prefix; };
    return std::any_of(element.namespaces.begin(), element.namespaces.end(), same) ||
           std::any_of(missing.begin(), missing.end(), same) ||
           std::find(in_scope.begin(), in_scope.end(), prefix) != in_scope.end();
  };
  auto need = [&](std::string_view prefix, std::string_view uri) {
    if (uri.empty() || prefix == "xml" || (prefix.empty() && IsTmxNamespace(uri))) return;
    if (!declared(prefix)) missing.push_back({prefix, uri});
  };
  need(element.prefix, element.uri);
  for (const XmlAttribute& a : element.attributes) {
    if (!a.prefix.empty()) need(a.prefix, a.uri);
  }
  return missing;
}

namespace {

void AppendDeclarations(std::string& out, std::span<const XmlNamespace> namespaces) {
  for (const XmlNamespace& ns : namespaces) {
    out.append(ns.prefix.empty() ? " xmlns" : " xmlns:");
    out.append(ns.prefix);
    out.append("=\"");
    AppendEscapedAttribute(out, ns.uri);
    out.push_back('"');
  }
}

}  // namespace

void AppendStartTagOpen(std::string& out, const XmlElement& element,
                        std::span<const XmlNamespace> extra) {
  out.push_back('<');
  AppendQualifiedName(out, element.prefix, element.local);
  AppendDeclarations(out, element.namespaces);
  AppendDeclarations(out, extra);
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
  in_scope_.clear();
  scope_marks_.clear();
  start_tag_open_ = false;
  Start(element);
}

void MarkupWriter::Start(const XmlElement& element) {
  CloseStartTag();
  const size_t name_offset = markup_.size() + 1;  // after "<"
  const std::vector<XmlNamespace> missing = MissingDeclarations(element, in_scope_);
  AppendStartTagOpen(markup_, element, missing);
  scope_marks_.push_back(in_scope_.size());
  for (const XmlNamespace& ns : element.namespaces) in_scope_.emplace_back(ns.prefix);
  for (const XmlNamespace& ns : missing) in_scope_.emplace_back(ns.prefix);
  const size_t name_size =
      element.local.size() + (element.prefix.empty() ? 0 : element.prefix.size() + 1);
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
  in_scope_.resize(scope_marks_.back());
  scope_marks_.pop_back();
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
