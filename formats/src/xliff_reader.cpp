// ReadXliff: bytes -> UTF-8 text -> well-formedness check (libxml2, for line and column) ->
// pugixml DOM -> files, groups and units. The text is kept for writing the document back.
#include <cstring>

#include "encoding_sniffer.h"
#include "reader_limits.h"
#include "utf8_transcoder.h"
#include "xliff_read_context.h"
#include "xml_push_parser.h"

namespace hashi::formats {
namespace {

// The well-formedness pass also bounds the nesting, before the DOM is walked (recursively).
class DepthLimit final : public XmlHandler {
 public:
  void set_parser(XmlPushParser* parser) { parser_ = parser; }
  void StartElement(const XmlElement&) override {
    if (++depth_ > kMaxElementDepth) {
      parser_->Fail(Status::InvalidInput("elements nested too deeply: more than " +
                                             std::to_string(kMaxElementDepth) +
                                             " levels (hashi's limit kMaxElementDepth)",
                                         parser_->Here()));
    }
  }
  void EndElement() override { --depth_; }
  void Characters(std::string_view) override {}

 private:
  XmlPushParser* parser_ = nullptr;
  int depth_ = 0;
};

// The document as UTF-8 in doc.text, with doc.bom and doc.encoding set.
Status Decode(std::string_view bytes, XliffDocument::Internal& doc) {
  const SniffedEncoding sniffed = SniffEncoding(bytes.substr(0, 1024));
  doc.bom = std::string(bytes.substr(0, sniffed.bom_length));
  const std::string_view body = bytes.substr(sniffed.bom_length);
  if (IsUtf8Name(sniffed.name)) {
    doc.encoding = "UTF-8";
    doc.text = std::string(body);
    return Status::Ok();
  }
  Result<std::unique_ptr<Utf8Transcoder>> transcoder = Utf8Transcoder::Open(sniffed.name);
  if (!transcoder.ok()) return transcoder.status().WithFile(doc.name);
  doc.encoding = sniffed.name;
  Status status = (*transcoder)->Convert(body, true, doc.text);
  return status.ok() ? status : status.WithFile(doc.name);
}

Status CheckWellFormed(const XliffDocument::Internal& doc) {
  DepthLimit limit;
  XmlPushParser parser(&limit, doc.name, nullptr);
  limit.set_parser(&parser);
  return parser.Parse(doc.text, true);
}

// XLIFF 2.x says so in its namespace and its version attribute.
Status CheckVersion(const XliffReadContext& context, const pugi::xml_node& root) {
  std::string version = root.attribute("version").value();
  for (const pugi::xml_attribute& a : root.attributes()) {
    const std::string_view name = a.name();
    if ((name == "xmlns" || name.starts_with("xmlns:")) &&
        std::string_view(a.value()).starts_with("urn:oasis:names:tc:xliff:document:2.") &&
        version.empty()) {
      version = std::string(a.value()).substr(std::strlen("urn:oasis:names:tc:xliff:document:"));
    }
  }
  if (!version.empty() && version[0] >= '2') {
    return Status::InvalidInput("XLIFF " + version + " is not supported (this file is version " +
                                    version + "; hashi reads XLIFF 1.2)",
                                context.Where(root));
  }
  context.doc.version = root.attribute("version").value();
  return Status::Ok();
}

// The trans-units of a <body>, a <group>, or a <bin-unit> (which may hold the translatable
// text of a binary object).
Status ReadBody(const XliffReadContext& context, const pugi::xml_node& parent, size_t file,
                bool translate) {
  for (const pugi::xml_node& child : parent.children()) {
    if (child.type() != pugi::node_element) continue;
    if (context.Is(child, "trans-unit")) {
      if (Status s = ReadTransUnit(context, child, file, translate); !s.ok()) return s;
    } else if (context.Is(child, "group") || context.Is(child, "bin-unit")) {
      bool inner = translate;
      if (const pugi::xml_attribute a = child.attribute("translate")) {
        inner = std::strcmp(a.value(), "no") != 0;
      }
      if (Status s = ReadBody(context, child, file, inner); !s.ok()) return s;
    }
  }
  return Status::Ok();
}

Status ReadFiles(const XliffReadContext& context, const pugi::xml_node& root) {
  for (const pugi::xml_node& element : root.children()) {
    if (element.type() != pugi::node_element || !context.Is(element, "file")) continue;
    XliffFile file;
    file.original = element.attribute("original").value();
    file.source_language = element.attribute("source-language").value();
    file.target_language = element.attribute("target-language").value();
    file.datatype = element.attribute("datatype").value();
    file.where = context.Where(element);
    context.doc.files.push_back(std::move(file));
    const size_t index = context.doc.files.size() - 1;
    for (const pugi::xml_node& body : element.children()) {
      if (body.type() != pugi::node_element || !context.Is(body, "body")) continue;
      if (Status s = ReadBody(context, body, index, true); !s.ok()) return s;
    }
  }
  return Status::Ok();
}

Status ReadDocument(XliffDocument::Internal& doc) {
  pugi::xml_document dom;
  const pugi::xml_parse_result parsed =
      dom.load_buffer(doc.text.data(), doc.text.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                      pugi::encoding_utf8);
  if (!parsed) {
    return Status::InvalidInput(std::string("malformed XML: ") + parsed.description(),
                                LocationAt(doc.text, static_cast<size_t>(parsed.offset), doc.name));
  }
  const pugi::xml_node root = dom.document_element();
  const std::string_view root_name = root.name();
  XliffReadContext context{doc};
  if (LocalName(root_name) != "xliff") {
    return Status::InvalidInput("not XLIFF (the root element is <" + std::string(root_name) + ">)",
                                context.Where(root));
  }
  const size_t colon = root_name.find(':');
  doc.prefix = colon == std::string_view::npos ? "" : std::string(root_name.substr(0, colon));
  if (Status s = CheckVersion(context, root); !s.ok()) return s;
  return ReadFiles(context, root);
}

}  // namespace

Result<XliffDocument> ReadXliff(std::string_view bytes, const std::string& name) {
  XliffDocument document;
  XliffDocument::Internal& doc = document.internal();
  doc.name = name;
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidInput("empty file, not XLIFF", {name, 0, 0});
  }
  if (Status s = Decode(bytes, doc); !s.ok()) return s;
  if (Status s = CheckWellFormed(doc); !s.ok()) return s;
  if (Status s = ReadDocument(doc); !s.ok()) return s;
  return document;
}

bool LooksLikeXliff(std::string_view bytes) {
  bytes = bytes.substr(0, 4096);
  const SniffedEncoding sniffed = SniffEncoding(bytes);
  std::string text;
  if (IsUtf8Name(sniffed.name)) {
    text = std::string(bytes.substr(sniffed.bom_length));
  } else {
    Result<std::unique_ptr<Utf8Transcoder>> transcoder = Utf8Transcoder::Open(sniffed.name);
    if (!transcoder.ok()) return false;
    (void)(*transcoder)->Convert(bytes.substr(sniffed.bom_length), false, text);
  }
  size_t at = 0;
  while ((at = text.find('<', at)) != std::string::npos) {
    const std::string_view rest = std::string_view(text).substr(at + 1);
    if (!rest.starts_with("?") && !rest.starts_with("!")) {
      return LocalName(rest.substr(0, rest.find_first_of(" \t\r\n/>"))) == "xliff";
    }
    ++at;
  }
  return false;
}

}  // namespace hashi::formats
