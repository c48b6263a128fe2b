#include "hashi/unit.h"

namespace hashi {
namespace {

void AppendUtf8(std::string& out, char32_t c) {  // c is in the BMP private-use area here
  out.push_back(static_cast<char>(0xE0 | (c >> 12)));
  out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
  out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
}

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
  AppendUtf8(text, MarkerFor(code.kind));
  AppendUtf8(text, kIndexBase + static_cast<char32_t>(codes.size()));
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
