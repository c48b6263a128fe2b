// The XLIFF 1.2 reader on inline documents: units, segments, inline codes, translate="no",
// notes, encodings and the errors (XLIFF 2.0, malformed XML, not XLIFF, empty).
#include <gtest/gtest.h>

#include "hashi/formats/xliff.h"

namespace hashi::formats {
namespace {

constexpr char kTwoFiles[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a.html" source-language="en" target-language="vi" datatype="html">
  <body>
   <trans-unit id="1"><source>Hello <g id="1">bold</g> world<x id="2"/>.</source>
    <note from="pm">Keep short.</note></trans-unit>
   <group id="g" translate="no">
    <trans-unit id="2"><source>Not me</source></trans-unit>
    <trans-unit id="3" translate="yes"><source>Me</source><target/></trans-unit>
   </group>
  </body>
 </file>
 <file original="b.html" source-language="en-US" datatype="html">
  <body>
   <trans-unit id="4"><source>One. Two.</source>
    <seg-source><mrk mtype="seg" mid="s1">One.</mrk> <mrk mtype="seg" mid="s2">Two.</mrk></seg-source>
    <target>Một. Hai.</target></trans-unit>
  </body>
 </file>
</xliff>
)";

Result<XliffDocument> Read(const std::string& text) { return ReadXliff(text, "t.xlf"); }

TEST(XliffReader, FilesUnitsAndNotes) {
  Result<XliffDocument> doc = Read(kTwoFiles);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->files().size(), 2u);
  EXPECT_EQ(doc->files()[0].source_language, "en");
  EXPECT_EQ(doc->files()[0].target_language, "vi");
  EXPECT_EQ(doc->files()[1].source_language, "en-US");
  EXPECT_EQ(doc->files()[1].where.line, 13);
  ASSERT_EQ(doc->units().size(), 4u);
  const XliffUnit& first = doc->units()[0];
  EXPECT_EQ(first.id, "1");
  EXPECT_EQ(first.source.PlainText(), "Hello bold world.");
  ASSERT_EQ(first.notes.size(), 1u);
  EXPECT_EQ(first.notes[0].text, "Keep short.");
  EXPECT_TRUE(first.NeedsTarget());
  EXPECT_EQ(doc->units()[3].file, 1u);
}

// Each unit knows where it starts (for messages about it): line, and column in characters.
TEST(XliffReader, UnitsKnowTheirLineAndColumn) {
  const std::string text =
      "<?xml version=\"1.0\"?>\n"
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
      "<file original=\"a\" source-language=\"vi\" datatype=\"plaintext\"><body>\n"
      "<trans-unit id=\"1\"><source>Hợp tác</source></trans-unit>"
      "<trans-unit id=\"2\"><source>協力</source></trans-unit>\n"
      "\n"
      "  <trans-unit id=\"3\"><source>Ba</source></trans-unit>\n"
      "</body></file></xliff>\n";
  Result<XliffDocument> doc = Read(text);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->units().size(), 3u);
  EXPECT_EQ(doc->units()[0].where.line, 4);
  EXPECT_EQ(doc->units()[0].where.column, 1);
  EXPECT_EQ(doc->units()[1].where.line, 4);
  // After the first unit: 56 characters (59 bytes: "ợ" takes 3, "á" 2).
  EXPECT_EQ(doc->units()[1].where.column, 57);
  EXPECT_EQ(doc->units()[2].where.line, 6);
  EXPECT_EQ(doc->units()[2].where.column, 3);
  EXPECT_EQ(doc->units()[2].where.file, "t.xlf");
}

TEST(XliffReader, InlineCodesKeepTheirMarkup) {
  Result<XliffDocument> doc = Read(kTwoFiles);
  ASSERT_TRUE(doc.ok());
  const Segment& source = doc->units()[0].source;
  ASSERT_EQ(source.codes.size(), 3u);
  EXPECT_EQ(source.codes[0].kind, CodeKind::kHiStart);
  EXPECT_EQ(source.codes[0].markup, "<g id=\"1\">");
  EXPECT_EQ(source.codes[1].kind, CodeKind::kHiEnd);
  EXPECT_EQ(source.codes[1].markup, "</g>");
  EXPECT_EQ(source.codes[2].kind, CodeKind::kPh);
  EXPECT_EQ(source.codes[2].markup, "<x id=\"2\"/>");
}

TEST(XliffReader, EveryInlineElementMapsToACode) {
  const std::string text = R"(<xliff version="1.2"><file source-language="en" datatype="x"><body>
<trans-unit id="1"><source>a<bx id="1"/>b<ex id="1"/>c<bpt id="2">&lt;b&gt;</bpt>d<ept id="2">&lt;/b&gt;</ept>e<ph id="3">{0}</ph>f<it id="4" pos="open">&lt;i&gt;</it>g<mrk mtype="term">h</mrk><g id="5"/></source></trans-unit>
</body></file></xliff>)";
  Result<XliffDocument> doc = Read(text);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const Segment& s = doc->units()[0].source;
  std::vector<CodeKind> kinds;
  for (const Code& c : s.codes) kinds.push_back(c.kind);
  EXPECT_EQ(kinds, (std::vector<CodeKind>{CodeKind::kBpt, CodeKind::kEpt, CodeKind::kBpt,
                                          CodeKind::kEpt, CodeKind::kPh, CodeKind::kIt,
                                          CodeKind::kHiStart, CodeKind::kHiEnd, CodeKind::kPh}));
  EXPECT_EQ(s.codes[2].markup, "<bpt id=\"2\">&lt;b&gt;</bpt>");
  EXPECT_EQ(s.PlainText(), "abcdefgh");
}

