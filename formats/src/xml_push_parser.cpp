#include "xml_push_parser.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <mutex>
#include <utility>

namespace hashi::formats {
namespace {

std::string_view View(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

std::string_view View(const xmlChar* begin, const xmlChar* end) {
  return {reinterpret_cast<const char*>(begin), static_cast<size_t>(end - begin)};
}

// libxml2's messages end in a line feed and some hold more lines ("Bytes: 0xFF 0x20").
std::string OneLine(const char* message) {
  std::string out = message == nullptr ? "XML error" : message;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

// UTF-8 characters in [begin, end): bytes that are not continuation bytes.
int64_t CountChars(const xmlChar* begin, const xmlChar* end) {
  int64_t n = 0;
  for (const xmlChar* p = begin; p < end; ++p) n += (*p & 0xC0) != 0x80;
  return n;
}

// Without XML_PARSE_NOENT, libxml2 hands SAX2 every "&" of an attribute value (written &amp;
// or &#38;) as the five characters "&#38;", for a tree builder to re-parse. No other "&" can be
// left in a value (an undeclared entity is an error), so each "&" starts "&#38;".
std::string_view DecodeAmpersands(std::string_view value, std::string& scratch) {
  if (value.find('&') == std::string_view::npos) return value;
  scratch.clear();
  for (size_t i = 0; i < value.size(); ++i) {
    scratch.push_back(value[i]);
    if (value[i] == '&' && value.substr(i, 5) == "&#38;") i += 4;
  }
  return scratch;
}

// libxml2's own size limits (without XML_PARSE_HUGE, which hashi never sets) report in its
// internals' words: say what was too big instead.
std::string ExplainLimit(std::string message) {
  static constexpr std::pair<const char*, const char*> kExplained[] = {
      {"Huge input lookup",
       "a tag, attribute value, comment or DOCTYPE longer than 10 MB (libxml2's limit "
       "XML_MAX_LOOKUP_LIMIT)"},
      {"AttValue length too long", "an attribute value longer than 10 MB (libxml2's limit "
                                   "XML_MAX_TEXT_LENGTH)"},
      {"Name too long", "an element or attribute name longer than 50,000 characters (libxml2's "
                        "limit XML_MAX_NAME_LENGTH)"},
      {"Excessive depth in document", "elements nested more than 256 deep (libxml2's limit)"},
  };
  for (const auto& [said, meant] : kExplained) {
    if (message.find(said) != std::string::npos) return meant;
  }
  return message;
}

void InitLibxmlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

struct XmlPushParser::Callbacks {
  static XmlPushParser& Self(void* user) { return *static_cast<XmlPushParser*>(user); }

  static void StartElement(void* user, const xmlChar* local, const xmlChar* prefix,
                           const xmlChar* uri, int nb_namespaces, const xmlChar** namespaces,
                           int nb_attributes, int nb_defaulted, const xmlChar** attributes) {
    XmlPushParser& self = Self(user);
    if (!self.status_.ok()) return;
    self.namespaces_.clear();
    for (int i = 0; i < nb_namespaces; ++i) {
      self.namespaces_.push_back({View(namespaces[2 * i]), View(namespaces[2 * i + 1])});
    }
    // Defaulted attributes (declared in a DOCTYPE, not written in the element) are left out:
    // the reader keeps what the file says.
    self.attributes_.clear();
    const int count = nb_attributes - nb_defaulted;
    if (self.decoded_values_.size() < static_cast<size_t>(count))
      self.decoded_values_.resize(count);
    for (int i = 0; i < count; ++i) {
      const xmlChar** a = attributes + 5 * i;
      const std::string_view value = DecodeAmpersands(View(a[3], a[4]), self.decoded_values_[i]);
      self.attributes_.push_back({View(a[1]), View(a[0]), View(a[2]), value});
    }
    self.handler_->StartElement(
        {View(prefix), View(local), View(uri), self.namespaces_, self.attributes_});
  }

  static void EndElement(void* user, const xmlChar*, const xmlChar*, const xmlChar*) {
    XmlPushParser& self = Self(user);
    if (self.status_.ok()) self.handler_->EndElement();
  }

  static void Characters(void* user, const xmlChar* text, int length) {
    XmlPushParser& self = Self(user);
    if (self.status_.ok()) self.handler_->Characters(View(text, text + length));
  }

  // Entity declarations are refused outright, so "billion laughs" expansion and external
  // entities (file or network reads) cannot happen whatever the DOCTYPE holds.
  static void EntityDecl(void* user, const xmlChar* name, int, const xmlChar*, const xmlChar*,
                         xmlChar*) {
    XmlPushParser& self = Self(user);
    self.Fail(Status::InvalidInput(
        "entity declarations are not supported (<!ENTITY " + std::string(View(name)) + " ...>)",
        self.Here()));
  }

  // Called for a reference to an undeclared entity when libxml2 only warns about it (a document
  // with an external DTD subset, which is never loaded). Without its declaration the entity has
  // no value, so this is an error.
  static void Reference(void* user, const xmlChar* name) {
    XmlPushParser& self = Self(user);
    self.Fail(
        Status::InvalidInput("undefined entity &" + std::string(View(name)) + ";", self.Here()));
  }

  static void Error(void* user, xmlErrorPtr error) {
    if (error == nullptr) return;
    Self(user).OnLibxmlError(error->level, OneLine(error->message), error->line, error->int2);
  }
};

XmlPushParser::XmlPushParser(XmlHandler* handler, std::string file, WarningSink on_warning)
    : handler_(handler), file_(std::move(file)), on_warning_(std::move(on_warning)) {
  InitLibxmlOnce();
  xmlSAXHandler sax{};
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = &Callbacks::StartElement;
  sax.endElementNs = &Callbacks::EndElement;
  sax.characters = &Callbacks::Characters;
  sax.ignorableWhitespace = &Callbacks::Characters;
  sax.cdataBlock = &Callbacks::Characters;
  sax.entityDecl = &Callbacks::EntityDecl;
  sax.reference = &Callbacks::Reference;
  sax.serror = &Callbacks::Error;  // errors come here, never to stderr
  xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, this, nullptr, 0, file_.c_str());
  if (ctxt == nullptr) {
    status_ = Status::Internal("cannot create an XML parser");
    return;
  }
  // No XML_PARSE_NOENT (no entity substitution), no DTDLOAD/DTDVALID: nothing is ever fetched.
  // IGNORE_ENC: the input is UTF-8 whatever the declaration says, the caller has transcoded it.
  xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_IGNORE_ENC);
  context_ = ctxt;
}

XmlPushParser::~XmlPushParser() {
  if (context_ == nullptr) return;
  auto* ctxt = static_cast<xmlParserCtxtPtr>(context_);
  // libxml2 makes a document to hold a DOCTYPE's internal subset even for SAX; the context does
  // not free it (LeakSanitizer found it).
  if (ctxt->myDoc != nullptr) {
    xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = nullptr;
  }
  xmlFreeParserCtxt(ctxt);
}

const Status& XmlPushParser::Parse(std::string_view utf8, bool last) {
  if (!status_.ok()) return status_;
  auto* ctxt = static_cast<xmlParserCtxtPtr>(context_);
  // xmlParseChunk takes an int size: feed anything larger in pieces.
  constexpr size_t kMaxPiece = 1 << 30;
  do {
    const size_t piece = std::min(utf8.size(), kMaxPiece);
    const bool end = last && piece == utf8.size();
    const int rc = xmlParseChunk(ctxt, utf8.data(), static_cast<int>(piece), end ? 1 : 0);
    utf8.remove_prefix(piece);
    if (rc != 0 && status_.ok()) Fail(Status::InvalidInput("malformed XML", Here()));
  } while (!utf8.empty() && status_.ok());
  return status_;
}

void XmlPushParser::Fail(Status error) {
  if (!status_.ok()) return;
  status_ = error.WithFile(file_);
  if (context_ != nullptr) xmlStopParser(static_cast<xmlParserCtxtPtr>(context_));
}

void XmlPushParser::OnLibxmlError(int level, std::string message, int line, int column) {
  Location where{file_, line, column};
  if (level == XML_ERR_WARNING) {
    if (on_warning_) on_warning_({std::move(where), std::move(message)});
    return;
  }
  // Only the first error counts; libxml2 itself stops at a fatal one. xmlStopParser is not
  // called from here, inside libxml2's error path: Parse() sees status_ and stops feeding.
  if (status_.ok()) {
    status_ = Status::InvalidInput(ExplainLimit(std::move(message)), std::move(where));
  }
}

Location XmlPushParser::Here() const {
  const auto* ctxt = static_cast<const xmlParserCtxt*>(context_);
  if (ctxt == nullptr || ctxt->input == nullptr) return {file_, 0, 0};
  return {file_, ctxt->input->line, ctxt->input->col};
}

int64_t XmlPushParser::line() const {
  const auto* ctxt = static_cast<const xmlParserCtxt*>(context_);
  return ctxt == nullptr || ctxt->input == nullptr ? 0 : ctxt->input->line;
}

Location XmlPushParser::TagStart() const {
  Location here = Here();
  const auto* ctxt = static_cast<const xmlParserCtxt*>(context_);
  if (ctxt == nullptr || ctxt->input == nullptr || ctxt->input->cur == nullptr) return here;
  const xmlChar* const base = ctxt->input->base;
  const xmlChar* const cur = ctxt->input->cur;
  // During a callback cur is on the tag's last characters (">" or "/>") or just past them, which
  // may be the next tag's "<": search from the character before. No "<" occurs inside a tag.
  if (cur <= base) return here;
  const xmlChar* lt = cur - 1;
  while (lt > base && *lt != '<') --lt;
  if (*lt != '<') return here;
  int64_t newlines = 0;
  for (const xmlChar* p = lt; p < cur; ++p) newlines += *p == '\n';
  if (newlines == 0) {
    here.column -= CountChars(lt, cur);
    return here;
  }
  here.line -= newlines;
  const xmlChar* line_start = lt;
  while (line_start > base && line_start[-1] != '\n') --line_start;
  here.column = CountChars(line_start, lt) + 1;
  return here;
}

}  // namespace hashi::formats
