// XliffDocument's plumbing and the helpers the parts of the reader share.
#include <fstream>
#include <iostream>
#include <sstream>

#include "xliff_read_context.h"

namespace hashi::formats {

XliffDocument::XliffDocument() : internal_(std::make_unique<Internal>()) {}
XliffDocument::~XliffDocument() = default;
XliffDocument::XliffDocument(XliffDocument&&) noexcept = default;
XliffDocument& XliffDocument::operator=(XliffDocument&&) noexcept = default;

const std::string& XliffDocument::name() const { return internal_->name; }
const std::string& XliffDocument::version() const { return internal_->version; }
const std::vector<XliffFile>& XliffDocument::files() const { return internal_->files; }
const std::vector<XliffUnit>& XliffDocument::units() const { return internal_->units; }

bool XliffReadContext::Is(const pugi::xml_node& node, std::string_view local) const {
  const std::string_view name = node.name();
  if (doc.prefix.empty()) return name == local;
  return name.size() == doc.prefix.size() + 1 + local.size() && name.starts_with(doc.prefix) &&
         name[doc.prefix.size()] == ':' && name.ends_with(local);
}

size_t XliffReadContext::Offset(const pugi::xml_node& element) const {
  // offset_debug() is where the element's name starts, just after its "<".
  return static_cast<size_t>(element.offset_debug()) - 1;
}

ElementSpans XliffReadContext::Spans(const pugi::xml_node& element) const {
  return FindElementSpans(text(), Offset(element));
}

Location XliffReadContext::Where(const pugi::xml_node& element) const {
  return lines.At(Offset(element), doc.name);
}

std::string_view LocalName(std::string_view qualified) {
  const size_t colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

Attributes AttributesOf(const pugi::xml_node& element) {
  Attributes attrs;
  for (const pugi::xml_attribute& a : element.attributes()) attrs.push_back({a.name(), a.value()});
  return attrs;
}

Result<XliffDocument> ReadXliffFile(const std::filesystem::path& path) {
  std::ostringstream bytes;
  const std::string name = path.string();
  if (name == "-") {
    bytes << std::cin.rdbuf();
    return ReadXliff(bytes.str(), "<stdin>");
  }
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound("no such file", {name, 0, 0});
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidInput("is a directory, not an XLIFF file", {name, 0, 0});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io("cannot open for reading", {name, 0, 0});
  bytes << in.rdbuf();
  if (in.bad()) return Status::Io("read error", {name, 0, 0});
  return ReadXliff(bytes.str(), name);
}

}  // namespace hashi::formats
