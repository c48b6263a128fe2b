// Helpers shared by the TMX reader, writer and corpus tests (header-only: the test binary globs
// *_test.cpp).
#ifndef HASHI_TESTS_FORMATS_TMX_TEST_HELPERS_H_
#define HASHI_TESTS_FORMATS_TMX_TEST_HELPERS_H_

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "hashi/formats/tmx.h"
#include "test_support.h"

// Readable GoogleTest output for the unit model (found by argument-dependent lookup).
namespace hashi {

inline void PrintTo(const Attributes& attrs, std::ostream* os) {
  *os << "{";
  for (const Attribute& a : attrs) *os << " " << a.name << "=\"" << a.value << "\"";
  *os << " }";
}
inline void PrintTo(const Code& code, std::ostream* os) {
  *os << "Code{" << static_cast<int>(code.kind) << ", " << code.markup << "}";
}
inline void PrintTo(const Prop& prop, std::ostream* os) {
  *os << "Prop";
  PrintTo(prop.attrs, os);
  *os << "[" << prop.text << "]";
}
inline void PrintTo(const Note& note, std::ostream* os) {
  *os << "Note";
  PrintTo(note.attrs, os);
  *os << "[" << note.text << "]";
}
inline void PrintTo(const Segment& segment, std::ostream* os) {
  *os << "Segment[" << segment.text << "]";
  for (const Code& code : segment.codes) PrintTo(code, os);
}
inline void PrintTo(const Variant& variant, std::ostream* os) {
  *os << "\n  Variant " << variant.lang << " ";
  PrintTo(variant.attrs, os);
  for (const Prop& p : variant.props) PrintTo(p, os);
  for (const Note& n : variant.notes) PrintTo(n, os);
  *os << " ";
  PrintTo(variant.segment, os);
}
inline void PrintTo(const Unit& unit, std::ostream* os) {
  *os << "Unit ";
  PrintTo(unit.attrs, os);
  for (const Prop& p : unit.props) PrintTo(p, os);
  for (const Note& n : unit.notes) PrintTo(n, os);
  for (const Variant& v : unit.variants) PrintTo(v, os);
}

}  // namespace hashi

namespace hashi::formats::tmx_test {

// Everything a read produced: the header, the units, the warnings, and the final status (the
// open error, or status() after the last Next()).
struct ReadAllResult {
  Status status;
  bool opened = false;
  DocumentInfo info;
  std::vector<Unit> units;
  std::vector<Warning> warnings;
};

inline ReadAllResult ReadAll(std::unique_ptr<std::istream> input, const std::string& name) {
  ReadAllResult result;
  ReaderOptions options;
  options.on_warning = [&result](const Warning& w) { result.warnings.push_back(w); };
  auto reader = OpenTmxReader(std::move(input), name, options);
  if (!reader.ok()) {
    result.status = reader.status();
    return result;
  }
  result.opened = true;
  result.info = (*reader)->info();
  while (std::optional<Unit> unit = (*reader)->Next()) result.units.push_back(std::move(*unit));
  result.status = (*reader)->status();
  return result;
}

inline ReadAllResult ReadAllBytes(const std::string& bytes, const std::string& name = "t.tmx") {
  return ReadAll(std::make_unique<std::istringstream>(bytes), name);
}

// A TMX 1.4 document around `body_content` (which starts on line 5).
inline std::string TmxDocument(const std::string& body_content) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<tmx version=\"1.4\">\n"
         "<header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" "
         "o-tmf=\"test\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n"
         "<body>\n" +
         body_content + "\n</body>\n</tmx>\n";
}

// "file:line:col: message" of a status, for EXPECT_EQ on errors.
inline std::string Where(const Status& status) { return status.ToString(); }

// The messages of `xmllint --noout --dtdvalid tmx14.dtd PATH` (tree mode: --stream would not
// validate), "" if the file is valid, nullopt if xmllint is not installed.
inline std::optional<std::string> DtdErrors(const std::filesystem::path& path) {
  if (std::system("xmllint --version >/dev/null 2>&1") != 0) return std::nullopt;
  const auto dtd = hashi::testing::SharedDir() / "corpus" / "schemas" / "tmx14.dtd";
  const std::string command =
      "xmllint --noout --nowarning --dtdvalid '" + dtd.string() + "' '" + path.string() + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string output;
  char buffer[4096];
  while (const size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  pclose(pipe);
  return output;
}

}  // namespace hashi::formats::tmx_test

#endif  // HASHI_TESTS_FORMATS_TMX_TEST_HELPERS_H_
