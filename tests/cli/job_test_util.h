// Shared pieces of the `pretranslate` and `analyze` tests: a TM made from given units, tools.
#ifndef HASHI_TESTS_CLI_JOB_TEST_UTIL_H_
#define HASHI_TESTS_CLI_JOB_TEST_UTIL_H_

#include <map>
#include <string>
#include <vector>

#include "external_tools.h"
#include "test_support.h"

namespace hashi::testing {

using TmUnit = std::map<std::string, std::string>;  // language -> segment text (escaped XML)

// A TMX 1.4 document holding `units`, in order.
std::string TmxOf(const std::vector<TmUnit>& units);

// Imports TmxOf(units) into the TM `dir`/tm.db (origin `origin`); returns the TM's path.
std::string MakeTm(const TempDir& dir, const std::vector<TmUnit>& units,
                   const std::string& origin = "press.tmx");

}  // namespace hashi::testing

#endif  // HASHI_TESTS_CLI_JOB_TEST_UTIL_H_
