#include "xliff_codes.h"

#include <functional>
#include <pugixml.hpp>
#include <set>

#include "xml_escape.h"

namespace hashi::formats {
namespace {

// What converting one TMX code needs to know of it.
struct TmxCode {
  CodeKind kind = CodeKind::kPh;
  std::string i;        // pairs <bpt> and <ept>
  std::string type;     // TMX type -> XLIFF ctype
  std::string pos;      // <it pos="begin|end">
  std::string content;  // the native code, as text
};

void AppendDescendantText(const pugi::xml_node& node, std::string& out) {
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    } else if (child.type() == pugi::node_element) {
      AppendDescendantText(child, out);
    }
  }
}

TmxCode ParseTmxCode(const Code& code) {
  TmxCode parsed;
  parsed.kind = code.kind;
  if (code.kind == CodeKind::kHiEnd) return parsed;
  const std::string markup = code.kind == CodeKind::kHiStart ? code.markup + "</hi>" : code.markup;
  pugi::xml_document doc;
  if (!doc.load_buffer(markup.data(), markup.size(), pugi::parse_default | pugi::parse_fragment,
                       pugi::encoding_utf8)) {
    return parsed;
  }
  const pugi::xml_node element = doc.first_child();
  parsed.i = element.attribute("i").value();
  parsed.type = element.attribute("type").value();
  parsed.pos = element.attribute("pos").value();
  AppendDescendantText(element, parsed.content);
  return parsed;
}

// TMX type values as XLIFF ctype: the XLIFF names where there is one, else "x-" + the type.
std::string Ctype(const TmxCode& code) {
  if (code.type.empty()) return "";
  static const std::set<std::string> kDelimiters = {"bold", "italic", "link"};
  static const std::set<std::string> kPlaceholders = {"image", "pb", "lb"};
  const bool isolated = code.kind == CodeKind::kPh || code.kind == CodeKind::kUt;
  if ((isolated ? kPlaceholders : kDelimiters).count(code.type) > 0) return code.type;
  if (!isolated && code.type == "ulined") return "underlined";
  if (code.type.find_first_of(" \t\r\n") != std::string::npos) return "";
  return code.type.starts_with("x-") ? code.type : "x-" + code.type;
}

std::string QualifiedName(std::string_view prefix, std::string_view local) {
  return prefix.empty() ? std::string(local) : std::string(prefix) + ":" + std::string(local);
}

std::string XliffElementName(CodeKind kind) {
  switch (kind) {
    case CodeKind::kBpt:
      return "bpt";
    case CodeKind::kEpt:
      return "ept";
    case CodeKind::kIt:
      return "it";
    default:
      return "ph";
  }
}

std::string ConvertCode(const TmxCode& code, const std::string& id, std::string_view prefix) {
  if (code.kind == CodeKind::kHiStart) {
    return "<" + QualifiedName(prefix, "mrk") + " mtype=\"x-tmx-hi\">";
  }
  if (code.kind == CodeKind::kHiEnd) return "</" + QualifiedName(prefix, "mrk") + ">";
  const std::string name = QualifiedName(prefix, XliffElementName(code.kind));
  std::string out = "<" + name;
  AppendAttribute(out, "id", id);
  if (code.kind == CodeKind::kIt) AppendAttribute(out, "pos", code.pos == "end" ? "close" : "open");
  if (code.kind != CodeKind::kEpt) {
    if (const std::string ctype = Ctype(code); !ctype.empty()) AppendAttribute(out, "ctype", ctype);
  }
  if (code.content.empty()) return out + "/>";
  out.push_back('>');
  AppendEscapedText(out, code.content);
  return out + "</" + name + ">";
}

// Hands out ids "1", "2", ... skipping those taken.
class IdAllocator {
 public:
  explicit IdAllocator(std::set<std::string> taken = {}) : taken_(std::move(taken)) {}
  std::string Fresh() {
    std::string id;
    do {
      id = std::to_string(next_++);
    } while (taken_.count(id) > 0);
    return id;
  }

 private:
  std::set<std::string> taken_;
  int next_ = 1;
};

// The ids of `codes`: forced[k] where given, an <ept> the id of the <bpt> with its i, paired
// <hi> none, else a fresh one.
std::vector<std::string> AssignIds(const std::vector<TmxCode>& codes,
                                   std::vector<std::string> forced, IdAllocator& ids) {
  std::vector<std::string> out(codes.size());
  for (size_t k = 0; k < codes.size(); ++k) {
    const CodeKind kind = codes[k].kind;
    if (kind == CodeKind::kHiStart || kind == CodeKind::kHiEnd) continue;
    if (k < forced.size() && !forced[k].empty()) {
      out[k] = forced[k];
    } else if (kind == CodeKind::kEpt && !codes[k].i.empty()) {
      for (size_t b = 0; b < k && out[k].empty(); ++b) {
        if (codes[b].kind == CodeKind::kBpt && codes[b].i == codes[k].i) out[k] = out[b];
      }
    }
    if (out[k].empty()) out[k] = ids.Fresh();
  }
  return out;
}

std::vector<TmxCode> ParseAll(const Segment& segment) {
  std::vector<TmxCode> codes;
  for (const Code& code : segment.codes) codes.push_back(ParseTmxCode(code));
  return codes;
}

// Text escaped, each code as `code_markup(index)` returns it.
std::string Render(const Segment& segment, const std::function<std::string(size_t)>& code_markup) {
  std::string out;
  ForEachPiece(
      segment, [&](std::string_view text) { AppendEscapedText(out, text); },
      [&](const Code& code) {
        out += code_markup(static_cast<size_t>(&code - segment.codes.data()));
      });
  return out;
}

