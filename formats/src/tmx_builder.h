// Builds hashi's unit model from the XML events of a TMX document: the TMX half of the reader,
// independent of where the bytes come from. Private to hashi_formats.
#ifndef HASHI_FORMATS_TMX_BUILDER_H_
#define HASHI_FORMATS_TMX_BUILDER_H_

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_set>
#include <string_view>
#include <vector>

#include "hashi/formats/unit_reader.h"
#include "hashi/unit.h"
#include "markup_writer.h"
#include "xml_push_parser.h"

namespace hashi::formats {

// True if `element` is in no namespace or in one of LISA's TMX namespaces
// (http://www.lisa.org/tmx14 ...), where some writers put TMX.
bool InTmxNamespace(const XmlElement& element);

// Receives the events of one TMX document and queues each completed <tu> as a Unit. TMX rules
// broken in a well-formed document become warnings; what cannot be read (not TMX, a <tuv>
// without language) stops the parser with an error. Not thread-safe.
class TmxBuilder : public XmlHandler {
 public:
  // `parser` gives locations and takes errors; it must outlive the builder.
  TmxBuilder(XmlPushParser* parser, WarningSink on_warning);

  void StartElement(const XmlElement& element) override;
  void EndElement() override;
  void Characters(std::string_view utf8) override;

  // The header; complete once body_started() (or the document ended without a <body>).
  const DocumentInfo& info() const { return info_; }
  bool body_started() const { return body_started_; }
  // True once the root element has started (and so the document is TMX).
  bool root_started() const { return root_started_; }
  // True once the root element has been closed.
  bool document_complete() const { return root_closed_; }
  // For an error at end of input: " (inside <tu> from line 12)", or "" if nothing is open.
  std::string OpenElementContext() const;
  // Units completed and not yet taken, in document order.
  std::deque<Unit>& ready() { return ready_; }

 private:
  enum class Kind { kRoot, kHeader, kBody, kTu, kTuv, kSeg, kHi, kProp, kNote };
  struct Frame {
    Kind kind;
    int64_t line;  // where the element started, for messages
  };
  // What a captured element becomes when it ends.
  enum class CaptureTarget { kCode, kUnknownInline, kHeaderMarkup };

  static const char* NameOf(Kind kind);
  void StartRoot(const XmlElement& element);
  void StartStructural(const XmlElement& element, Kind parent);
  void StartHeaderChild(const XmlElement& element);
  void StartInline(const XmlElement& element);
  void StartTuv(const XmlElement& element);
  void StartTextElement(const XmlElement& element, Kind kind);
  void StartCapture(const XmlElement& element, CaptureTarget target, CodeKind kind);
  void EndCapture();
  void EndTextElement(Kind kind);
  void EndFrame(Kind kind);
  void AppendCode(CodeKind kind, std::string markup);
  void CheckPairing(const XmlElement& element, CodeKind kind);
  void EndSegmentChecks();
  void CheckText(std::string_view utf8);
  // Stops the parse: `what` went past the limit named `limit` (reader_limits.h).
  void FailLimit(const std::string& what, const char* limit);
  // Adds to the text of the current <tu> or <header>; false (and the parse stopped, its buffers
  // freed) past kMaxTextBytes.
  bool CountText(size_t bytes);
  void Warn(std::string message);
  void WarnAt(Location where, std::string message);
  Attributes ReadAttributes(const XmlElement& element) const;

  XmlPushParser* parser_;
  WarningSink on_warning_;
  DocumentInfo info_;
  std::vector<Frame> frames_;  // open elements down to the innermost one read structurally
  int skip_depth_ = 0;         // > 0 inside an unknown element that is being skipped
  int depth_ = 0;              // elements open, for kMaxElementDepth
  size_t text_bytes_ = 0;      // text in the current <tu> or <header>, for kMaxTextBytes
  std::deque<Unit> ready_;
  Unit unit_;  // the <tu> being read
  // The <tuv> being read: built in place as the unit's last variant.
  Variant& variant() { return unit_.variants.back(); }
  bool seg_seen_ = false;
  // <prop>/<note> being read.
  Attributes text_attrs_;
  std::string text_;
  // Inline code or <ude> being captured as markup.
  MarkupWriter capture_;
  CaptureTarget capture_target_ = CaptureTarget::kCode;
  CodeKind capture_kind_ = CodeKind::kPh;
  // TMX pairing rules within one <seg>: i values of <bpt> still open and of every <bpt> seen.
  std::vector<std::string> open_bpts_;
  std::vector<std::string> seen_bpts_;
  bool body_started_ = false;
  bool root_started_ = false;
  bool root_closed_ = false;
  bool seen_lang_ = false;      // a <tuv lang=...> (TMX 1.1)
  bool seen_xml_lang_ = false;  // a <tuv xml:lang=...>
  bool warned_mixed_lang_ = false;
  std::unordered_set<std::string> known_langs_;  // tags already checked as BCP-47
  bool warned_placeholder_ = false;
};

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_TMX_BUILDER_H_
