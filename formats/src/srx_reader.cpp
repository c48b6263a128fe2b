// The SRX reader: pugixml DOM (SRX files are small), line numbers from node offsets.
#include <unicode/ustring.h>

#include <algorithm>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <vector>

#include "hashi/formats/srx.h"

namespace hashi::formats {
namespace {

// Turns byte offsets of the (UTF-8) document into 1-based lines and columns.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') newlines_.push_back(i);
    }
  }
  int64_t Line(ptrdiff_t offset) const {
    if (offset < 0) return 0;
    return std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<size_t>(offset)) -
           newlines_.begin() + 1;
  }
  int64_t Column(ptrdiff_t offset) const {
    const int64_t line = Line(offset);
    const size_t start = line <= 1 ? 0 : newlines_[line - 2] + 1;
    return static_cast<int64_t>(offset) - static_cast<int64_t>(start) + 1;
  }

 private:
  std::vector<size_t> newlines_;
};

// Local name of an element: SRX 2.0 files may use a namespace prefix ("srx:rule").
std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& parent, std::string_view name) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == name) return child;
  }
  return {};
}

template <typename F>
void ForEachChild(const pugi::xml_node& parent, std::string_view name, F f) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == name) f(child);
  }
}

// All character data of an element, white space included: " " is a meaningful regex.
std::string TextOf(const pugi::xml_node& node) {
  std::string text;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      text += child.value();
    }
  }
  return text;
}

// UTF-16 with a BOM becomes UTF-8; a UTF-8 BOM is dropped. Other bytes are taken as UTF-8.
Result<std::string> ToUtf8(std::string_view bytes, const std::string& file_name) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return std::string(bytes.substr(3));
  const bool le = bytes.substr(0, 2) == "\xFF\xFE";
  if (!le && bytes.substr(0, 2) != "\xFE\xFF") return std::string(bytes);
  std::u16string units;
  for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
    const auto lo = static_cast<unsigned char>(bytes[le ? i : i + 1]);
    const auto hi = static_cast<unsigned char>(bytes[le ? i + 1 : i]);
    units.push_back(static_cast<char16_t>(hi << 8 | lo));
  }
  std::string out(units.size() * 3, '\0');
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, units.data(),
                     static_cast<int32_t>(units.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return Status::InvalidInput("cannot decode UTF-16", {file_name});
  out.resize(static_cast<size_t>(length));
  return out;
}

class SrxParser {
 public:
  SrxParser(std::string_view text, const std::string& file) : lines_(text), file_(file) {}

  Result<SrxRules> Parse(const pugi::xml_document& doc) {
    const pugi::xml_node root = doc.document_element();
    if (LocalName(root) != "srx")
      return Error(root, "not an SRX file: the root element is <" + std::string(root.name()) + ">");
    const std::string version = root.attribute("version").value();
    if (version != "1.0" && version != "2.0") {
      return Error(root, "unsupported SRX version '" + version + "' (expected 1.0 or 2.0)");
    }
    SrxRules rules;
    rules.file = file_;
    const pugi::xml_node header = Child(root, "header");
    rules.cascade =
        version == "2.0" && std::string_view(header.attribute("cascade").value()) == "yes";
    const pugi::xml_node body = Child(root, "body");
    if (!body) return Error(root, "<srx> has no <body>");
    Status status;
    ForEachChild(Child(body, "languagerules"), "languagerule", [&](pugi::xml_node node) {
      if (status.ok()) status = ReadLanguageRule(node, rules);
    });
    if (!status.ok()) return status;
    const pugi::xml_node maprules = Child(body, "maprules");
    ForEachChild(maprules, "languagemap", [&](pugi::xml_node map) { ReadMap(map, rules); });
    if (const pugi::xml_node first = Child(maprules, "maprule")) {  // SRX 1.0
      ForEachChild(first, "languagemap", [&](pugi::xml_node map) { ReadMap(map, rules); });
    }
    if (Status valid = ValidateSrxRules(rules); !valid.ok()) return valid;
    return rules;
  }

 private:
  Status Error(const pugi::xml_node& node, const std::string& message) const {
    return Status::InvalidInput(message, Location{file_, lines_.Line(node.offset_debug()), 0});
  }

  Status ReadLanguageRule(const pugi::xml_node& node, SrxRules& rules) const {
    SrxLanguageRules set;
    set.name = node.attribute("languagerulename").value();
    if (set.name.empty()) return Error(node, "<languagerule> without a languagerulename");
    for (const SrxLanguageRules& other : rules.language_rules) {
      if (other.name == set.name) return Error(node, "languagerule '" + set.name + "' twice");
    }
    Status status;
    ForEachChild(node, "rule", [&](pugi::xml_node rule_node) {
      SrxRule rule;
      rule.line = static_cast<int>(lines_.Line(rule_node.offset_debug()));
      const std::string value = rule_node.attribute("break").value();
      if (value == "no") {
        rule.is_break = false;
      } else if (!value.empty() && value != "yes") {
        if (status.ok()) {
          status = Error(rule_node, "rule " + std::to_string(set.rules.size() + 1) +
                                        " of language rule '" + set.name + "': break=\"" + value +
                                        "\" (expected yes or no)");
        }
      }
      rule.before = TextOf(Child(rule_node, "beforebreak"));
      rule.after = TextOf(Child(rule_node, "afterbreak"));
      set.rules.push_back(std::move(rule));
    });
    rules.language_rules.push_back(std::move(set));
    return status;
  }

  void ReadMap(const pugi::xml_node& node, SrxRules& rules) const {
    SrxLanguageMap map;
    map.pattern = node.attribute("languagepattern").value();
    map.rules_name = node.attribute("languagerulename").value();
    map.line = static_cast<int>(lines_.Line(node.offset_debug()));
    rules.maps.push_back(std::move(map));
  }

  LineIndex lines_;
  std::string file_;
};

}  // namespace

Result<SrxRules> ReadSrx(std::string_view bytes, const std::string& file_name) {
  if (bytes.empty()) return Status::InvalidInput("empty file, not SRX", {file_name});
  Result<std::string> text = ToUtf8(bytes, file_name);
  if (!text.ok()) return text.status();
  pugi::xml_document doc;
  // ws_pcdata: a regex may be a single space. No eol/escape offsets shift node offsets: pugixml
  // compacts text in place, inside each token, so offset_debug() stays a source offset.
  const pugi::xml_parse_result parsed = doc.load_buffer(
      text->data(), text->size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  const LineIndex lines(*text);
  if (!parsed) {
    return Status::InvalidInput(
        std::string("malformed XML: ") + parsed.description(),
        Location{file_name, lines.Line(parsed.offset), lines.Column(parsed.offset)});
  }
  return SrxParser(*text, file_name).Parse(doc);
}

Result<SrxRules> ReadSrxFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec)) {
    return Status::Io("cannot read the SRX file", {path.string()});
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Status::Io("cannot read the SRX file", {path.string()});
  return ReadSrx(bytes.str(), path.string());
}

}  // namespace hashi::formats
