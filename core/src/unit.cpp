#include "hashi/unit.h"

#include "utf8_scan.h"

namespace hashi {
namespace {

char32_t MarkerFor(CodeKind kind) {
  switch (kind) {
    case CodeKind::kBpt:
    case CodeKind::kHiStart:
      return kMarkerOpening;
    case CodeKind::kEpt:
    case CodeKind::kHiEnd:
      return kMarkerClosing;
    default:
      return kMarkerIsolated;
  }
}

}  // namespace

const std::string* FindAttribute(const Attributes& attrs, std::string_view name) {
  for (const Attribute& a : attrs) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

void SetAttribute(Attributes& attrs, std::string_view name, std::string_view value) {
  for (Attribute& a : attrs) {
    if (a.name == name) {
      a.value = value;
      return;
    }
  }
  attrs.push_back({std::string(name), std::string(value)});
}

Status Segment::AppendCode(Code code) {
  if (codes.size() >= static_cast<size_t>(kMaxCodesPerSegment)) {
    return Status::InvalidInput("more than " + std::to_string(kMaxCodesPerSegment) +
                                " inline codes in one segment");
  }
  AppendUtf8(MarkerFor(code.kind), text);
  AppendUtf8(kIndexBase + static_cast<char32_t>(codes.size()), text);
  codes.push_back(std::move(code));
  return Status::Ok();
}

std::string Segment::PlainText() const {
  std::string out;
  out.reserve(text.size());
  ForEachPiece(
      *this, [&](std::string_view run) { out.append(run); }, [](const Code&) {});
  return out;
}

}  // namespace hashi
