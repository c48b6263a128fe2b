// The TMX reader and writer on the shared corpus of real TMX files (../shared/corpus, see its
// MANIFEST.tsv): every well-formed file round-trips losslessly, agrees with an independent
// parse by pugixml, and exports valid TMX 1.4b; every malformed file fails with its name.
#include <gtest/gtest.h>
#include <iconv.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "hashi/formats/tmx.h"
#include "test_support.h"
#include "tmx_test_helpers.h"

namespace hashi::formats {
namespace {

namespace fs = std::filesystem;
using hashi::testing::SharedDir;

struct ManifestRow {
  std::string file;  // relative to corpus/
  std::string format;
  std::string encoding;
  bool well_formed = false;
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, '\t');) fields.push_back(field);
  return fields;
}

std::vector<ManifestRow> TmxRows() {
  std::ifstream in(SharedDir() / "corpus" / "MANIFEST.tsv");
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = SplitTabs(line);
  auto column = [&](const std::string& name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const size_t file = column("file"), format = column("format"), encoding = column("encoding"),
               well_formed = column("well_formed");
  std::vector<ManifestRow> rows;
  while (std::getline(in, line)) {
    const std::vector<std::string> f = SplitTabs(line);
    if (f.size() <= well_formed || f[format] != "tmx") continue;
    rows.push_back({f[file], f[format], f[encoding], f[well_formed] == "yes"});
  }
  return rows;
}

tmx_test::ReadAllResult ReadFile(const fs::path& path) {
  return tmx_test::ReadAll(std::make_unique<std::ifstream>(path, std::ios::binary), path.string());
}

// The writer options that carry `info`'s header over, as an export of that origin would.
TmxWriterOptions OptionsFrom(const DocumentInfo& info) {
  TmxWriterOptions options;
  if (const std::string* srclang = FindAttribute(info.attrs, "srclang")) options.srclang = *srclang;
  options.header_props = info.props;
  options.header_notes = info.notes;
  options.header_extra_markup = info.extra_markup;
  return options;
}

// ---- the independent parse: pugixml on the original bytes ----

std::string Windows1252ToUtf8(const std::string& bytes) {
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
  std::string out(bytes.size() * 3, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  const size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  EXPECT_NE(rc, static_cast<size_t>(-1)) << "iconv failed";
  out.resize(out.size() - out_left);
  return out;
}

bool IsCodeElement(const pugi::xml_node& node) {
  static const std::set<std::string> kCodes = {"bpt", "ept", "ph", "it", "ut"};
  return kCodes.count(node.name()) > 0;
}

// All text below `node`, leaving out what is inside inline codes (but keeping <hi> content).
void AppendPlainText(const pugi::xml_node& node, std::string& out) {
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    } else if (child.type() == pugi::node_element && !IsCodeElement(child)) {
      AppendPlainText(child, out);
    }
  }
}

void CompareWithPugixml(const ManifestRow& row, const std::vector<Unit>& units) {
  std::string bytes = hashi::testing::ReadFileBytes(SharedDir() / "corpus" / row.file);
  pugi::xml_encoding encoding = pugi::encoding_auto;
  if (row.encoding == "WINDOWS-1252") {  // pugixml knows Latin-1, not windows-1252
    bytes = Windows1252ToUtf8(bytes);
    encoding = pugi::encoding_utf8;
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(
      bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata, encoding);
  ASSERT_TRUE(parsed) << parsed.description();
  const pugi::xml_node body = doc.document_element().child("body");
  size_t u = 0;
  for (const pugi::xml_node& tu : body.children("tu")) {
    ASSERT_LT(u, units.size()) << "pugixml sees more units";
    const Unit& unit = units[u++];
    const pugi::xml_attribute tuid = tu.attribute("tuid");
    const std::string* our_tuid = FindAttribute(unit.attrs, "tuid");
    EXPECT_EQ(bool(tuid), our_tuid != nullptr);
    if (tuid && our_tuid) {
      EXPECT_EQ(*our_tuid, tuid.value());
    }
    size_t v = 0;
    for (const pugi::xml_node& tuv : tu.children("tuv")) {
      ASSERT_LT(v, unit.variants.size()) << "pugixml sees more variants in unit " << u;
      const Variant& variant = unit.variants[v++];
      const pugi::xml_attribute lang =
          tuv.attribute("xml:lang") ? tuv.attribute("xml:lang") : tuv.attribute("lang");
      EXPECT_EQ(variant.lang, lang.value());
      std::string text;
      AppendPlainText(tuv.child("seg"), text);
      EXPECT_EQ(variant.segment.PlainText(), text) << "unit " << u << " variant " << v;
    }
    EXPECT_EQ(v, unit.variants.size());
  }
  EXPECT_EQ(u, units.size());
}

// ---- DTD validation of the export ----

// The validity errors xmllint reports, one per line, without file names and positions: e.g.
// "element ph: validity error : No declaration for attribute id of element ph".
std::set<std::string> ValidityErrors(const std::string& xmllint_output) {
  std::set<std::string> errors;
  std::stringstream in(xmllint_output);
  for (std::string line; std::getline(in, line);) {
    const size_t at = line.find("validity error : ");
    if (at == std::string::npos) continue;
    const size_t element = line.rfind(": element ", at);
    errors.insert(line.substr(element == std::string::npos ? at : element + 2));
  }
  return errors;
}

// Source files invalid against the DTD in ways a lossless export keeps: their exports fail on
// exactly these errors and no other.
const std::map<std::string, std::set<std::string>> kExpectedInvalid = {
    {"tmx/heartsome-UTF-16LE.tmx",
     {"element ph: validity error : No declaration for attribute id of element ph"}},
    {"tmx/okapi-html_test.tmx",
     {"element prop: validity error : No declaration for attribute type2 of element prop",
      "element prop: validity error : Element prop does not carry attribute type"}},
};

void ExpectValidExport(const ManifestRow& row, const fs::path& exported) {
  const std::optional<std::string> output = tmx_test::DtdErrors(exported);
  if (!output) return;  // no xmllint here
  const auto expected = kExpectedInvalid.find(row.file);
  if (expected == kExpectedInvalid.end()) {
    EXPECT_EQ(*output, "") << "export of " << row.file << " is not valid TMX 1.4b";
    return;
  }
  EXPECT_EQ(ValidityErrors(*output), expected->second) << *output;
}

class TmxCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!hashi::testing::HaveSharedCorpus()) GTEST_SKIP() << "no ../shared/corpus";
  }
};

