// Segmentation throughput: hashi's segmenter with the shipped rules (data/hashi.srx) against
// ICU's plain sentence BreakIterator on the same text, per language. The text is the example
// articles of that language, cleaned, concatenated until it is about 4 MB.
//   HASHI_BENCH_SRX=FILE measures another rules file; HASHI_BENCH_BYTES=N another text size.
//   build-seg/bench/segment_bench --benchmark_counters_tabular=true
// MB/s is the "bytes_per_second" column (UTF-8 bytes of input).
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "hashi/cleaner.h"
#include "hashi/formats/srx.h"
#include "hashi/language_tag.h"
#include "hashi/normalizer.h"
#include "hashi/segmenter.h"

namespace {

const std::filesystem::path kSource = HASHI_SOURCE_DIR;
// About 4 MB of text; HASHI_BENCH_BYTES sets another size (small for callgrind).
size_t TextBytes() {
  const char* bytes = std::getenv("HASHI_BENCH_BYTES");
  return bytes != nullptr ? std::strtoull(bytes, nullptr, 10) : size_t{4} << 20;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "segment_bench: %s\n", message.c_str());
  std::exit(1);
}

// The cleaned example articles in `lang`, repeated to about kTextBytes, NFC.
const std::string& Text(const std::string& lang) {
  static std::map<std::string, std::string> texts;
  std::string& text = texts[lang];
  if (!text.empty()) return text;
  auto cleaner = hashi::MakeCleaner(ReadFile(kSource / "data/boilerplate.txt"), "boilerplate");
  if (!cleaner.ok()) Die(cleaner.status().ToString());
  std::string articles;
  for (const auto& entry : std::filesystem::directory_iterator(kSource / "examples/articles")) {
    articles += (*cleaner)->Clean(ReadFile(entry.path() / (lang + ".txt"))) + "\n";
  }
  articles = hashi::ToNfc(articles);
  while (text.size() < TextBytes()) text += articles;
  return text;
}

std::unique_ptr<hashi::Segmenter> ShippedSegmenter(const std::string& lang) {
  // HASHI_BENCH_SRX measures another rules file (e.g. to find a slow rule).
  const char* other = std::getenv("HASHI_BENCH_SRX");
  static const hashi::Result<hashi::SrxRules> rules = hashi::formats::ReadSrxFile(
      other != nullptr ? std::filesystem::path(other) : kSource / "data/hashi.srx");
  if (!rules.ok()) Die(rules.status().ToString());
  auto segmenter = hashi::MakeSegmenter(*hashi::LanguageTag::Parse(lang), &*rules);
  if (!segmenter.ok()) Die(segmenter.status().ToString());
  return std::move(*segmenter);
}

const char* const kLangs[] = {"en", "vi", "ja"};

void HashiSplit(benchmark::State& state) {
  const std::string lang = kLangs[state.range(0)];
  const std::string& text = Text(lang);
  auto segmenter = ShippedSegmenter(lang);
  size_t sentences = 0;
  for (auto _ : state) {
    sentences = segmenter->Split(text).size();
    benchmark::DoNotOptimize(sentences);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["sentences"] = static_cast<double>(sentences);
  state.SetLabel(lang);
}

// ICU alone on UTF-8 (a UText over the bytes, no copy): what plain ICU costs a UTF-8 caller.
void IcuUtf8(benchmark::State& state) {
  const std::string lang = kLangs[state.range(0)];
  const std::string& text = Text(lang);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> icu(
      icu::BreakIterator::createSentenceInstance(icu::Locale(lang.c_str()), status));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) Die(u_errorName(status));
  size_t breaks = 0;
  for (auto _ : state) {
    icu->setText(ut, status);
    breaks = 0;
    while (icu->next() != icu::BreakIterator::DONE) ++breaks;
    benchmark::DoNotOptimize(breaks);
  }
  utext_close(ut);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["sentences"] = static_cast<double>(breaks);
  state.SetLabel(lang);
}

// ICU alone on UTF-16, the conversion from UTF-8 included.
void IcuUtf16(benchmark::State& state) {
  const std::string lang = kLangs[state.range(0)];
  const std::string& text = Text(lang);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> icu(
      icu::BreakIterator::createSentenceInstance(icu::Locale(lang.c_str()), status));
  if (U_FAILURE(status)) Die(u_errorName(status));
  size_t breaks = 0;
  for (auto _ : state) {
    const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(text);
    icu->setText(utf16);
    breaks = 0;
    while (icu->next() != icu::BreakIterator::DONE) ++breaks;
    benchmark::DoNotOptimize(breaks);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["sentences"] = static_cast<double>(breaks);
  state.SetLabel(lang);
}

BENCHMARK(HashiSplit)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);
BENCHMARK(IcuUtf8)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);
BENCHMARK(IcuUtf16)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
