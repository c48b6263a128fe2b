// The TMX reader on inline fixtures: what is kept, inline codes, encodings, and errors with their
// exact line:column.
#include <gtest/gtest.h>

#include "hashi/formats/tmx.h"
#include "tmx_test_helpers.h"

namespace hashi::formats {
namespace {

using tmx_test::ReadAllBytes;
using tmx_test::TmxDocument;

Attributes Attrs(std::initializer_list<std::pair<const char*, const char*>> list) {
  Attributes attrs;
  for (const auto& [name, value] : list) attrs.push_back({name, value});
  return attrs;
}

// The one variant of the one unit of `body_content`.
Variant OnlyVariant(const std::string& body_content) {
  auto result = ReadAllBytes(TmxDocument(body_content));
  EXPECT_TRUE(result.status.ok()) << result.status.ToString();
  if (result.units.size() != 1 || result.units[0].variants.size() != 1) {
    ADD_FAILURE() << "expected one unit with one variant";
    return {};
  }
  return result.units[0].variants[0];
}

std::string SegOf(const std::string& seg_content) {
  return "<tu><tuv xml:lang=\"en\"><seg>" + seg_content + "</seg></tuv></tu>";
}

TEST(TmxReader, ReadsHeaderInfo) {
  const std::string doc =
      "<?xml version=\"1.0\"?>\n"
      "<tmx version=\"1.4\">\n"
      "<header creationtool=\"X\" srclang=\"en-US\" x-custom=\"a&amp;b\">\n"
      "  <note xml:lang=\"en\">header note</note>\n"
      "  <prop type=\"x-domain\">press</prop>\n"
      "  <ude name=\"MacRoman\" base=\"Macintosh\"><map unicode=\"#xF8FF\" code=\"#xF0\"/></ude>\n"
      "</header>\n"
      "<body/>\n"
      "</tmx>\n";
  auto result = ReadAllBytes(doc);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.info.format, "tmx");
  EXPECT_EQ(result.info.version, "1.4");
  EXPECT_EQ(result.info.attrs,
            Attrs({{"creationtool", "X"}, {"srclang", "en-US"}, {"x-custom", "a&b"}}));
  EXPECT_EQ(result.info.notes, (std::vector<Note>{{Attrs({{"xml:lang", "en"}}), "header note"}}));
  EXPECT_EQ(result.info.props, (std::vector<Prop>{{Attrs({{"type", "x-domain"}}), "press"}}));
  EXPECT_EQ(result.info.extra_markup,
            (std::vector<std::string>{"<ude name=\"MacRoman\" base=\"Macintosh\"><map "
                                      "unicode=\"#xF8FF\" code=\"#xF0\"/></ude>"}));
  EXPECT_TRUE(result.units.empty());
  EXPECT_TRUE(result.warnings.empty());
}

TEST(TmxReader, MissingVersionIsAWarning) {
  auto result = ReadAllBytes("<tmx>\n<header/><body>" + SegOf("x") + "</body></tmx>");
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.info.version, "");
  ASSERT_EQ(result.units.size(), 1u);
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0].message, "<tmx> has no version attribute");
  EXPECT_EQ(result.warnings[0].where.line, 1);
  EXPECT_EQ(result.warnings[0].where.column, 1);
}