TEST_F(TmxCorpus, ManifestListsTmxFiles) {
  const auto rows = TmxRows();
  EXPECT_GE(rows.size(), 40u);
  EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const auto& r) { return !r.well_formed; }));
}

TEST_F(TmxCorpus, WellFormedFilesRoundTripLosslessly) {
  hashi::testing::TempDir dir;
  for (const ManifestRow& row : TmxRows()) {
    if (!row.well_formed) continue;
    SCOPED_TRACE(row.file);
    const fs::path path = SharedDir() / "corpus" / row.file;
    const auto original = ReadFile(path);
    ASSERT_TRUE(original.status.ok()) << original.status.ToString();

    const fs::path exported = dir / fs::path(row.file).filename();
    auto writer = OpenTmxFileWriter(exported, OptionsFrom(original.info));
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    for (const Unit& unit : original.units) ASSERT_TRUE((*writer)->Write(unit).ok());
    ASSERT_TRUE((*writer)->Finish().ok());

    const auto reread = ReadFile(exported);
    ASSERT_TRUE(reread.status.ok()) << reread.status.ToString();
    EXPECT_EQ(reread.units, original.units);
    EXPECT_EQ(reread.info.props, original.info.props);
    EXPECT_EQ(reread.info.notes, original.info.notes);
    EXPECT_EQ(reread.info.extra_markup, original.info.extra_markup);
    EXPECT_EQ(reread.info.version, "1.4");

    CompareWithPugixml(row, original.units);
    ExpectValidExport(row, exported);
  }
}

TEST_F(TmxCorpus, MalformedFilesFailNamingTheFile) {
  for (const ManifestRow& row : TmxRows()) {
    if (row.well_formed) continue;
    SCOPED_TRACE(row.file);
    const fs::path path = SharedDir() / "corpus" / row.file;
    const auto result = ReadFile(path);
    EXPECT_FALSE(result.status.ok());
    EXPECT_EQ(result.status.location().file, path.string());
    // And through the public entry point as well.
    auto reader = OpenUnitReader(path);
    EXPECT_FALSE(reader.ok());
  }
}

TEST_F(TmxCorpus, ReportsWarningsForInvalidButWellFormedFiles) {
  const auto pairing = ReadFile(SharedDir() / "corpus/tmx/omegat-invalid.tmx");
  ASSERT_TRUE(pairing.status.ok());
  EXPECT_EQ(pairing.warnings.size(), 6u);  // per <seg>: ept before bpt, duplicate i, unclosed bpt
  const auto mixed = ReadFile(SharedDir() / "corpus/tmx/omegat-test-omegat-invalid.tmx");
  ASSERT_TRUE(mixed.status.ok());
  ASSERT_EQ(mixed.warnings.size(), 1u);
  EXPECT_EQ(mixed.warnings[0].where.line, 26);
  const auto no_version = ReadFile(SharedDir() / "corpus/tmx/heartsome-UTF-16LE.tmx");
  ASSERT_TRUE(no_version.status.ok());
  ASSERT_EQ(no_version.warnings.size(), 1u);
  EXPECT_EQ(no_version.warnings[0].message, "<tmx> has no version attribute");
}

TEST_F(TmxCorpus, ReadsTheSameContentInEveryEncoding) {
  // ImportTest1D..1H: the same units as UTF-8 with and without BOM, UTF-16LE/BE and us-ascii.
  const auto reference = ReadFile(SharedDir() / "corpus/tmx/omegat-ImportTest1D.tmx");
  ASSERT_TRUE(reference.status.ok());
  ASSERT_EQ(reference.units.size(), 3u);
  for (const char* name : {"1E", "1F", "1G", "1H"}) {
    SCOPED_TRACE(name);
    const auto other =
        ReadFile(SharedDir() / "corpus/tmx" / (std::string("omegat-ImportTest") + name + ".tmx"));
    ASSERT_TRUE(other.status.ok()) << other.status.ToString();
    ASSERT_EQ(other.units.size(), reference.units.size());
    for (size_t i = 0; i < other.units.size(); ++i) {
      ASSERT_EQ(other.units[i].variants.size(), reference.units[i].variants.size());
      for (size_t v = 0; v < other.units[i].variants.size(); ++v) {
        EXPECT_EQ(other.units[i].variants[v].segment, reference.units[i].variants[v].segment);
      }
    }
  }
}

}  // namespace
}  // namespace hashi::formats