TEST(XliffReader, TranslateNoIsInheritedFromGroups) {
  Result<XliffDocument> doc = Read(kTwoFiles);
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(doc->units()[1].translate);
  EXPECT_FALSE(doc->units()[1].NeedsTarget());
  EXPECT_TRUE(doc->units()[2].translate);  // its own translate="yes" wins
  EXPECT_TRUE(doc->units()[2].target_is_empty);
  EXPECT_TRUE(doc->units()[2].NeedsTarget());
}

TEST(XliffReader, SegSourceGivesSegments) {
  Result<XliffDocument> doc = Read(kTwoFiles);
  ASSERT_TRUE(doc.ok());
  const XliffUnit& unit = doc->units()[3];
  EXPECT_TRUE(unit.segmented);
  ASSERT_EQ(unit.segments.size(), 2u);
  EXPECT_EQ(unit.segments[0].mid, "s1");
  EXPECT_EQ(unit.segments[1].source.text, "Two.");
  ASSERT_TRUE(unit.target.has_value());
  EXPECT_EQ(unit.target->text, "Một. Hai.");
  EXPECT_FALSE(unit.NeedsTarget());
  EXPECT_EQ(doc->units()[0].segments.size(), 1u);  // unsegmented: the whole source
  EXPECT_EQ(doc->units()[0].segments[0].mid, "");
}

TEST(XliffReader, PrefixedElementsAndXliff11) {
  const std::string text = R"(<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.1">
<x:file source-language="en" datatype="x"><x:body><x:trans-unit id="1"><x:source>Hi</x:source>
</x:trans-unit></x:body></x:file></x:xliff>)";
  Result<XliffDocument> doc = Read(text);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->units().size(), 1u);
  EXPECT_EQ(doc->units()[0].source.text, "Hi");
  EXPECT_EQ(doc->version(), "");
}

// UTF-16LE without a byte order mark, as the XML declaration says.
TEST(XliffReader, Utf16WithoutBom) {
  const std::string ascii = R"(<?xml version="1.0" encoding="UTF-16LE"?>
<xliff version="1.2"><file source-language="en" datatype="x"><body>
<trans-unit id="1"><source>Hi there</source></trans-unit></body></file></xliff>)";
  std::string utf16;
  for (char c : ascii) utf16 += std::string{c, '\0'};
  Result<XliffDocument> doc = ReadXliff(utf16, "u16.xlf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->units()[0].source.text, "Hi there");
}

TEST(XliffReader, Xliff20IsRefusedWithItsVersion) {
  const std::string text = R"(<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
<file id="f1"><unit id="1"><segment><source>Hi</source></segment></unit></file></xliff>)";
  Result<XliffDocument> doc = Read(text);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message(),
            "XLIFF 2.0 is not supported (this file is version 2.0; hashi reads XLIFF 1.2)");
  EXPECT_EQ(doc.status().location().file, "t.xlf");
  EXPECT_EQ(doc.status().location().line, 2);
}

TEST(XliffReader, Xliff21NamespaceWithoutVersionIsRefused) {
  Result<XliffDocument> doc =
      Read(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.1" srcLang="en"/>)");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("this file is version 2.1"), std::string::npos);
}

TEST(XliffReader, MalformedXmlNamesLineAndColumn) {
  Result<XliffDocument> doc = Read("<xliff version=\"1.2\">\n<file>\n  <body></file>\n</xliff>");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(doc.status().location().file, "t.xlf");
  EXPECT_EQ(doc.status().location().line, 3);
  EXPECT_GT(doc.status().location().column, 0);
}

TEST(XliffReader, NotXliffOrEmpty) {
  Result<XliffDocument> tmx = Read("<tmx version=\"1.4\"><header/><body/></tmx>");
  ASSERT_FALSE(tmx.ok());
  EXPECT_EQ(tmx.status().message(), "not XLIFF (the root element is <tmx>)");
  Result<XliffDocument> empty = Read("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "empty file, not XLIFF");
  Result<XliffDocument> no_source =
      Read("<xliff version=\"1.2\"><file><body><trans-unit id=\"7\"/></body></file></xliff>");
  ASSERT_FALSE(no_source.ok());
  EXPECT_EQ(no_source.status().message(), "<trans-unit id=\"7\"> has no <source>");
}

TEST(XliffReader, LooksLikeXliff) {
  EXPECT_TRUE(LooksLikeXliff(kTwoFiles));
  EXPECT_TRUE(LooksLikeXliff("<!-- c --><x:xliff xmlns:x='u'/>"));
  EXPECT_FALSE(LooksLikeXliff("<?xml version='1.0'?><tmx/>"));
  EXPECT_FALSE(LooksLikeXliff("Plain text article.\n"));
}

}  // namespace
}  // namespace hashi::formats