TEST(TmxReader, KeepsAllAttributesInDocumentOrder) {
  auto result = ReadAllBytes(TmxDocument(
      "<tu tuid=\"42\" srclang=\"en\" creationdate=\"20240101T000000Z\" x-unknown=\"&lt;1&gt;\">\n"
      "  <tuv xml:lang=\"vi-VN\" changeid=\"me\" creationdate=\"20240102T000000Z\" foo=\"bar\">"
      "<seg>Xin chào</seg></tuv>\n"
      "  <tuv creationid=\"you\" xml:lang=\"JA\"><seg>こんにちは</seg></tuv>\n"
      "</tu>"));
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  ASSERT_EQ(result.units.size(), 1u);
  const Unit& unit = result.units[0];
  EXPECT_EQ(unit.id, 0);
  EXPECT_EQ(unit.attrs, Attrs({{"tuid", "42"},
                               {"srclang", "en"},
                               {"creationdate", "20240101T000000Z"},
                               {"x-unknown", "<1>"}}));
  ASSERT_EQ(unit.variants.size(), 2u);
  EXPECT_EQ(unit.variants[0].lang, "vi-VN");
  EXPECT_EQ(unit.variants[0].attrs,
            Attrs({{"changeid", "me"}, {"creationdate", "20240102T000000Z"}, {"foo", "bar"}}));
  EXPECT_EQ(unit.variants[0].segment.text, "Xin chào");
  EXPECT_EQ(unit.variants[1].lang, "JA");  // as written, not normalized
  EXPECT_EQ(unit.variants[1].attrs, Attrs({{"creationid", "you"}}));
  EXPECT_EQ(unit.variants[1].segment.text, "こんにちは");
}

TEST(TmxReader, ReadsPropsAndNotesOfUnitsAndVariants) {
  auto result = ReadAllBytes(
      TmxDocument("<tu>\n"
                  "  <note>unit note &amp; more</note>\n"
                  "  <prop type=\"x-origin\" xml:lang=\"en\" o-encoding=\"utf-8\">site A</prop>\n"
                  "  <note xml:lang=\"fr\">deuxième</note>\n"
                  "  <tuv xml:lang=\"en\">\n"
                  "    <prop type=\"x-state\">final</prop>\n"
                  "    <note>  spaced\n  note </note>\n"
                  "    <seg>Hello</seg>\n"
                  "  </tuv>\n"
                  "</tu>"));
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  ASSERT_EQ(result.units.size(), 1u);
  const Unit& unit = result.units[0];
  EXPECT_EQ(unit.notes, (std::vector<Note>{{{}, "unit note & more"},
                                           {Attrs({{"xml:lang", "fr"}}), "deuxième"}}));
  EXPECT_EQ(
      unit.props,
      (std::vector<Prop>{
          {Attrs({{"type", "x-origin"}, {"xml:lang", "en"}, {"o-encoding", "utf-8"}}), "site A"}}));
  ASSERT_EQ(unit.variants.size(), 1u);
  EXPECT_EQ(unit.variants[0].props, (std::vector<Prop>{{Attrs({{"type", "x-state"}}), "final"}}));
  EXPECT_EQ(unit.variants[0].notes, (std::vector<Note>{{{}, "  spaced\n  note "}}));
  EXPECT_EQ(unit.variants[0].segment.text, "Hello");
}

TEST(TmxReader, KeepsWhitespaceInSegExactly) {
  const Variant v = OnlyVariant(SegOf("  two  spaces\tand\t\ttabs\nnew line\r\nCRLF \n"));
  // CRLF becomes LF: the XML parser normalizes line ends, as every XML reader must.
  EXPECT_EQ(v.segment.text, "  two  spaces\tand\t\ttabs\nnew line\nCRLF \n");
}

TEST(TmxReader, DecodesCharacterReferencesAndEntities) {
  const Variant v = OnlyVariant(SegOf("a&#x9;b&#32;c&#13;d&#x1F600;&amp;&lt;&gt;&quot;&apos;"));
  EXPECT_EQ(v.segment.text, "a\tb c\rd\xF0\x9F\x98\x80&<>\"'");
}

TEST(TmxReader, ReadsCdataAsTextAndDropsCommentsAndPis) {
  const Variant v = OnlyVariant(SegOf("a<!-- note --><![CDATA[<b>&amp;]]><?pi x?>z"));
  EXPECT_EQ(v.segment.text, "a<b>&amp;z");
  EXPECT_TRUE(v.segment.codes.empty());
}

TEST(TmxReader, KeepsNfdTextAsItIs) {
  // "Việt" in NFD (e + combining circumflex + combining dot below): NFC is the store's job.
  const std::string nfd = "Vie\xCC\x82\xCC\xA3t";
  const Variant v = OnlyVariant(SegOf(nfd));
  EXPECT_EQ(v.segment.text, nfd);
}

