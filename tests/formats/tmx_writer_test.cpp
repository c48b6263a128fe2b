// The TMX 1.4b writer: exact output, escaping, round trips through the reader, and the file
// writer's temporary-file-and-rename behaviour.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "hashi/formats/tmx.h"
#include "test_support.h"
#include "tmx_test_helpers.h"

namespace hashi::formats {
namespace {

using tmx_test::ReadAllBytes;

std::string WriteToString(const std::vector<Unit>& units, const TmxWriterOptions& options = {}) {
  std::ostringstream out;
  auto writer = MakeTmxWriter(out, options);
  for (const Unit& unit : units) EXPECT_TRUE(writer->Write(unit).ok());
  EXPECT_TRUE(writer->Finish().ok());
  return out.str();
}

Unit SampleUnit() {
  Unit unit;
  unit.attrs = {{"tuid", "7"}, {"creationdate", "20240101T000000Z"}, {"x-odd", "a\"b<c>&\t\n"}};
  unit.notes = {{{}, "a note & more"}};
  unit.props = {{{{"type", "x-origin"}}, "embassy"}};
  Variant en;
  en.lang = "en";
  en.attrs = {{"changeid", "me"}};
  en.segment.AppendText("Press ");
  EXPECT_TRUE(en.segment.AppendCode({CodeKind::kBpt, "<bpt i=\"1\">&lt;b&gt;</bpt>"}).ok());
  en.segment.AppendText("start");
  EXPECT_TRUE(en.segment.AppendCode({CodeKind::kEpt, "<ept i=\"1\">&lt;/b&gt;</ept>"}).ok());
  en.segment.AppendText(" <now> & \"then\"\r\n\t ");
  Variant ja;
  ja.lang = "ja-JP";
  ja.notes = {{{{"xml:lang", "en"}}, "checked"}};
  ja.segment.AppendText("開始");
  EXPECT_TRUE(ja.segment.AppendCode({CodeKind::kHiStart, "<hi type=\"x\">"}).ok());
  ja.segment.AppendText("今");
  EXPECT_TRUE(ja.segment.AppendCode({CodeKind::kHiEnd, "</hi>"}).ok());
  unit.variants = {en, ja};
  return unit;
}

// The creationtoolversion the writer put in `out` (hashi's version, not known to the tests).
std::string VersionIn(const std::string& out) {
  const std::string key = "creationtoolversion=\"";
  const size_t start = out.find(key);
  if (start == std::string::npos) return "";
  return out.substr(start + key.size(), out.find('"', start + key.size()) - start - key.size());
}

// `text` with each "@V@" replaced by `version`.
std::string WithVersion(std::string text, const std::string& version) {
  for (size_t at; (at = text.find("@V@")) != std::string::npos;) text.replace(at, 3, version);
  return text;
}

TEST(TmxWriter, WritesTmx14bDocument) {
  const std::string out = WriteToString({SampleUnit()});
  const std::string version = VersionIn(out);
  EXPECT_FALSE(version.empty());
  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
      "<tmx version=\"1.4\">\n"
      "  <header creationtool=\"hashi\" creationtoolversion=\"@V@\" datatype=\"plaintext\" "
      "segtype=\"sentence\" adminlang=\"en\" srclang=\"*all*\" "
      "o-tmf=\"hashi\"/>\n"
      "  <body>\n"
      "    <tu tuid=\"7\" creationdate=\"20240101T000000Z\" "
      "x-odd=\"a&quot;b&lt;c&gt;&amp;&#9;&#10;\">\n"
      "      <note>a note &amp; more</note>\n"
      "      <prop type=\"x-origin\">embassy</prop>\n"
      "      <tuv xml:lang=\"en\" changeid=\"me\">\n"
      "        <seg>Press <bpt i=\"1\">&lt;b&gt;</bpt>start<ept i=\"1\">&lt;/b&gt;</ept> "
      "&lt;now&gt; "
      "&amp; \"then\"&#13;\n\t </seg>\n"
      "      </tuv>\n"
      "      <tuv xml:lang=\"ja-JP\">\n"
      "        <note xml:lang=\"en\">checked</note>\n"
      "        <seg>開始<hi type=\"x\">今</hi></seg>\n"
      "      </tuv>\n"
      "    </tu>\n"
      "  </body>\n"
      "</tmx>\n";
  EXPECT_EQ(out, WithVersion(expected, version));
}

TEST(TmxWriter, WritesHeaderOptionsPropsNotesAndMarkup) {
  TmxWriterOptions options;
  options.srclang = "en";
  options.adminlang = "vi";
  options.datatype = "html";
  options.segtype = "paragraph";
  options.o_tmf = "origin-tool";
  options.header_notes = {{{}, "n"}};
  options.header_props = {{{{"type", "x-a"}}, "p"}};
  options.header_extra_markup = {"<ude name=\"x\"><map unicode=\"#xF8FF\" subst=\"[A]\"/></ude>"};
  const std::string out = WriteToString({}, options);
  EXPECT_NE(out.find(WithVersion(
                "<header creationtool=\"hashi\" creationtoolversion=\"@V@\" datatype=\"html\" "
                "segtype=\"paragraph\" adminlang=\"vi\" srclang=\"en\" "
                "o-tmf=\"origin-tool\">\n"
                "    <note>n</note>\n"
                "    <prop type=\"x-a\">p</prop>\n"
                "    <ude name=\"x\"><map unicode=\"#xF8FF\" subst=\"[A]\"/></ude>\n"
                "  </header>\n  <body>\n  </body>\n</tmx>\n",
                VersionIn(out))),
            std::string::npos)
      << out;
}

TEST(TmxWriter, RoundTripsThroughTheReader) {
  const Unit unit = SampleUnit();
  auto result = ReadAllBytes(WriteToString({unit, unit}));
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  ASSERT_EQ(result.units.size(), 2u);
  EXPECT_EQ(result.units[0], unit);
  EXPECT_EQ(result.units[1], unit);
  EXPECT_TRUE(result.warnings.empty());
}

TEST(TmxWriter, RoundTripsReaderOutputExactly) {
  // Markup as the reader makes it is canonical: reading what was written gives it back.
  const std::string doc = tmx_test::TmxDocument(
      "<tu tuid='a'><tuv xml:lang='en'><seg> x <ph type='a&amp;b'>&lt;img alt=\"<sub>It&apos;s"
      "</sub>\"/></ph><it pos='end'/>&#13;<hi><ut>\\b</ut>y</hi>\t</seg></tuv></tu>");
  auto first = ReadAllBytes(doc);
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  auto second = ReadAllBytes(WriteToString(first.units));
  ASSERT_TRUE(second.status.ok()) << second.status.ToString();
  EXPECT_EQ(second.units, first.units);
  EXPECT_EQ(first.units.at(0).variants.at(0).segment.text.find('\r') != std::string::npos, true);
}

TEST(TmxWriter, RoundTripsNamespacesDeclaredOnAncestors) {
  // Prefixes declared on <tmx> are declared again where a unit or a code uses them, so each
  // stands alone in the export.
  const std::string doc =
      "<tmx xmlns=\"http://www.lisa.org/tmx14\" xmlns:x=\"urn:x\" version=\"1.4\"><header/>"
      "<body><tu x:origin=\"web\"><tuv xml:lang=\"en\"><seg>a<ph>b<x:c/><sub>"
      "<x:d x:e=\"1\"/></sub></ph></seg></tuv></tu></body></tmx>";
  auto first = ReadAllBytes(doc);
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  const Unit& unit = first.units.at(0);
  EXPECT_EQ(unit.attrs, (Attributes{{"xmlns:x", "urn:x"}, {"x:origin", "web"}}));
  EXPECT_EQ(unit.variants.at(0).segment.codes.at(0).markup,
            "<ph>b<x:c xmlns:x=\"urn:x\"/><sub><x:d xmlns:x=\"urn:x\" x:e=\"1\"/></sub></ph>");
  auto second = ReadAllBytes(WriteToString(first.units));
  ASSERT_TRUE(second.status.ok()) << second.status.ToString();
  EXPECT_EQ(second.units, first.units);
}

TEST(TmxWriter, LeavesOutAUnitXmlCannotHold) {
  std::ostringstream out;
  auto writer = MakeTmxWriter(out, {});
  Unit bad = SampleUnit();
  bad.variants[1].segment.AppendText(std::string("bell\x07"));
  const Status status = writer->Write(bad);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(status.message(),
            "unit tuid=\"7\" cannot be written: it holds U+0007, which XML 1.0 cannot represent");
  Unit no_lang = SampleUnit();
  no_lang.variants[0].lang.clear();
  EXPECT_EQ(writer->Write(no_lang).message(),
            "unit tuid=\"7\" cannot be written: a variant has no language");
  Unit non_character = SampleUnit();
  non_character.props[0].text += "\xEF\xBF\xBF";
  EXPECT_EQ(writer->Write(non_character).message(),
            "unit tuid=\"7\" cannot be written: it holds U+FFFF, which XML 1.0 cannot represent");
  EXPECT_TRUE(writer->Write(SampleUnit()).ok());  // the writer goes on
  EXPECT_TRUE(writer->Finish().ok());
  auto result = ReadAllBytes(out.str());
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  ASSERT_EQ(result.units.size(), 1u);
  EXPECT_EQ(result.units[0], SampleUnit());
}

TEST(TmxWriter, SkipsXmlLangAmongVariantAttributes) {
  Unit unit = SampleUnit();
  unit.variants[0].attrs.insert(unit.variants[0].attrs.begin(), {"xml:lang", "fr"});
  const std::string out = WriteToString({unit});
  EXPECT_NE(out.find("<tuv xml:lang=\"en\" changeid=\"me\">"), std::string::npos);
}

TEST(TmxWriter, FinishTwiceIsHarmless) {
  std::ostringstream out;
  auto writer = MakeTmxWriter(out, {});
  EXPECT_TRUE(writer->Finish().ok());
  EXPECT_TRUE(writer->Finish().ok());
  EXPECT_EQ(out.str().rfind("</tmx>\n"), out.str().size() - 7);
  EXPECT_FALSE(writer->Write(SampleUnit()).ok());
}

// Files in `dir` whose name starts with `prefix`.
std::vector<std::string> FilesStartingWith(const std::filesystem::path& dir,
                                           const std::string& prefix) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(prefix)) names.push_back(name);
  }
  return names;
}

