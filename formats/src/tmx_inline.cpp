// TmxBuilder: the content of <seg>, i.e. text and inline codes (the structural part is in
// tmx_builder.cpp).
#include <algorithm>
#include <cstring>

#include "tmx_builder.h"

namespace hashi::formats {
namespace {

// The inline elements kept whole as one code each; <hi> is handled apart (its content is text).
struct InlineElement {
  std::string_view name;
  CodeKind kind;
};
constexpr InlineElement kInlineElements[] = {
    {"bpt", CodeKind::kBpt}, {"ept", CodeKind::kEpt}, {"ph", CodeKind::kPh},
    {"it", CodeKind::kIt},   {"ut", CodeKind::kUt},
};

std::string_view AttributeI(const XmlElement& element) {
  for (const XmlAttribute& a : element.attributes) {
    if (a.prefix.empty() && a.local == "i") return a.value;
  }
  return {};
}

std::string Quoted(std::string_view element, std::string_view i) {
  return "<" + std::string(element) + " i=\"" + std::string(i) + "\">";
}

}  // namespace

void TmxBuilder::StartInline(const XmlElement& element) {
  if (InTmxNamespace(element)) {
    if (element.local == "hi") {
      std::string markup;
      AppendStartTagOpen(markup, element, MissingDeclarations(element));
      markup.push_back('>');
      AppendCode(CodeKind::kHiStart, std::move(markup));
      frames_.push_back({Kind::kHi, parser_->line()});
      return;
    }
    for (const InlineElement& known : kInlineElements) {
      if (element.local != known.name) continue;
      CheckPairing(element, known.kind);
      return StartCapture(element, CaptureTarget::kCode, known.kind);
    }
  }
  std::string name;
  AppendQualifiedName(name, element.prefix, element.local);
  Warn("unknown element <" + name + "> in <seg>, kept as a <ph>-like code");
  StartCapture(element, CaptureTarget::kUnknownInline, CodeKind::kPh);
}

void TmxBuilder::StartCapture(const XmlElement& element, CaptureTarget target, CodeKind kind) {
  capture_.Begin(element);
  capture_target_ = target;
  capture_kind_ = kind;
}

void TmxBuilder::EndCapture() {
  if (capture_target_ == CaptureTarget::kHeaderMarkup) {
    info_.extra_markup.push_back(capture_.TakeMarkup());
  } else {
    AppendCode(capture_kind_, capture_.TakeMarkup());
  }
}

void TmxBuilder::AppendCode(CodeKind kind, std::string markup) {
  const Status status = variant().segment.AppendCode({kind, std::move(markup)});
  if (!status.ok()) parser_->Fail(Status::InvalidInput(status.message(), parser_->TagStart()));
}

// TMX 1.4b: each <ept> closes an earlier <bpt> with the same i, and i is unique within a <seg>.
// Tools break this often enough that it is a warning, not an error.
void TmxBuilder::CheckPairing(const XmlElement& element, CodeKind kind) {
  if (kind != CodeKind::kBpt && kind != CodeKind::kEpt) return;
  const std::string_view name = kind == CodeKind::kBpt ? "bpt" : "ept";
  const std::string_view i = AttributeI(element);
  if (i.empty()) return Warn("<" + std::string(name) + "> has no i attribute");
  if (kind == CodeKind::kBpt) {
    if (std::find(seen_bpts_.begin(), seen_bpts_.end(), i) != seen_bpts_.end()) {
      return Warn("duplicate " + Quoted(name, i) + " in one <seg>");
    }
    seen_bpts_.emplace_back(i);
    open_bpts_.emplace_back(i);
    return;
  }
  const auto open = std::find(open_bpts_.begin(), open_bpts_.end(), i);
  if (open == open_bpts_.end()) return Warn(Quoted(name, i) + " has no matching <bpt> before it");
  open_bpts_.erase(open);
}

void TmxBuilder::EndSegmentChecks() {
  for (const std::string& i : open_bpts_) Warn(Quoted("bpt", i) + " has no matching <ept>");
  open_bpts_.clear();
}

// Text holding the placeholder markers themselves could be taken for inline codes later on.
void TmxBuilder::CheckText(std::string_view utf8) {
  if (warned_placeholder_ || std::memchr(utf8.data(), 0xEE, utf8.size()) == nullptr) return;
  for (size_t i = 0; i + 2 < utf8.size(); ++i) {
    if (utf8[i] == '\xEE' && utf8[i + 1] == '\x84' && utf8[i + 2] >= '\x81' &&
        utf8[i + 2] <= '\x83') {
      warned_placeholder_ = true;
      return WarnAt(parser_->Here(),
                    "text contains U+E101..U+E103, the characters hashi uses as code markers");
    }
  }
}

}  // namespace hashi::formats