TEST(TmxReader, ReadsEachInlineCodeAsOneCodeWithItsMarkup) {
  const Variant v = OnlyVariant(
      SegOf("<bpt i=\"1\" type=\"bold\">&lt;b&gt;</bpt>Bold<ept i=\"1\">&lt;/b&gt;</ept> "
            "<ph x=\"2\" type='image'>&lt;img alt=\"<sub datatype=\"html\">Start "
            "<b>here</b></sub>\"&gt;</ph>"
            "<it pos=\"begin\">{\\i </it>x<ut>{\\b}</ut><ph/>"));
  ASSERT_EQ(v.segment.codes.size(), 6u);
  EXPECT_EQ(v.segment.codes[0],
            (Code{CodeKind::kBpt, "<bpt i=\"1\" type=\"bold\">&lt;b&gt;</bpt>"}));
  EXPECT_EQ(v.segment.codes[1], (Code{CodeKind::kEpt, "<ept i=\"1\">&lt;/b&gt;</ept>"}));
  EXPECT_EQ(v.segment.codes[2],
            (Code{CodeKind::kPh,
                  "<ph x=\"2\" type=\"image\">&lt;img alt=\"<sub datatype=\"html\">Start "
                  "<b>here</b></sub>\"&gt;</ph>"}));
  EXPECT_EQ(v.segment.codes[3], (Code{CodeKind::kIt, "<it pos=\"begin\">{\\i </it>"}));
  EXPECT_EQ(v.segment.codes[4], (Code{CodeKind::kUt, "<ut>{\\b}</ut>"}));
  EXPECT_EQ(v.segment.codes[5], (Code{CodeKind::kPh, "<ph/>"}));
  EXPECT_EQ(v.segment.PlainText(), "Bold x");
  EXPECT_EQ(v.segment.text,
            "\uE101\uE110Bold\uE102\uE111 \uE103\uE112\uE103\uE113x\uE103\uE114\uE103\uE115");
}

TEST(TmxReader, ReadsHiAsStartAndEndCodesAroundText) {
  const Variant v = OnlyVariant(
      SegOf("Press <hi type=\"verb\" x=\"4\">start <ph>&lt;br/&gt;</ph><hi>now</hi></hi>."));
  ASSERT_EQ(v.segment.codes.size(), 5u);
  EXPECT_EQ(v.segment.codes[0], (Code{CodeKind::kHiStart, "<hi type=\"verb\" x=\"4\">"}));
  EXPECT_EQ(v.segment.codes[1], (Code{CodeKind::kPh, "<ph>&lt;br/&gt;</ph>"}));
  EXPECT_EQ(v.segment.codes[2], (Code{CodeKind::kHiStart, "<hi>"}));
  EXPECT_EQ(v.segment.codes[3], (Code{CodeKind::kHiEnd, "</hi>"}));
  EXPECT_EQ(v.segment.codes[4], (Code{CodeKind::kHiEnd, "</hi>"}));
  EXPECT_EQ(v.segment.PlainText(), "Press start now.");  // hi content is text
}

TEST(TmxReader, KeepsUnknownInlineElementAsPhCodeWithWarning) {
  auto result = ReadAllBytes(TmxDocument(SegOf("a<g id=\"1\">b</g>c")));
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  const Segment& seg = result.units.at(0).variants.at(0).segment;
  ASSERT_EQ(seg.codes.size(), 1u);
  EXPECT_EQ(seg.codes[0], (Code{CodeKind::kPh, "<g id=\"1\">b</g>"}));
  EXPECT_EQ(seg.PlainText(), "ac");
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0].message, "unknown element <g> in <seg>, kept as a <ph>-like code");
  EXPECT_EQ(result.warnings[0].where.line, 5);
  EXPECT_EQ(result.warnings[0].where.column, 30);
}

