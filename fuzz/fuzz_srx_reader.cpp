// The SRX reader on arbitrary bytes. Rules that read are valid for the segmenter by contract
// (ReadSrx runs ValidateSrxRules), so building a segmenter from them must succeed.
#include "fuzz_util.h"
#include "hashi/formats/srx.h"
#include "hashi/language_tag.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hashi;
  auto rules = formats::ReadSrx(fuzz::Bytes(data, size), "fuzz.srx");
  if (!rules.ok()) {
    fuzz::Check(rules.status().location().file == "fuzz.srx", "error names the file");
    return 0;
  }
  static const LanguageTag kEnglish = *LanguageTag::Parse("en");
  auto segmenter = MakeSegmenter(kEnglish, &*rules);
  if (!segmenter.ok()) fuzz::Fail("rules that read do not build: " + segmenter.status().message());
  return 0;
}
