// Shared pieces of the XLIFF tests: fake TM matches and segments (xmllint and translate-toolkit
// are in external_tools.h).
#ifndef HASHI_TESTS_FORMATS_XLIFF_TEST_UTIL_H_
#define HASHI_TESTS_FORMATS_XLIFF_TEST_UTIL_H_

#include <filesystem>
#include <string>

#include "external_tools.h"
#include "hashi/pretranslator.h"

namespace hashi::testing {

// A match with plain-text source and target (target keyed by `lang`).
Match FakeMatch(int score, const std::string& source, const std::string& target,
                const std::string& lang = "vi", int64_t unit = 1,
                const std::string& origin = "test-tm");

// A segment from text in which "{N}" stands for code N of `codes` (written as its placeholder).
Segment MakeSegment(const std::string& text_with_slots, const std::vector<Code>& codes = {});

}  // namespace hashi::testing

#endif  // HASHI_TESTS_FORMATS_XLIFF_TEST_UTIL_H_