TEST(TmxReader, WarnsAboutBrokenPairingButReads) {
  auto result = ReadAllBytes(TmxDocument(
      SegOf("<ept i=\"1\">&lt;/b&gt;</ept><bpt i=\"1\">&lt;b&gt;</bpt><bpt i=\"1\">x</bpt>")));
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.units.at(0).variants.at(0).segment.codes.size(), 3u);
  ASSERT_EQ(result.warnings.size(), 3u);
  EXPECT_EQ(result.warnings[0].message, "<ept i=\"1\"> has no matching <bpt> before it");
  EXPECT_EQ(result.warnings[0].where.column, 29);
  EXPECT_EQ(result.warnings[1].message, "duplicate <bpt i=\"1\"> in one <seg>");
  EXPECT_EQ(result.warnings[2].message, "<bpt i=\"1\"> has no matching <ept>");
  EXPECT_EQ(result.warnings[2].where.file, "t.tmx");
}

TEST(TmxReader, WarnsAboutMisplacedElementsAtTheirTags) {
  auto result = ReadAllBytes(TmxDocument(
      "<tu><tuv xml:lang=\"en\"/><foo><tu/></foo><tuv xml:lang=\"fr\"><seg>a</seg><seg>b</seg>"
      "</tuv></tu>"));
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  ASSERT_EQ(result.units.size(), 1u);
  ASSERT_EQ(result.units[0].variants.size(), 2u);
  EXPECT_EQ(result.units[0].variants[0].segment.text, "");
  EXPECT_EQ(result.units[0].variants[1].segment.text, "ab");
  ASSERT_EQ(result.warnings.size(), 3u);
  EXPECT_EQ(result.warnings[0].message, "<tuv> has no <seg>");
  EXPECT_EQ(result.warnings[0].where.column, 5);  // the empty <tuv .../>, not the next tag
  EXPECT_EQ(result.warnings[1].message, "unexpected <foo> in <tu>, ignored");
  EXPECT_EQ(result.warnings[1].where.column, 25);
  EXPECT_EQ(result.warnings[2].message,
            "more than one <seg> in a <tuv>; their contents are joined");
  EXPECT_EQ(result.warnings[2].where.column, 72);
}

TEST(TmxReader, ReadsTmx11LangAttribute) {
  auto result = ReadAllBytes(
      "<?xml version=\"1.0\"?>\n<tmx version=\"1.1\"><header/><body>\n"
      "<tu><tuv lang=\"EN-US\" creationid=\"x\"><seg>Hi</seg></tuv>"
      "<tuv lang=\"ES\"><seg>Hola</seg></tuv></tu>\n"
      "</body></tmx>");
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.info.version, "1.1");
  ASSERT_EQ(result.units.at(0).variants.size(), 2u);
  EXPECT_EQ(result.units[0].variants[0].lang, "EN-US");
  EXPECT_EQ(result.units[0].variants[0].attrs, Attrs({{"creationid", "x"}}));
  EXPECT_EQ(result.units[0].variants[1].lang, "ES");
  EXPECT_TRUE(result.warnings.empty());
}

TEST(TmxReader, WarnsOnceWhenLangAndXmlLangAreMixed) {
  auto result = ReadAllBytes(
      "<tmx version=\"1.1\"><header/><body>\n"
      "<tu><tuv lang=\"en\"><seg>a</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg>b</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en\"><seg>c</seg></tuv><tuv lang=\"fr\"><seg>d</seg></tuv></tu>\n"
      "</body></tmx>");
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  ASSERT_EQ(result.units.size(), 3u);
  EXPECT_EQ(result.units[1].variants[0].lang, "en");
  EXPECT_EQ(result.units[2].variants[1].lang, "fr");
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0].message, "this file mixes lang (TMX 1.1) and xml:lang on <tuv>");
  EXPECT_EQ(result.warnings[0].where.file, "t.tmx");
  EXPECT_EQ(result.warnings[0].where.line, 3);
  EXPECT_EQ(result.warnings[0].where.column, 5);
}