TEST(TmxFileWriter, WritesUnderATemporaryNameAndRenamesOnFinish) {
  hashi::testing::TempDir dir;
  const auto path = dir / "out.tmx";
  auto writer = OpenTmxFileWriter(path, {});
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  ASSERT_TRUE((*writer)->Write(SampleUnit()).ok());
  EXPECT_FALSE(std::filesystem::exists(path));
  const auto temps = FilesStartingWith(dir.path(), "out.tmx.tmp-");
  EXPECT_EQ(temps.size(), 1u);
  ASSERT_TRUE((*writer)->Finish().ok());
  EXPECT_TRUE(FilesStartingWith(dir.path(), "out.tmx.tmp-").empty());
  auto result = ReadAllBytes(hashi::testing::ReadFileBytes(path));
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.units, std::vector<Unit>{SampleUnit()});
}

TEST(TmxFileWriter, RemovesTheTemporaryFileWhenNotFinished) {
  hashi::testing::TempDir dir;
  hashi::testing::WriteFileBytes(dir / "out.tmx", "old content");
  {
    auto writer = OpenTmxFileWriter(dir / "out.tmx", {});
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Write(SampleUnit()).ok());
  }
  EXPECT_EQ(FilesStartingWith(dir.path(), "out.tmx").size(), 1u);
  EXPECT_EQ(hashi::testing::ReadFileBytes(dir / "out.tmx"), "old content");
}

