// The store's private blob codec: round trips and corrupt input.
#include "store/meta_codec.h"

#include <gtest/gtest.h>

namespace hashi::store {
namespace {

TEST(MetaCodec, EmptyMetaIsEmptyBlob) {
  Unit unit;
  EXPECT_TRUE(EncodeUnitMeta(unit).empty());
  Variant v;
  v.lang = "en";
  EXPECT_TRUE(EncodeVariantMeta(v, "en").empty());
}

TEST(MetaCodec, VariantRoundTripKeepsSpellingAndCodes) {
  Variant v;
  v.lang = "eN-uS";
  v.attrs = {{"changedate", "20020523T091200Z"}};
  v.props = {{{{"type", "x"}, {"xml:lang", "en"}}, "ö"}};
  v.notes = {{{}, "note"}};
  ASSERT_TRUE(v.segment.AppendCode({CodeKind::kHiStart, "<hi type=\"b\">"}).ok());
  ASSERT_TRUE(v.segment.AppendCode({CodeKind::kHiEnd, "</hi>"}).ok());
  const std::string blob = EncodeVariantMeta(v, "en-US");
  Variant back;
  back.segment.text = v.segment.text;
  ASSERT_TRUE(DecodeVariantMeta(blob, "en-US", back).ok());
  EXPECT_EQ(back, v);
}

TEST(MetaCodec, DocumentInfoRoundTrip) {
  DocumentInfo info{"tmx", "1.4", {{"srclang", "en"}}, {{{{"type", "p"}}, "v"}}, {{{}, "n"}},
                    {"<ude name=\"x\"/>"}};
  DocumentInfo back;
  ASSERT_TRUE(DecodeDocumentInfo(EncodeDocumentInfo(info), back).ok());
  EXPECT_EQ(back, info);
}

TEST(MetaCodec, CorruptBlobsFailCleanly) {
  Unit unit;
  unit.attrs = {{"tuid", "1"}};
  std::string blob = EncodeUnitMeta(unit);
  for (size_t cut = 0; cut < blob.size(); ++cut) {
    Unit back;
    EXPECT_FALSE(DecodeUnitMeta(blob.substr(0, cut == 0 ? 1 : cut), back).ok()) << cut;
  }
  Unit back;
  EXPECT_FALSE(DecodeUnitMeta(std::string("\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 11),
                              back).ok());
  EXPECT_FALSE(DecodeUnitMeta("\x02", back).ok());  // unknown version
}

}  // namespace
}  // namespace hashi::store