TEST(TmxReader, KeepsLangAsAttributeWhenXmlLangIsAlsoThere) {
  const Variant v = OnlyVariant("<tu><tuv lang=\"x\" xml:lang=\"en\"><seg>a</seg></tuv></tu>");
  EXPECT_EQ(v.lang, "en");
  EXPECT_EQ(v.attrs, Attrs({{"lang", "x"}}));
}

TEST(TmxReader, AcceptsRootInTmxNamespace) {
  auto result = ReadAllBytes(
      "<tmx xmlns=\"http://www.lisa.org/tmx14\" version=\"1.4\"><header srclang=\"en\"/><body>"
      "<tu tuid=\"1\"><tuv xml:lang=\"en\"><seg>a<ph>x</ph></seg></tuv></tu></body></tmx>");
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  ASSERT_EQ(result.units.size(), 1u);
  EXPECT_EQ(result.units[0].attrs, Attrs({{"tuid", "1"}}));
  EXPECT_EQ(result.units[0].variants[0].segment.codes.at(0).markup, "<ph>x</ph>");
}

// ---- encodings ----

// UTF-8 to UTF-16 code units (the test's own small encoder, independent of ICU).
std::u16string ToUtf16(const std::string& utf8) {
  std::u16string out;
  for (size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    const int length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? b : b & (0x3F >> (length - 1));
    for (int k = 1; k < length; ++k) c = (c << 6) | (utf8[i + k] & 0x3F);
    i += length;
    if (c >= 0x10000) {
      out.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(c));
    }
  }
  return out;
}

std::string Utf16Bytes(const std::string& utf8, bool big_endian, bool bom) {
  std::u16string units = ToUtf16(utf8);
  if (bom) units.insert(units.begin(), u'\uFEFF');
  std::string bytes;
  for (const char16_t u : units) {
    const char high = static_cast<char>(u >> 8), low = static_cast<char>(u & 0xFF);
    bytes += big_endian ? std::string{high, low} : std::string{low, high};
  }
  return bytes;
}

std::string Utf16Document(const char* declared) {
  return std::string("<?xml version=\"1.0\" encoding=\"") + declared +
         "\"?>\n<tmx version=\"1.4\"><header/><body>\n"
         "<tu><tuv xml:lang=\"ja\"><seg>日本語 \xF0\x9D\x90\x80 ñ</seg></tuv></tu>\n"
         "</body></tmx>\n";
}

void ExpectUtf16Read(const std::string& bytes) {
  auto result = ReadAllBytes(bytes);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  ASSERT_EQ(result.units.size(), 1u);
  EXPECT_EQ(result.units[0].variants.at(0).segment.text, "日本語 \xF0\x9D\x90\x80 ñ");
}

TEST(TmxReader, ReadsUtf16) {
  ExpectUtf16Read(Utf16Bytes(Utf16Document("UTF-16"), false, true));
  ExpectUtf16Read(Utf16Bytes(Utf16Document("UTF-16"), true, true));
  ExpectUtf16Read(Utf16Bytes(Utf16Document("UTF-16LE"), false, false));
  ExpectUtf16Read(Utf16Bytes(Utf16Document("UTF-16BE"), true, false));
}

