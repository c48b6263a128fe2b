// The XLIFF 1.2 reader on arbitrary bytes. What reads is also pre-translated (every segment
// gets a match whose target is its own source, codes included) and the result must read again.
#include "fuzz_util.h"
#include "hashi/formats/xliff.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hashi;
  auto document = formats::ReadXliff(fuzz::Bytes(data, size), "fuzz.xlf");
  if (!document.ok()) {
    fuzz::Check(document.status().location().file == "fuzz.xlf", "error names the file");
    return 0;
  }
  formats::XliffLeverage leverage;
  leverage.target_lang = "vi";
  for (const formats::XliffUnit& unit : document->units()) {
    auto& unit_matches = leverage.matches.emplace_back();
    for (const formats::XliffSegment& segment : unit.segments) {
      Match match;
      match.score = 100;
      match.source = segment.source;
      match.source_lang = "en";
      match.targets["vi"] = segment.source;
      unit_matches.push_back({match});
    }
  }
  auto written = formats::PretranslatedXliff(*document, leverage);
  if (!written.ok()) return 0;
  auto again = formats::ReadXliff(*written, "again.xlf");
  if (!again.ok()) fuzz::Fail("pre-translated XLIFF does not read again: " + again.status().message());
  fuzz::Check(again->units().size() == document->units().size(), "same units after writing");
  return 0;
}
