// The shipped data files (data/hashi.srx, data/boilerplate.txt) for the core tests, read once,
// and a segmenter per language built from them. Header-only: shared by several suites.
#ifndef HASHI_TESTS_CORE_SHIPPED_RULES_H_
#define HASHI_TESTS_CORE_SHIPPED_RULES_H_

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hashi/cleaner.h"
#include "hashi/formats/srx.h"
#include "hashi/language_tag.h"
#include "hashi/segmenter.h"
#include "test_support.h"

namespace hashi::testing {

inline const SrxRules& ShippedRules() {
  static const SrxRules rules = [] {
    Result<SrxRules> read = formats::ReadSrxFile(SourceDir() / "data/hashi.srx");
    if (!read.ok()) throw std::runtime_error(read.status().ToString());
    return std::move(read).value();
  }();
  return rules;
}

inline const Cleaner& ShippedCleaner() {
  static const std::unique_ptr<Cleaner> cleaner = [] {
    const std::filesystem::path path = SourceDir() / "data/boilerplate.txt";
    Result<std::unique_ptr<Cleaner>> made = MakeCleaner(ReadFileBytes(path), path.string());
    if (!made.ok()) throw std::runtime_error(made.status().ToString());
    return std::move(made).value();
  }();
  return *cleaner;
}

// A segmenter with the shipped rules for `lang`, one per language (segmenters are stateful).
inline Segmenter& ShippedSegmenter(const std::string& lang) {
  static std::map<std::string, std::unique_ptr<Segmenter>> segmenters;
  std::unique_ptr<Segmenter>& segmenter = segmenters[lang];
  if (!segmenter) {
    Result<std::unique_ptr<Segmenter>> made =
        MakeSegmenter(LanguageTag::Parse(lang).value(), &ShippedRules());
    if (!made.ok()) throw std::runtime_error(made.status().ToString());
    segmenter = std::move(made).value();
  }
  return *segmenter;
}

inline std::vector<std::string> Segment(const std::string& lang, std::string_view text) {
  return ShippedSegmenter(lang).Sentences(text);
}

}  // namespace hashi::testing

#endif  // HASHI_TESTS_CORE_SHIPPED_RULES_H_