TEST(TmxReader, ReportsInvalidUtf16WithLineAndColumn) {
  std::string bytes = Utf16Bytes(
      "<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"en\"><seg>ab", false, true);
  bytes += std::string("\x00\xDC", 2);  // a lone trail surrogate
  bytes += Utf16Bytes("</seg></tuv></tu></body></tmx>", false, false);
  auto result = ReadAllBytes(bytes);
  EXPECT_EQ(result.status.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(result.status.ToString(),
            "t.tmx:2:31: bytes not valid in encoding UTF-16LE: 0x00 0xDC");
}

TEST(TmxReader, ReadsWindows1252UsAsciiAndShiftJis) {
  auto latin = ReadAllBytes(
      "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<tmx version=\"1.4\"><header/><body>"
      "<tu><tuv xml:lang=\"fr\"><seg>caf\xE9 \x80 \x93ok\x94</seg></tuv></tu></body></tmx>");
  ASSERT_TRUE(latin.status.ok()) << latin.status.ToString();
  EXPECT_EQ(latin.units.at(0).variants.at(0).segment.text, "café € “ok”");

  auto ascii = ReadAllBytes(
      "<?xml version='1.0' encoding='us-ascii'?>\n<tmx version=\"1.4\"><header/><body>"
      "<tu><tuv xml:lang=\"fr\"><seg>caf&#xE9;</seg></tuv></tu></body></tmx>");
  ASSERT_TRUE(ascii.status.ok()) << ascii.status.ToString();
  EXPECT_EQ(ascii.units.at(0).variants.at(0).segment.text, "café");

  auto sjis = ReadAllBytes(
      "<?xml version='1.0' encoding='Shift_JIS'?>\n<tmx version=\"1.4\"><header/><body>"
      "<tu><tuv xml:lang=\"ja\"><seg>\x93\xFA\x96\x7B</seg></tuv></tu></body></tmx>");
  ASSERT_TRUE(sjis.status.ok()) << sjis.status.ToString();
  EXPECT_EQ(sjis.units.at(0).variants.at(0).segment.text, "日本");
}

TEST(TmxReader, RejectsBytesInvalidInDeclaredEncoding) {
  auto result = ReadAllBytes(
      "<?xml version='1.0' encoding='us-ascii'?>\n<tmx version=\"1.4\"><header/><body>\n"
      "<tu><tuv xml:lang=\"fr\"><seg>caf\xE9</seg></tuv></tu></body></tmx>");
  EXPECT_EQ(result.status.ToString(), "t.tmx:3:32: bytes not valid in encoding us-ascii: 0xE9");
}

// ---- errors: each names the file, line and column ----

struct ErrorCase {
  const char* name;
  std::string document;
  std::string expected;  // Status::ToString()
};

// gtest prints a parameter in the test's description: its name, not its bytes.
void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.name; }

