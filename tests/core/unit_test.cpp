#include "hashi/unit.h"

#include <gtest/gtest.h>

namespace hashi {
namespace {

TEST(Segment, PlaceholdersRoundTripThroughForEachPiece) {
  Segment seg;
  seg.AppendText("Click ");
  ASSERT_TRUE(seg.AppendCode({CodeKind::kBpt, "<bpt i=\"1\">&lt;b&gt;</bpt>"}).ok());
  seg.AppendText("here");
  ASSERT_TRUE(seg.AppendCode({CodeKind::kEpt, "<ept i=\"1\">&lt;/b&gt;</ept>"}).ok());
  seg.AppendText(" – 日本");
  EXPECT_EQ(seg.PlainText(), "Click here – 日本");
  std::string rebuilt;
  ForEachPiece(
      seg, [&](std::string_view t) { rebuilt += t; },
      [&](const Code& c) { rebuilt += c.markup; });
  EXPECT_EQ(rebuilt, "Click <bpt i=\"1\">&lt;b&gt;</bpt>here<ept i=\"1\">&lt;/b&gt;</ept> – 日本");
}

TEST(Segment, StrayPrivateUseCharactersAreText) {
  Segment seg;
  seg.AppendText("\xEE\x84\x81 alone");  // a marker with no index after it
  EXPECT_EQ(seg.PlainText(), "\xEE\x84\x81 alone");
}

TEST(Attributes, FindAndSet) {
  Attributes attrs{{"tuid", "1"}};
  SetAttribute(attrs, "tuid", "2");
  SetAttribute(attrs, "srclang", "en");
  ASSERT_NE(FindAttribute(attrs, "tuid"), nullptr);
  EXPECT_EQ(*FindAttribute(attrs, "tuid"), "2");
  EXPECT_EQ(*FindAttribute(attrs, "srclang"), "en");
  EXPECT_EQ(FindAttribute(attrs, "nope"), nullptr);
}

}  // namespace
}  // namespace hashi
