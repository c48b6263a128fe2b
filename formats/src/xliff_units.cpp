// The XLIFF reader's <trans-unit>: source, seg-source segments, target, notes, and the places
// where pre-translation writes.
#include <cstring>

#include "xliff_read_context.h"

namespace hashi::formats {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsBlank(const char* text) {
  for (; *text != '\0'; ++text) {
    if (!IsSpace(*text)) return false;
  }
  return true;
}

// True if `element` holds text or codes: a target with only white space and empty segment
// markers (<mrk mtype="seg"/>) is empty.
bool HasContent(const XliffReadContext& context, const pugi::xml_node& element) {
  for (const pugi::xml_node& child : element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      if (!IsBlank(child.value())) return true;
    } else if (child.type() == pugi::node_element) {
      if (!context.Is(child, "mrk") || HasContent(context, child)) return true;
    }
  }
  return false;
}

bool IsSegmentMarker(const XliffReadContext& context, const pugi::xml_node& node) {
  return node.type() == pugi::node_element && context.Is(node, "mrk") &&
         std::strcmp(node.attribute("mtype").value(), "seg") == 0;
}

// The segments of <seg-source>, and its pieces for writing the target. No segment when the
// seg-source holds no <mrk mtype="seg"> at its top level.
Status ReadSegSource(const XliffReadContext& context, const pugi::xml_node& seg_source,
                     XliffUnit& unit, UnitPlace& place) {
  const ElementSpans spans = context.Spans(seg_source);
  size_t at = spans.content().begin;
  for (const pugi::xml_node& child : seg_source.children()) {
    if (!IsSegmentMarker(context, child)) continue;
    const Span mrk = context.Spans(child).whole();
    if (mrk.begin > at) place.pieces.push_back({false, 0, {at, mrk.begin}});
    XliffSegment segment{child.attribute("mid").value(), {}};
    if (Status s = AppendInlineContent(context, child, segment.source); !s.ok()) return s;
    place.pieces.push_back({true, unit.segments.size(), mrk});
    unit.segments.push_back(std::move(segment));
    at = mrk.end;
  }
  if (unit.segments.empty()) {
    place.pieces.clear();
    return Status::Ok();
  }
  if (spans.content().end > at) place.pieces.push_back({false, 0, {at, spans.content().end}});
  unit.segmented = true;
  return Status::Ok();
}

void ReadTarget(const XliffReadContext& context, const pugi::xml_node& target, XliffUnit& unit,
                UnitPlace& place) {
  Segment segment;
  // Codes past the limit in a target only shorten what is shown of it; the target is kept.
  (void)AppendInlineContent(context, target, segment);
  unit.target = std::move(segment);
  if (HasContent(context, target)) return;
  unit.target_is_empty = true;
  place.empty_target = context.Spans(target).whole();
  for (const Attribute& a : AttributesOf(target)) {
    if (a.name != "state" && a.name != "state-qualifier") place.target_attrs.push_back(a);
  }
}

Note ReadNote(const pugi::xml_node& note) { return Note{AttributesOf(note), note.child_value()}; }

}  // namespace

Status ReadTransUnit(const XliffReadContext& context, const pugi::xml_node& element, size_t file,
                     bool translate) {
  XliffUnit unit;
  UnitPlace place;
  unit.id = element.attribute("id").value();
  unit.file = file;
  unit.where = context.Where(element);
  if (const pugi::xml_attribute a = element.attribute("translate")) {
    translate = std::strcmp(a.value(), "no") != 0;
  }
  unit.translate = translate;
  bool have_source = false;
  for (const pugi::xml_node& child : element.children()) {
    if (child.type() != pugi::node_element) continue;
    if (context.Is(child, "source") && !have_source) {
      have_source = true;
      if (Status s = AppendInlineContent(context, child, unit.source); !s.ok()) return s;
      place.insert_at = context.Spans(child).whole().end;
    } else if (context.Is(child, "seg-source")) {
      if (Status s = ReadSegSource(context, child, unit, place); !s.ok()) return s;
      place.insert_at = context.Spans(child).whole().end;
    } else if (context.Is(child, "target") && !unit.target) {
      ReadTarget(context, child, unit, place);
    } else if (context.Is(child, "note")) {
      unit.notes.push_back(ReadNote(child));
    }
  }
  if (!have_source) {
    return Status::InvalidInput("<trans-unit id=\"" + unit.id + "\"> has no <source>", unit.where);
  }
  if (unit.segments.empty()) unit.segments.push_back({"", unit.source});
  context.doc.units.push_back(std::move(unit));
  context.doc.places.push_back(std::move(place));
  return Status::Ok();
}

bool XliffUnit::NeedsTarget() const {
  if (!translate) return false;
  return !target || target_is_empty;
}

}  // namespace hashi::formats
