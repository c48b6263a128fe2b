// Shared pieces of the `pretranslate` and `analyze` tests: a TM made from given units, tools.
#ifndef HASHI_TESTS_CLI_JOB_TEST_UTIL_H_
#define HASHI_TESTS_CLI_JOB_TEST_UTIL_H_

#include <map>
#include <string>
#include <vector>

#include "test_support.h"

namespace hashi::testing {

using TmUnit = std::map<std::string, std::string>;  // language -> segment text (escaped XML)

// A TMX 1.4 document holding `units`, in order.
std::string TmxOf(const std::vector<TmUnit>& units);

// Imports TmxOf(units) into the TM `dir`/tm.db (origin `origin`); returns the TM's path.
std::string MakeTm(const TempDir& dir, const std::vector<TmUnit>& units,
                   const std::string& origin = "press.tmx");

// Runs a shell command line; returns its output (stdout and stderr) and sets `exit_code`.
std::string Shell(const std::string& command, int* exit_code);

// "" when `file` is valid against ../shared/corpus/schemas/`xsd`, else xmllint's messages.
std::string SchemaErrors(const std::string& file, const std::string& xsd);
bool HaveXmllintTool();

// True if python3 can import translate-toolkit (Debian package translate-toolkit).
bool HaveToolkit();
// translate-toolkit's view of an XLIFF file: one line per unit, "source<TAB>target", or ""
// (with `exit_code` set) when python3 with translate-toolkit is missing or fails.
std::string ToolkitUnits(const std::string& file, int* exit_code);

}  // namespace hashi::testing

#endif  // HASHI_TESTS_CLI_JOB_TEST_UTIL_H_
