// Other programs the tests check hashi's output with: xmllint (XSD validation) and
// translate-toolkit (reads XLIFF as a CAT client would). Tests skip when one is missing.
#ifndef HASHI_TESTS_EXTERNAL_TOOLS_H_
#define HASHI_TESTS_EXTERNAL_TOOLS_H_

#include <filesystem>
#include <string>

namespace hashi::testing {

// Runs a shell command line; returns its output (stdout and stderr) and sets `exit_code`.
std::string RunShell(const std::string& command, int* exit_code);

bool HaveXmllint();

// xmllint's messages on `file` against ../shared/corpus/schemas/`xsd`, "" when valid.
// REQUIRES: HaveSharedCorpus(), HaveXmllint().
std::string XliffSchemaErrors(const std::filesystem::path& file,
                              const std::string& xsd = "xliff-core-1.2-strict.xsd");

// `xmllint --noout --dtdvalid` of `tmx` against ../shared/corpus/schemas/tmx14.dtd: its messages,
// "" when valid. REQUIRES: HaveSharedCorpus(), HaveXmllint().
std::string DtdErrors(const std::filesystem::path& tmx);

// True if a python3 can import translate-toolkit (Debian package translate-toolkit).
bool HaveTranslateToolkit();

// translate-toolkit's reading of the XLIFF `file`: one line per unit, "source\ttarget\tN" with N
// its alt-trans count; "" (with `exit_code` set) when it fails.
std::string TranslateToolkitDump(const std::filesystem::path& file, int* exit_code);

}  // namespace hashi::testing

#endif  // HASHI_TESTS_EXTERNAL_TOOLS_H_
