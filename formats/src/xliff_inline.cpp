// The XLIFF reader's inline content: text and codes of <source>, <target> and <mrk mtype="seg">.
#include <array>

#include "xliff_read_context.h"

namespace hashi::formats {
namespace {

struct InlineElement {
  std::string_view name;
  CodeKind kind;
};
constexpr std::array<InlineElement, 7> kWholeElements = {{
    {"x", CodeKind::kPh},
    {"ph", CodeKind::kPh},
    {"bx", CodeKind::kBpt},
    {"bpt", CodeKind::kBpt},
    {"ex", CodeKind::kEpt},
    {"ept", CodeKind::kEpt},
    {"it", CodeKind::kIt},
}};

CodeKind KindOf(const XliffReadContext& context, const pugi::xml_node& element) {
  for (const InlineElement& known : kWholeElements) {
    if (context.Is(element, known.name)) return known.kind;
  }
  return CodeKind::kPh;  // an unknown element is kept whole, like a placeholder
}

Status AppendCode(const XliffReadContext& context, const pugi::xml_node& element, CodeKind kind,
                  Span span, Segment& segment) {
  Status status = segment.AppendCode({kind, std::string(context.Bytes(span))});
  if (!status.ok()) return Status::InvalidInput(status.message(), context.Where(element));
  return Status::Ok();
}

Status AppendElement(const XliffReadContext& context, const pugi::xml_node& element,
                     Segment& segment) {
  const ElementSpans spans = context.Spans(element);
  const bool paired = context.Is(element, "g") || context.Is(element, "mrk");
  if (!paired || spans.self_closing()) {
    return AppendCode(context, element, KindOf(context, element), spans.whole(), segment);
  }
  if (Status s = AppendCode(context, element, CodeKind::kHiStart, spans.start_tag, segment);
      !s.ok()) {
    return s;
  }
  if (Status s = AppendInlineContent(context, element, segment); !s.ok()) return s;
  return AppendCode(context, element, CodeKind::kHiEnd, spans.end_tag, segment);
}

}  // namespace

Status AppendInlineContent(const XliffReadContext& context, const pugi::xml_node& element,
                           Segment& segment) {
  for (const pugi::xml_node& child : element.children()) {
    switch (child.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        segment.AppendText(child.value());
        break;
      case pugi::node_element:
        if (Status s = AppendElement(context, child, segment); !s.ok()) return s;
        break;
      default:
        break;  // comments and processing instructions are not text
    }
  }
  return Status::Ok();
}

}  // namespace hashi::formats