TEST(TmxFileWriter, WithoutSyncStillRenamesIntoPlaceAndTheFolderSyncsOnce) {
  hashi::testing::TempDir dir;
  TmxWriterOptions options;
  options.sync_each_file = false;
  for (const char* name : {"a.tmx", "b.tmx"}) {
    auto writer = OpenTmxFileWriter(dir / name, options);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    ASSERT_TRUE((*writer)->Write(SampleUnit()).ok());
    ASSERT_TRUE((*writer)->Finish().ok());
    auto result = ReadAllBytes(hashi::testing::ReadFileBytes(dir / name));
    EXPECT_EQ(result.units, std::vector<Unit>{SampleUnit()});
  }
  EXPECT_TRUE(FilesStartingWith(dir.path(), "a.tmx.tmp-").empty());
  EXPECT_TRUE(SyncFileSystem(dir.path()).ok());
  const Status missing = SyncFileSystem(dir / "no");
  EXPECT_EQ(missing.code(), ErrorCode::kIo);
  EXPECT_NE(missing.ToString().find("no"), std::string::npos);
}

TEST(TmxFileWriter, FailsForAMissingDirectory) {
  hashi::testing::TempDir dir;
  auto writer = OpenTmxFileWriter(dir / "no" / "out.tmx", {});
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.status().code(), ErrorCode::kIo);
  EXPECT_NE(writer.status().ToString().find("out.tmx.tmp-"), std::string::npos);
}

TEST(TmxFileWriter, OutputIsValidAgainstTheTmx14Dtd) {
  if (!hashi::testing::HaveSharedCorpus()) GTEST_SKIP() << "no shared corpus (tmx14.dtd)";
  hashi::testing::TempDir dir;
  auto writer = OpenTmxFileWriter(dir / "out.tmx", {});
  ASSERT_TRUE(writer.ok());
  Unit unit = SampleUnit();
  unit.attrs.pop_back();  // x-odd: not in the DTD
  ASSERT_TRUE((*writer)->Write(unit).ok());
  ASSERT_TRUE((*writer)->Finish().ok());
  const auto errors = tmx_test::DtdErrors(dir / "out.tmx");
  if (!errors) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(*errors, "");
}

}  // namespace
}  // namespace hashi::formats
