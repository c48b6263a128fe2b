// The segmenter with the shipped rules (data/hashi.srx) on arbitrary text. The first byte picks
// the language. Checks the contract of Split: ranges in order, inside the text, not empty.
#include <memory>

#include "fuzz_util.h"
#include "hashi/formats/srx.h"
#include "hashi/language_tag.h"
#include "hashi/segmenter.h"

namespace {

std::unique_ptr<hashi::Segmenter> Make(const char* lang) {
  static const hashi::SrxRules rules = [] {
    auto read = hashi::formats::ReadSrxFile(HASHI_SOURCE_DIR "/data/hashi.srx");
    if (!read.ok()) hashi::fuzz::Fail("data/hashi.srx: " + read.status().message());
    return *read;
  }();
  auto segmenter = hashi::MakeSegmenter(*hashi::LanguageTag::Parse(lang), &rules);
  if (!segmenter.ok()) hashi::fuzz::Fail(segmenter.status().message());
  return std::move(*segmenter);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hashi;
  static std::unique_ptr<Segmenter> segmenters[] = {Make("en"), Make("vi"), Make("ja")};
  if (size == 0) return 0;
  Segmenter& segmenter = *segmenters[data[0] % 3];
  const std::string_view text = fuzz::Bytes(data + 1, size - 1);
  size_t last_end = 0;
  for (const ByteRange& range : segmenter.Split(text)) {
    fuzz::Check(range.begin >= last_end, "ranges in order, not overlapping");
    fuzz::Check(range.begin < range.end, "no empty sentence");
    fuzz::Check(range.end <= text.size(), "range inside the text");
    last_end = range.end;
  }
  for (const std::string& sentence : segmenter.Sentences(text)) {
    fuzz::Check(!sentence.empty(), "no empty sentence");
  }
  return 0;
}