class TmxReaderError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(TmxReaderError, ReportsFileLineAndColumn) {
  auto result = ReadAllBytes(GetParam().document, "in.tmx");
  EXPECT_FALSE(result.status.ok());
  EXPECT_EQ(result.status.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(result.status.ToString(), GetParam().expected);
}

const std::string kHead = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/>\n<body>\n";

INSTANTIATE_TEST_SUITE_P(
    Cases, TmxReaderError,
    ::testing::Values(
        ErrorCase{"UnclosedTag",
                  kHead + "<tu><tuv xml:lang=\"en\"><seg>abc</tuv></tu>\n</body></tmx>",
                  "in.tmx:4:38: Opening and ending tag mismatch: seg line 4 and tuv"},
        ErrorCase{"UndefinedEntity",
                  kHead + "<tu><tuv xml:lang=\"en\"><seg>a &foo; b</seg></tuv></tu></body></tmx>",
                  "in.tmx:4:36: Entity 'foo' not defined"},
        // With an (unloaded) external DTD, libxml2 only warns about &foo;: still an error here.
        ErrorCase{"UndefinedEntityWithDoctype",
                  "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n" + kHead.substr(22) +
                      "<tu><tuv xml:lang=\"en\"><seg>&foo;</seg></tuv></tu></body></tmx>",
                  "in.tmx:4:34: Entity 'foo' not defined"},
        ErrorCase{"MismatchedEndTag",
                  kHead + "<tu><tuv xml:lang=\"en\"><seg>abc</seg></tuv></tux></body></tmx>",
                  "in.tmx:4:50: Opening and ending tag mismatch: tu line 4 and tux"},
        ErrorCase{"CutOffInSeg",
                  kHead + "<tu><tuv xml:lang=\"en\"><seg>abc</seg></tuv></tu>\n"
                          "<tu><tuv xml:lang=\"en\"><seg>ab",
                  "in.tmx:5:31: unexpected end of file (inside <seg> from line 5)"},
        ErrorCase{"CutOffCleanlyAfterUnit",
                  kHead + "<tu><tuv xml:lang=\"en\"><seg>abc</seg></tuv></tu>\n",
                  "in.tmx:4:49: unexpected end of file (inside <body> from line 3)"},
        ErrorCase{"CutOffInTag", kHead + "<tu><tuv xml:la",
                  "in.tmx:4:16: unexpected end of file (inside <tu> from line 4)"},
        ErrorCase{"InvalidUtf8",
                  kHead + "<tu><tuv xml:lang=\"en\"><seg>ab\xFF\xFE</seg></tuv></tu></body></tmx>",
                  "in.tmx:4:31: Input is not proper UTF-8, indicate encoding ! Bytes: 0xFF 0xFE "
                  "0x3C 0x2F"},
        ErrorCase{"UnknownEncoding", "<?xml version=\"1.0\" encoding=\"x-klingon\"?><tmx/>",
                  "in.tmx: unknown encoding \"x-klingon\""},
        ErrorCase{"EmptyFile", "", "in.tmx: empty file, not TMX"},
        ErrorCase{"OnlyWhitespace", "  \n\n", "in.tmx:3:1: no root element, not TMX"},
        ErrorCase{"NotTmx", "<?xml version=\"1.0\"?>\n<!-- x -->\n  <html><body/></html>",
                  "in.tmx:3:3: not a TMX file (root element is <html>)"},
        ErrorCase{"TmxInOtherNamespace", "<t:tmx xmlns:t=\"urn:x\" version=\"1.4\"/>",
                  "in.tmx:1:1: not a TMX file (root element is <t:tmx>)"},
        ErrorCase{"BinaryJunk",
                  std::string("\x7F"
                              "ELF\x02\x01\x01\x00\x00\x00\x00",
                              12),
                  "in.tmx:1:1: Document is empty"},
        ErrorCase{"TuvWithoutLanguage",
                  kHead + "<tu>\n  <tuv creationid=\"x\"><seg>a</seg></tuv></tu></body></tmx>",
                  "in.tmx:5:3: <tuv> has no language"},
        ErrorCase{"BillionLaughs",
                  "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n"
                  " <!ENTITY lol \"lol\">\n"
                  " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                  "]>\n<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\">"
                  "<seg>&lol2;</seg></tuv></tu></body></tmx>",
                  "in.tmx:3:20: entity declarations are not supported (<!ENTITY lol ...>)"},
        ErrorCase{"ExternalEntity",
                  "<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                  "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\">"
                  "<seg>&xxe;</seg></tuv></tu></body></tmx>",
                  "in.tmx:1:56: entity declarations are not supported (<!ENTITY xxe ...>)"},
        ErrorCase{"DeclaredUtf16ButAscii", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><tmx/>",
                  "in.tmx: the XML declaration says encoding \"UTF-16\" but the file does not "
                  "start as that encoding does"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.name); });

TEST(TmxReader, ReportsErrorAfterManyUnitsWithItsLine) {
  std::string doc = kHead;
  for (int i = 0; i < 5000; ++i) doc += "<tu><tuv xml:lang=\"en\"><seg>unit</seg></tuv></tu>\n";
  doc += "<tu><tuv xml:lang=\"en\"><seg>a < b</seg></tuv></tu>\n</body></tmx>\n";
  auto result = ReadAllBytes(doc);
  EXPECT_TRUE(result.opened);
  EXPECT_EQ(result.units.size(), 5000u);  // the units before the error are still handed out
  EXPECT_EQ(result.status.ToString(), "t.tmx:5004:32: StartTag: invalid element name");
}

TEST(TmxReader, NextAfterTheEndKeepsReturningNothing) {
  auto reader =
      OpenTmxReader(std::make_unique<std::istringstream>(TmxDocument(SegOf("x"))), "t.tmx");
  ASSERT_TRUE(reader.ok());
  EXPECT_TRUE((*reader)->Next().has_value());
  EXPECT_FALSE((*reader)->Next().has_value());
  EXPECT_FALSE((*reader)->Next().has_value());
  EXPECT_TRUE((*reader)->status().ok());
}

}  // namespace
}  // namespace hashi::formats
