#include <gtest/gtest.h>

#include "test_support.h"

namespace hashi::testing {
namespace {

TEST(Version, PrintsNameAndVersion) {
  const RunResult run = RunHashi({"--version"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.rfind("hashi ", 0), 0u) << run.out;
}

}  // namespace
}  // namespace hashi::testing