// The ids the query's own codes use (id="..." in their markup): new codes must not reuse them.
std::set<std::string> IdsOf(const Segment& query) {
  std::set<std::string> ids;
  for (const Code& code : query.codes) {
    pugi::xml_document doc;
    std::string markup = code.markup;
    if (code.kind == CodeKind::kHiEnd) continue;
    if (code.kind == CodeKind::kHiStart) markup += "</x>";  // any end tag: only attributes matter
    doc.load_buffer(markup.data(), markup.size(), pugi::parse_fragment, pugi::encoding_utf8);
    if (const char* id = doc.first_child().attribute("id").value(); *id != '\0') ids.insert(id);
  }
  return ids;
}

int Category(CodeKind kind) {
  if (kind == CodeKind::kBpt || kind == CodeKind::kHiStart) return 0;
  if (kind == CodeKind::kEpt || kind == CodeKind::kHiEnd) return 1;
  return 2;
}

std::string_view ElementName(std::string_view tag) {
  tag.remove_prefix(tag.starts_with("</") ? 2 : 1);
  return tag.substr(0, tag.find_first_of(" \t\r\n/>"));
}

// True if the paired codes (kHiStart / kHiEnd) written for `segment` close in order.
bool Nests(const Segment& segment, const std::vector<CodeKind>& kinds,
           const std::function<std::string(size_t)>& code_markup) {
  std::vector<std::string> open;
  for (size_t k = 0; k < segment.codes.size(); ++k) {
    if (kinds[k] == CodeKind::kHiStart) {
      open.emplace_back(ElementName(code_markup(k)));
    } else if (kinds[k] == CodeKind::kHiEnd) {
      if (open.empty() || open.back() != ElementName(code_markup(k))) return false;
      open.pop_back();
    }
  }
  return open.empty();
}

}  // namespace

std::vector<int> MatchCodes(const Segment& from, const Segment& to) {
  std::vector<int> result(from.codes.size(), -1);
  std::vector<bool> used(to.codes.size(), false);
  for (size_t k = 0; k < from.codes.size(); ++k) {
    for (size_t j = 0; j < to.codes.size() && result[k] < 0; ++j) {
      if (!used[j] && to.codes[j] == from.codes[k]) result[k] = static_cast<int>(j), used[j] = true;
    }
  }
  for (size_t k = 0; k < from.codes.size(); ++k) {
    if (result[k] >= 0) continue;
    int ordinal = 0;
    for (size_t b = 0; b < k; ++b) ordinal += from.codes[b].kind == from.codes[k].kind;
    for (size_t j = 0; j < to.codes.size(); ++j) {
      if (to.codes[j].kind != from.codes[k].kind || ordinal-- != 0) continue;
      if (!used[j]) result[k] = static_cast<int>(j), used[j] = true;
      break;
    }
  }
  return result;
}

std::pair<std::string, std::string> AltTransMarkup(const Segment& tm_source,
                                                   const Segment& tm_target,
                                                   std::string_view prefix) {
  IdAllocator ids;
  const std::vector<TmxCode> source_codes = ParseAll(tm_source);
  const std::vector<std::string> source_ids = AssignIds(source_codes, {}, ids);
  const std::vector<TmxCode> target_codes = ParseAll(tm_target);
  const std::vector<int> counterpart = MatchCodes(tm_target, tm_source);
  std::vector<std::string> forced(target_codes.size());
  for (size_t k = 0; k < forced.size(); ++k) {
    if (counterpart[k] >= 0) forced[k] = source_ids[static_cast<size_t>(counterpart[k])];
  }
  const std::vector<std::string> target_ids = AssignIds(target_codes, forced, ids);
  return {Render(tm_source,
                 [&](size_t k) { return ConvertCode(source_codes[k], source_ids[k], prefix); }),
          Render(tm_target,
                 [&](size_t k) { return ConvertCode(target_codes[k], target_ids[k], prefix); })};
}

std::string FitTargetMarkup(const Segment& query, const Segment& tm_source,
                            const Segment& tm_target, std::string_view prefix) {
  const std::vector<TmxCode> codes = ParseAll(tm_target);
  const std::vector<int> counterpart = MatchCodes(tm_target, tm_source);
  std::vector<int> from_query(codes.size(), -1);
  std::vector<bool> used(query.codes.size(), false);
  std::vector<CodeKind> kinds(codes.size());
  for (size_t k = 0; k < codes.size(); ++k) {
    kinds[k] = codes[k].kind;
    const int j = counterpart[k];
    if (j < 0 || static_cast<size_t>(j) >= query.codes.size() || used[j]) continue;
    const Code& own = query.codes[static_cast<size_t>(j)];
    if (Category(own.kind) != Category(codes[k].kind)) continue;
    from_query[k] = j;
    used[j] = true;
    kinds[k] = own.kind;
  }
  IdAllocator ids(IdsOf(query));
  const std::vector<std::string> new_ids = AssignIds(codes, {}, ids);
  const auto markup = [&](size_t k) {
    if (from_query[k] >= 0) return query.codes[static_cast<size_t>(from_query[k])].markup;
    return ConvertCode(codes[k], new_ids[k], prefix);
  };
  if (Nests(tm_target, kinds, markup)) return Render(tm_target, markup);
  return Render(tm_target, [&](size_t k) {
    return kinds[k] == CodeKind::kHiStart || kinds[k] == CodeKind::kHiEnd ? std::string()
                                                                          : markup(k);
  });
}

}  // namespace hashi::formats
