// Shared pieces of the XLIFF tests: fake TM matches, schema validation with xmllint, running
// translate-toolkit.
#ifndef HASHI_TESTS_FORMATS_XLIFF_TEST_UTIL_H_
#define HASHI_TESTS_FORMATS_XLIFF_TEST_UTIL_H_

#include <filesystem>
#include <string>

#include "hashi/pretranslator.h"

namespace hashi::testing {

// A match with plain-text source and target (target keyed by `lang`).
Match FakeMatch(int score, const std::string& source, const std::string& target,
                const std::string& lang = "vi", int64_t unit = 1,
                const std::string& origin = "test-tm");

// A segment from text in which "{N}" stands for code N of `codes` (written as its placeholder).
Segment MakeSegment(const std::string& text_with_slots, const std::vector<Code>& codes = {});

// Runs a shell command; returns its standard output and error, sets `exit_code`.
std::string RunShell(const std::string& command, int* exit_code);

// True if xmllint is installed.
bool HaveXmllint();
// Validates `file` against the XLIFF 1.2 schema ../shared/corpus/schemas/`xsd`; returns
// xmllint's messages, "" when valid. REQUIRES: HaveSharedCorpus(), HaveXmllint().
std::string XliffSchemaErrors(const std::filesystem::path& file,
                              const std::string& xsd = "xliff-core-1.2-strict.xsd");

// True if python3 can import translate-toolkit's XLIFF store.
bool HaveTranslateToolkit();
// Reads `file` with translate-toolkit's xlifffile and prints one line per unit:
// "source<TAB>target<TAB>alt-trans count"; "" with `exit_code` != 0 on failure.
std::string TranslateToolkitDump(const std::filesystem::path& file, int* exit_code);

}  // namespace hashi::testing

#endif  // HASHI_TESTS_FORMATS_XLIFF_TEST_UTIL_H_
