// Inputs the fuzz targets (fuzz/) found breaking a property, kept as regression tests.
#include <gtest/gtest.h>

#include "hashi/normalizer.h"

namespace hashi {
namespace {

// fuzz_normalizer: a combining mark alone after white space ("h", VT, U+0301) left the
// concordance key with a trailing space once the mark was stripped, so BareKey(BareKey(x)) was
// not BareKey(x), and "a \u0301 b" did not match the phrase "a b".
TEST(FuzzRegression, BareKeyOfALoneMarkAfterASpaceIsCollapsedAndTrimmed) {
  const std::string found = "h\x0B\xCC\x81";
  EXPECT_EQ(BareKey(found), "h");
  EXPECT_EQ(BareKey(BareKey(found)), BareKey(found));
  EXPECT_EQ(BareKey("a \xCC\x81 b"), "a b");
  EXPECT_EQ(BareKey("\xCC\x81 Hợp tác \xCC\x80"), "hop tac");
}

}  // namespace
}  // namespace hashi
