// A streaming XML parser: libxml2's SAX2 push parser behind a small interface. Private to
// hashi_formats; no libxml2 type appears here.
//
// Why libxml2 and not pugixml (used elsewhere in hashi): pugixml only builds a DOM of the whole
// document, while the push parser takes the input in chunks of any size and reports elements as
// they complete, so memory stays bounded by one unit however large the TMX. libxml2 also checks
// every well-formedness constraint (pugixml accepts some malformed documents) and reports
// errors with a line and column rather than a byte offset.
#ifndef HASHI_FORMATS_XML_PUSH_PARSER_H_
#define HASHI_FORMATS_XML_PUSH_PARSER_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hashi/formats/unit_reader.h"
#include "hashi/status.h"
#include "hashi/unit.h"

namespace hashi::formats {

// Views into the parser's buffers: valid only during the callback that receives them.
struct XmlNamespace {
  std::string_view prefix;  // "" for the default namespace (xmlns="...")
  std::string_view uri;
};
struct XmlAttribute {
  std::string_view prefix;  // "" if none; "xml" for xml:lang
  std::string_view local;
  std::string_view uri;
  std::string_view value;  // entities and character references decoded
};
struct XmlElement {
  std::string_view prefix;
  std::string_view local;
  std::string_view uri;                      // "" if the element is in no namespace
  std::span<const XmlNamespace> namespaces;  // declared on this element
  std::span<const XmlAttribute> attributes;  // in document order
};

// Receives the document's content. Comments, processing instructions and the DOCTYPE are not
// reported. Text arrives in pieces of any size (and CDATA sections as text).
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void StartElement(const XmlElement& element) = 0;
  virtual void EndElement() = 0;
  virtual void Characters(std::string_view utf8) = 0;
};

// Parses one UTF-8 document pushed in chunks. Any declared encoding is ignored (the caller has
// transcoded), no DTD or external entity is ever loaded, no network is used, and a DOCTYPE that
// declares entities is refused (no entity expansion attacks). Not thread-safe; several parsers
// may run on different threads.
class XmlPushParser {
 public:
  // `handler` must outlive the parser. `file` names the document in errors and warnings, which
  // libxml2 reports at warning level (errors stop the parse and become status()).
  XmlPushParser(XmlHandler* handler, std::string file, WarningSink on_warning);
  ~XmlPushParser();
  XmlPushParser(const XmlPushParser&) = delete;
  XmlPushParser& operator=(const XmlPushParser&) = delete;

  // Parses the next `utf8` bytes of the document; `last` says they end it (the document must
  // then be complete). Handler callbacks run inside this call. Returns status().
  const Status& Parse(std::string_view utf8, bool last);

  // Stops the parse with `error` (kept only if it is the first). For use from the handler.
  void Fail(Status error);

  // OK, or the first error: libxml2's message, or the one given to Fail(), with the file name.
  const Status& status() const { return status_; }

  // Where the parser is now (during a callback: just after what it reports).
  Location Here() const;
  // The line of Here(), cheaply (no Location built).
  int64_t line() const;
  // During StartElement/EndElement: where the reported tag's "<" is.
  Location TagStart() const;

  // For the libxml2 callbacks (the .cpp's trampolines); not for other callers.
  struct Callbacks;

 private:
  void OnLibxmlError(int level, std::string message, int line, int column);

  XmlHandler* handler_;
  std::string file_;
  WarningSink on_warning_;
  void* context_ = nullptr;  // xmlParserCtxtPtr
  Status status_;
  std::vector<XmlNamespace> namespaces_;  // reused for each element
  std::vector<XmlAttribute> attributes_;
  std::vector<std::string> decoded_values_;  // attribute values that needed "&#38;" decoded
};

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_XML_PUSH_PARSER_H_
