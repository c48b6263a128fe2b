// The TMX 1.4b writer: UTF-8, one element per line, two spaces per level, and never a byte of
// added whitespace inside <seg> (or <prop>/<note>, whose text is kept exactly).
#include <ostream>

#include "hashi/formats/tmx.h"
#include "output_sink.h"
#include "xml_escape.h"

namespace hashi::formats {
namespace {

// Bytes gathered before one write to the sink.
constexpr size_t kBufferSize = 1 << 20;

// The first of `attrs`' values that XML 1.0 cannot represent (see FirstInvalidXmlChar).
std::string FirstInvalidIn(const Attributes& attrs) {
  for (const Attribute& a : attrs) {
    if (std::string c = FirstInvalidXmlChar(a.value); !c.empty()) return c;
  }
  return "";
}

template <typename PropsOrNotes>
std::string FirstInvalidIn(const PropsOrNotes& items) {
  for (const auto& item : items) {
    if (std::string c = FirstInvalidXmlChar(item.text); !c.empty()) return c;
    if (std::string c = FirstInvalidIn(item.attrs); !c.empty()) return c;
  }
  return "";
}

// Why WriteUnit() refused `unit`, for the error message.
std::string DescribeProblem(const Unit& unit) {
  std::string c = FirstInvalidIn(unit.attrs);
  if (c.empty()) c = FirstInvalidIn(unit.props);
  if (c.empty()) c = FirstInvalidIn(unit.notes);
  for (const Variant& v : unit.variants) {
    if (v.lang.empty()) return "a variant has no language";
    for (const std::string& text : {v.lang, v.segment.text}) {
      if (c.empty()) c = FirstInvalidXmlChar(text);
    }
    if (c.empty()) c = FirstInvalidIn(v.attrs);
    if (c.empty()) c = FirstInvalidIn(v.props);
    if (c.empty()) c = FirstInvalidIn(v.notes);
  }
  return "it holds " + (c.empty() ? std::string("a character") : c) +
         ", which XML 1.0 cannot represent";
}

class TmxWriter final : public UnitWriter {
 public:
  TmxWriter(std::unique_ptr<OutputSink> sink, const TmxWriterOptions& options);
  Status Write(const Unit& unit) override;
  Status Finish() override;

 private:
  void WriteHeader(const TmxWriterOptions& options);
  bool WriteUnit(const Unit& unit);
  bool WriteVariant(const Variant& variant);
  bool WriteSegment(const Segment& segment);
  template <typename PropOrNote>
  bool WriteTextElement(std::string_view indent, std::string_view name, const PropOrNote& item);
  bool WriteAttributes(const Attributes& attrs, std::string_view skip = {});
  Status Flush();

