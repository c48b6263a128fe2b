#include "hashi/formats/unit_reader.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace hashi::formats {
namespace {

TEST(OpenUnitReader, MissingFileIsNotFound) {
  auto reader = OpenUnitReader("/nonexistent/file.tmx");
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(reader.status().ToString().find("/nonexistent/file.tmx"), std::string::npos);
}

TEST(OpenUnitReader, DirectoryIsAnError) {
  testing::TempDir dir;
  auto reader = OpenUnitReader(dir.path());
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find("directory"), std::string::npos);
}

}  // namespace
}  // namespace hashi::formats
