#include "hashi/status.h"

#include <gtest/gtest.h>

namespace hashi {
namespace {

TEST(Status, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(Status, RendersFileLineColumn) {
  Status s = Status::InvalidInput("mismatched end tag", {"a.tmx", 12, 7});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(s.ToString(), "a.tmx:12:7: mismatched end tag");
}

TEST(Status, WithFileKeepsAKnownFile) {
  EXPECT_EQ(Status::Io("disk full").WithFile("tm.db").ToString(), "tm.db: disk full");
  EXPECT_EQ(Status::Io("x", {"a", 0, 0}).WithFile("b").ToString(), "a: x");
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> good = 42;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 42);
  Result<int> bad = Status::NotFound("no such unit");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace hashi