  std::unique_ptr<OutputSink> sink_;
  std::string buffer_;
  Status status_;  // the first I/O error; later calls return it
  bool finished_ = false;
};

TmxWriter::TmxWriter(std::unique_ptr<OutputSink> sink, const TmxWriterOptions& options)
    : sink_(std::move(sink)) {
  buffer_.reserve(kBufferSize + kBufferSize / 4);
  WriteHeader(options);
}

void TmxWriter::WriteHeader(const TmxWriterOptions& options) {
  buffer_.append(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
      "<tmx version=\"1.4\">\n"
      "  <header");
  AppendAttribute(buffer_, "creationtool", "hashi");
  AppendAttribute(buffer_, "creationtoolversion", HASHI_VERSION);
  AppendAttribute(buffer_, "datatype", options.datatype);
  AppendAttribute(buffer_, "segtype", options.segtype);
  AppendAttribute(buffer_, "adminlang", options.adminlang);
  AppendAttribute(buffer_, "srclang", options.srclang);
  AppendAttribute(buffer_, "o-tmf", options.o_tmf);
  if (options.header_notes.empty() && options.header_props.empty() &&
      options.header_extra_markup.empty()) {
    buffer_.append("/>\n  <body>\n");
    return;
  }
  buffer_.append(">\n");
  for (const Note& note : options.header_notes) WriteTextElement("    ", "note", note);
  for (const Prop& prop : options.header_props) WriteTextElement("    ", "prop", prop);
  for (const std::string& markup : options.header_extra_markup) {
    buffer_.append("    ");
    buffer_.append(markup);
    buffer_.push_back('\n');
  }
  buffer_.append("  </header>\n  <body>\n");
}

Status TmxWriter::Write(const Unit& unit) {
  if (finished_) return Status::Internal("TmxWriter::Write after Finish");
  if (!status_.ok()) return status_;
  const size_t rollback = buffer_.size();
  if (!WriteUnit(unit)) {
    buffer_.resize(rollback);  // the unit is left out whole, never written in part
    const std::string* tuid = FindAttribute(unit.attrs, "tuid");
    return Status::InvalidInput("unit" + (tuid ? " tuid=\"" + *tuid + "\"" : std::string()) +
                                " cannot be written: " + DescribeProblem(unit));
  }
  if (buffer_.size() >= kBufferSize) status_ = Flush();
  return status_;
}

Status TmxWriter::Finish() {
  if (finished_) return status_;
  finished_ = true;
  if (!status_.ok()) return status_;
  buffer_.append("  </body>\n</tmx>\n");
  status_ = Flush();
  if (status_.ok()) status_ = sink_->Commit();
  return status_;
}

Status TmxWriter::Flush() {
  Status status = sink_->Write(buffer_);
  buffer_.clear();
  return status;
}

// Each Write* returns false if something cannot be written as XML 1.0 (see AppendEscapedText).
bool TmxWriter::WriteUnit(const Unit& unit) {
  buffer_.append("    <tu");
  bool ok = WriteAttributes(unit.attrs);
  buffer_.append(">\n");
  for (const Note& note : unit.notes) ok &= WriteTextElement("      ", "note", note);
  for (const Prop& prop : unit.props) ok &= WriteTextElement("      ", "prop", prop);
  for (const Variant& variant : unit.variants) ok &= WriteVariant(variant);
  buffer_.append("    </tu>\n");
  return ok;
}

bool TmxWriter::WriteVariant(const Variant& variant) {
  buffer_.append("      <tuv");
  bool ok = !variant.lang.empty() && AppendAttribute(buffer_, "xml:lang", variant.lang);
  ok &= WriteAttributes(variant.attrs, "xml:lang");
  buffer_.append(">\n");
  for (const Note& note : variant.notes) ok &= WriteTextElement("        ", "note", note);
  for (const Prop& prop : variant.props) ok &= WriteTextElement("        ", "prop", prop);
  buffer_.append("        <seg>");
  ok &= WriteSegment(variant.segment);
  buffer_.append("</seg>\n      </tuv>\n");
  return ok;
}

// Text is escaped; each code's markup is the original XML and goes in as it is.
bool TmxWriter::WriteSegment(const Segment& segment) {
  bool ok = true;
  ForEachPiece(
      segment, [&](std::string_view text) { ok &= AppendEscapedText(buffer_, text); },
      [&](const Code& code) { buffer_.append(code.markup); });
  return ok;
}

template <typename PropOrNote>
bool TmxWriter::WriteTextElement(std::string_view indent, std::string_view name,
                                 const PropOrNote& item) {
  buffer_.append(indent);
  buffer_.push_back('<');
  buffer_.append(name);
  bool ok = WriteAttributes(item.attrs);
  buffer_.push_back('>');
  ok &= AppendEscapedText(buffer_, item.text);
  buffer_.append("</");
  buffer_.append(name);
  buffer_.append(">\n");
  return ok;
}

bool TmxWriter::WriteAttributes(const Attributes& attrs, std::string_view skip) {
  bool ok = true;
  for (const Attribute& a : attrs) {
    if (a.name != skip) ok &= AppendAttribute(buffer_, a.name, a.value);
  }
  return ok;
}

}  // namespace

std::unique_ptr<UnitWriter> MakeTmxWriter(std::ostream& out, const TmxWriterOptions& options) {
  return std::make_unique<TmxWriter>(MakeOstreamSink(out), options);
}

Result<std::unique_ptr<UnitWriter>> OpenTmxFileWriter(const std::filesystem::path& path,
                                                      const TmxWriterOptions& options) {
  auto sink = OpenFileSink(path, options.sync_each_file);
  if (!sink.ok()) return sink.status();
  return std::unique_ptr<UnitWriter>(std::make_unique<TmxWriter>(std::move(*sink), options));
}

}  // namespace hashi::formats
