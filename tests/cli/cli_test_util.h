// Shared pieces of the CLI tests: TMX fixtures and reading a TMX back into units.
#ifndef HASHI_TESTS_CLI_CLI_TEST_UTIL_H_
#define HASHI_TESTS_CLI_CLI_TEST_UTIL_H_

#include <string>
#include <vector>

#include "external_tools.h"
#include "hashi/unit.h"
#include "test_support.h"

namespace hashi::testing {

// A small valid TMX 1.4 document with `units` trilingual units (en, vi, ja), numbered from
// `first`; the text of unit i mentions i so every unit differs.
std::string SmallTmx(int units, int first = 1);

// Every unit of a TMX file read with hashi's reader; fails the test on error.
std::vector<Unit> ReadUnits(const std::filesystem::path& tmx);

// `hashi stats --json` of the TM, or "" when it cannot be read.
std::string StatsJson(const std::filesystem::path& tm);

}  // namespace hashi::testing

#endif  // HASHI_TESTS_CLI_CLI_TEST_UTIL_H_
