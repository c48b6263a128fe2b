#include "tmx_builder.h"

#include <algorithm>

#include "hashi/language_tag.h"
#include "reader_limits.h"

namespace hashi::formats {
namespace {

bool Is(const XmlElement& element, std::string_view local) {
  return element.local == local && InTmxNamespace(element);
}

std::string QualifiedName(const XmlElement& element) {
  std::string name;
  AppendQualifiedName(name, element.prefix, element.local);
  return name;
}

// The value of the unprefixed attribute `local`, or nullptr.
const std::string_view* FindPlain(const XmlElement& element, std::string_view local) {
  for (const XmlAttribute& a : element.attributes) {
    if (a.prefix.empty() && a.local == local) return &a.value;
  }
  return nullptr;
}

}  // namespace

bool InTmxNamespace(const XmlElement& element) {
  return element.uri.empty() || IsTmxNamespace(element.uri);
}

TmxBuilder::TmxBuilder(XmlPushParser* parser, WarningSink on_warning)
    : parser_(parser), on_warning_(std::move(on_warning)) {
  info_.format = "tmx";
}

const char* TmxBuilder::NameOf(Kind kind) {
  switch (kind) {
    case Kind::kRoot:
      return "tmx";
    case Kind::kHeader:
      return "header";
    case Kind::kBody:
      return "body";
    case Kind::kTu:
      return "tu";
    case Kind::kTuv:
      return "tuv";
    case Kind::kSeg:
      return "seg";
    case Kind::kHi:
      return "hi";
    case Kind::kProp:
      return "prop";
    case Kind::kNote:
      return "note";
  }
  return "?";
}

void TmxBuilder::StartElement(const XmlElement& element) {
  if (++depth_ > kMaxElementDepth) {
    return FailLimit("elements nested too deeply: more than " + std::to_string(kMaxElementDepth) +
                         " levels",
                     "kMaxElementDepth");
  }
  if (capture_.active()) return capture_.Start(element);
  if (skip_depth_ > 0) {
    ++skip_depth_;
    return;
  }
  if (frames_.empty()) return StartRoot(element);
  const Kind parent = frames_.back().kind;
  if (parent == Kind::kSeg || parent == Kind::kHi) return StartInline(element);
  StartStructural(element, parent);
}

void TmxBuilder::EndElement() {
  --depth_;
  if (capture_.active()) {
    if (capture_.End()) EndCapture();
    return;
  }
  if (skip_depth_ > 0) {
    --skip_depth_;
    return;
  }
  const Kind kind = frames_.back().kind;
  frames_.pop_back();
  EndFrame(kind);
}

void TmxBuilder::Characters(std::string_view utf8) {
  // After a failed CountText the parser has stopped and `utf8` points into freed input.
  if (capture_.active()) {
    if (CountText(utf8.size())) capture_.Text(utf8);
    return;
  }
  if (skip_depth_ > 0 || frames_.empty()) return;
  switch (frames_.back().kind) {
    case Kind::kSeg:
    case Kind::kHi:
      if (!CountText(utf8.size())) return;
      CheckText(utf8);
      variant().segment.AppendText(utf8);
      break;
    case Kind::kProp:
    case Kind::kNote:
      if (CountText(utf8.size())) text_.append(utf8);
      break;
    default:
      break;  // whitespace between elements
  }
}

void TmxBuilder::StartRoot(const XmlElement& element) {
  if (!Is(element, "tmx")) {
    parser_->Fail(Status::InvalidInput(
        "not a TMX file (root element is <" + QualifiedName(element) + ">)", parser_->TagStart()));
    return;
  }
  if (const std::string_view* version = FindPlain(element, "version")) {
    info_.version = *version;
  } else {
    Warn("<tmx> has no version attribute");
  }
  root_started_ = true;
  frames_.push_back({Kind::kRoot, parser_->line()});
}

void TmxBuilder::StartStructural(const XmlElement& element, Kind parent) {
  const bool tmx = InTmxNamespace(element);
  const std::string_view name = element.local;
  Kind kind = Kind::kRoot;  // kRoot: not expected here
  if (parent == Kind::kRoot && tmx && (name == "header" || name == "body")) {
    kind = name == "header" ? Kind::kHeader : Kind::kBody;
  } else if (parent == Kind::kBody && tmx && name == "tu") {
    kind = Kind::kTu;
  } else if ((parent == Kind::kHeader || parent == Kind::kTu || parent == Kind::kTuv) && tmx &&
             (name == "prop" || name == "note")) {
    return StartTextElement(element, name == "prop" ? Kind::kProp : Kind::kNote);
  } else if (parent == Kind::kHeader) {
    return StartHeaderChild(element);
  } else if (parent == Kind::kTu && tmx && name == "tuv") {
    return StartTuv(element);
  } else if (parent == Kind::kTuv && tmx && name == "seg") {
    kind = Kind::kSeg;
  }
  if (kind == Kind::kRoot) {
    Warn("unexpected <" + QualifiedName(element) + "> in <" + NameOf(parent) + ">, ignored");
    skip_depth_ = 1;
    return;
  }
  if (kind == Kind::kHeader) {
    info_.attrs = ReadAttributes(element);
    text_bytes_ = 0;
  }
  if (kind == Kind::kBody) body_started_ = true;
  if (kind == Kind::kTu) {
    unit_ = Unit{};
    text_bytes_ = 0;
    unit_.variants.reserve(4);  // one allocation for the usual 2 or 3 variants
    unit_.attrs = ReadAttributes(element);
  }
  if (kind == Kind::kSeg) {
    if (seg_seen_) Warn("more than one <seg> in a <tuv>; their contents are joined");
    seg_seen_ = true;
    open_bpts_.clear();
    seen_bpts_.clear();
  }
  frames_.push_back({kind, parser_->line()});
}

void TmxBuilder::StartHeaderChild(const XmlElement& element) {
  if (!Is(element, "ude")) {
    Warn("unexpected <" + QualifiedName(element) + "> in <header>, kept as header markup");
  }
  if (info_.extra_markup.size() >= kMaxPropsPerElement) {
    return FailLimit("too many children of <header>: more than " +
                         std::to_string(kMaxPropsPerElement),
                     "kMaxPropsPerElement");
  }
  StartCapture(element, CaptureTarget::kHeaderMarkup, CodeKind::kPh);
}

void TmxBuilder::StartTuv(const XmlElement& element) {
  if (unit_.variants.size() >= kMaxVariantsPerUnit) {
    return FailLimit("too many variants: more than " + std::to_string(kMaxVariantsPerUnit) +
                         " <tuv> in one <tu>",
                     "kMaxVariantsPerUnit");
  }
  Variant& variant = unit_.variants.emplace_back();  // filled in place: no copy, no move
  seg_seen_ = false;
  variant.attrs = ReadAttributes(element);
  auto find = [&variant](std::string_view name) {
    return std::find_if(variant.attrs.begin(), variant.attrs.end(),
                        [name](const Attribute& a) { return a.name == name; });
  };
  const auto xml_lang = find("xml:lang");
  const auto lang = find("lang");  // TMX 1.1
  const bool has_xml_lang = xml_lang != variant.attrs.end();
  seen_xml_lang_ |= has_xml_lang;
  seen_lang_ |= lang != variant.attrs.end();
  if (seen_lang_ && seen_xml_lang_ && !warned_mixed_lang_) {
    warned_mixed_lang_ = true;
    Warn("this file mixes lang (TMX 1.1) and xml:lang on <tuv>");
  }
  // xml:lang wins; with both, lang stays an ordinary attribute, so nothing is lost.
  const auto language = has_xml_lang ? xml_lang : lang;
  if (language == variant.attrs.end() || language->value.empty()) {
    parser_->Fail(Status::InvalidInput("<tuv> has no language", parser_->TagStart()));
    return;
  }
  if (!known_langs_.count(language->value)) {
    // Checked here, not only by the store, so that the message has a line and column.
    if (Result<LanguageTag> tag = LanguageTag::Parse(language->value); !tag.ok()) {
      parser_->Fail(Status::InvalidInput(tag.status().message(), parser_->TagStart()));
      return;
    }
    known_langs_.insert(language->value);
  }
  variant.lang = std::move(language->value);
  variant.attrs.erase(language);
  frames_.push_back({Kind::kTuv, parser_->line()});
}

void TmxBuilder::StartTextElement(const XmlElement& element, Kind kind) {
  const Kind owner = frames_.back().kind;
  const size_t count = owner == Kind::kHeader ? info_.props.size() + info_.notes.size()
                       : owner == Kind::kTu   ? unit_.props.size() + unit_.notes.size()
                                              : variant().props.size() + variant().notes.size();
  if (count >= kMaxPropsPerElement) {
    return FailLimit("too many <prop> and <note> in one <" + std::string(NameOf(owner)) +
                         ">: more than " + std::to_string(kMaxPropsPerElement),
                     "kMaxPropsPerElement");
  }
  text_attrs_ = ReadAttributes(element);
  text_.clear();
  frames_.push_back({kind, parser_->line()});
}

void TmxBuilder::EndTextElement(Kind kind) {
  const Kind owner = frames_.back().kind;
  if (kind == Kind::kProp) {
    Prop prop{std::move(text_attrs_), std::move(text_)};
    auto& props = owner == Kind::kHeader ? info_.props
                  : owner == Kind::kTu   ? unit_.props
                                         : variant().props;
    props.push_back(std::move(prop));
  } else {
    Note note{std::move(text_attrs_), std::move(text_)};
    auto& notes = owner == Kind::kHeader ? info_.notes
                  : owner == Kind::kTu   ? unit_.notes
                                         : variant().notes;
    notes.push_back(std::move(note));
  }
  text_attrs_.clear();
  text_.clear();
}

void TmxBuilder::EndFrame(Kind kind) {
  switch (kind) {
    case Kind::kRoot:
      root_closed_ = true;
      break;
    case Kind::kTu:
      ready_.push_back(std::move(unit_));
      break;
    case Kind::kTuv:
      if (!seg_seen_) Warn("<tuv> has no <seg>");
      break;
    case Kind::kSeg:
      EndSegmentChecks();
      break;
    case Kind::kHi:
      AppendCode(CodeKind::kHiEnd, "</hi>");
      break;
    case Kind::kProp:
    case Kind::kNote:
      EndTextElement(kind);
      break;
    default:
      break;
  }
}

std::string TmxBuilder::OpenElementContext() const {
  if (frames_.empty()) return "";
  const Frame& innermost = frames_.back();
  return std::string(" (inside <") + NameOf(innermost.kind) + "> from line " +
         std::to_string(innermost.line) + ")";
}

// Namespace declarations come first (libxml2 reports them apart from the other attributes), and
// the unit keeps a declaration for each prefix it uses, so that it can be written on its own.
Attributes TmxBuilder::ReadAttributes(const XmlElement& element) const {
  Attributes attrs;
  const std::vector<XmlNamespace> missing = MissingDeclarations(element);
  const size_t count = element.namespaces.size() + missing.size() + element.attributes.size();
  if (count == 0) return attrs;
  attrs.reserve(count);
  for (const auto& declarations :
       {std::span(element.namespaces), std::span<const XmlNamespace>(missing)}) {
    for (const XmlNamespace& ns : declarations) {
      std::string name = ns.prefix.empty() ? "xmlns" : "xmlns:";
      name.append(ns.prefix);
      attrs.push_back({std::move(name), std::string(ns.uri)});
    }
  }
  for (const XmlAttribute& a : element.attributes) {
    std::string name;
    AppendQualifiedName(name, a.prefix, a.local);
    attrs.push_back({std::move(name), std::string(a.value)});
  }
  return attrs;
}

void TmxBuilder::FailLimit(const std::string& what, const char* limit) {
  parser_->Fail(Status::InvalidInput(what + " (hashi's limit " + limit + ")", parser_->Here()));
}

bool TmxBuilder::CountText(size_t bytes) {
  text_bytes_ += bytes;
  if (text_bytes_ <= kMaxTextBytes) return true;
  FailLimit("too much text: more than " + std::to_string(kMaxTextBytes >> 20) + " MiB in one <" +
                (body_started_ ? "tu" : "header") + ">",
            "kMaxTextBytes");
  return false;
}

void TmxBuilder::Warn(std::string message) {
  if (on_warning_) WarnAt(parser_->TagStart(), std::move(message));
}

void TmxBuilder::WarnAt(Location where, std::string message) {
  if (on_warning_) on_warning_({std::move(where), std::move(message)});
}

}  // namespace hashi::formats
