// Helpers shared by the TMX reader, writer and corpus tests (header-only: the test binary globs
// *_test.cpp).
#ifndef HASHI_TESTS_FORMATS_TMX_TEST_HELPERS_H_
#define HASHI_TESTS_FORMATS_TMX_TEST_HELPERS_H_

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "hashi/formats/tmx.h"

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

}  // namespace hashi::formats::tmx_test

#endif  // HASHI_TESTS_FORMATS_TMX_TEST_HELPERS_H_
