// The TMX reader on arbitrary bytes: every unit is pulled, and the reader either ends cleanly
// or with an error that names the input.
#include <memory>
#include <sstream>

#include "fuzz_util.h"
#include "hashi/formats/tmx.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hashi;
  formats::ReaderOptions options;
  size_t warnings = 0;
  options.on_warning = [&warnings](const Warning&) { ++warnings; };
  auto input = std::make_unique<std::istringstream>(std::string(fuzz::Bytes(data, size)));
  auto reader = formats::OpenTmxReader(std::move(input), "fuzz.tmx", options);
  if (!reader.ok()) {
    fuzz::Check(reader.status().location().file == "fuzz.tmx", "open error names the file");
    return 0;
  }
  while (std::optional<Unit> unit = (*reader)->Next()) {
    for (const Variant& v : unit->variants) {
      fuzz::Check(!v.lang.empty(), "every variant has a language");
      fuzz::Check(v.segment.PlainText().size() <= v.segment.text.size(), "plain text is shorter");
    }
  }
  const Status& status = (*reader)->status();
  if (!status.ok()) fuzz::Check(status.location().file == "fuzz.tmx", "error names the file");
  return 0;
}
