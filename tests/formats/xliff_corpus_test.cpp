// The XLIFF reader and the pre-translating writer on the shared corpus of real CAT-tool files
// (../shared/corpus/xliff, see MANIFEST.tsv): every well-formed file reads with the number of
// trans-units the manifest gives; written back with no match it is byte-identical; written
// back with a match for every unit that needs one, it differs from the input only by the
// added <target> and <alt-trans> elements, and stays valid against the XLIFF 1.2 schema if it
// was. Every malformed file fails with file, line and column.
#include <gtest/gtest.h>

#include <fstream>
#include <pugixml.hpp>
#include <sstream>

#include "hashi/formats/xliff.h"
#include "test_support.h"
#include "xliff_test_util.h"

namespace hashi::formats {
namespace {

namespace fs = std::filesystem;
using hashi::testing::SharedDir;

struct XliffRow {
  std::string file;
  bool well_formed = false;
  int trans_units = -1;  // from the notes column, "trans-unit=N"
};

std::vector<XliffRow> XliffRows() {
  std::ifstream in(SharedDir() / "corpus" / "MANIFEST.tsv");
  std::vector<XliffRow> rows;
  std::string line;
  std::getline(in, line);  // header: file repo path commit license format version encoding ...
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) f.push_back(field);
    if (f.size() < 10 || f[5] != "xliff") continue;
    XliffRow row{f[0], f[8] == "yes", -1};
    if (const size_t at = f[9].find("trans-unit="); at != std::string::npos) {
      row.trans_units = std::stoi(f[9].substr(at + 11));
    }
    rows.push_back(row);
  }
  return rows;
}

// A match for `segment` whose target has Vietnamese text (not in windows-1252) and a TMX code.
Match MatchFor(const Segment& segment) {
  Match match = testing::FakeMatch(87, segment.PlainText(), "");
  Segment& target = match.targets["vi"];
  target.AppendText("Bản dịch ");
  (void)target.AppendCode({CodeKind::kPh, "<ph x=\"1\">&lt;br/&gt;</ph>"});
  target.AppendText(segment.PlainText());
  return match;
}

XliffLeverage FullLeverage(const XliffDocument& doc) {
  XliffLeverage leverage;
  leverage.target_lang = "vi";
  leverage.alternatives = 1;
  for (const XliffUnit& unit : doc.units()) {
    leverage.matches.emplace_back(unit.segments.size());
    if (!unit.NeedsTarget()) continue;
    for (size_t s = 0; s < unit.segments.size(); ++s) {
      leverage.matches.back()[s] = {MatchFor(unit.segments[s].source),
                                    MatchFor(unit.segments[s].source)};
    }
  }
  return leverage;
}

// The trans-units of a DOM in document order (any prefix, any depth).
std::vector<pugi::xml_node> TransUnits(pugi::xml_document& dom) {
  std::vector<pugi::xml_node> units;
  for (const pugi::xpath_node& n : dom.select_nodes("//*[local-name()='trans-unit']")) {
    units.push_back(n.node());
  }
  return units;
}

// `bytes` parsed, with the targets and test alt-trans of the units in `changed` removed, saved.
std::string WithoutAdditions(const std::string& bytes, const std::vector<bool>& changed) {
  pugi::xml_document dom;
  const unsigned options = pugi::parse_full | pugi::parse_ws_pcdata;
  EXPECT_TRUE(dom.load_buffer(bytes.data(), bytes.size(), options));
  std::vector<pugi::xml_node> units = TransUnits(dom);
  EXPECT_EQ(units.size(), changed.size());
  for (size_t u = 0; u < units.size() && u < changed.size(); ++u) {
    if (!changed[u]) continue;
    std::vector<pugi::xml_node> added;
    for (pugi::xml_node child : units[u].children()) {
      const std::string_view name = child.name();
      const bool test_alt = name.ends_with("alt-trans") &&
                            std::string_view(child.attribute("origin").value()) == "test-tm";
      if (name.ends_with("target") || test_alt) added.push_back(child);
    }
    for (pugi::xml_node node : added) units[u].remove_child(node);
  }
  std::ostringstream out;
  dom.save(out, "", pugi::format_raw);
  return out.str();
}

class XliffCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::HaveSharedCorpus()) GTEST_SKIP() << "../shared/corpus not found";
  }
};

TEST_F(XliffCorpus, MalformedFilesFailWithLineAndColumn) {
  for (const XliffRow& row : XliffRows()) {
    if (row.well_formed) continue;
    SCOPED_TRACE(row.file);
    const fs::path path = SharedDir() / "corpus" / row.file;
    Result<XliffDocument> doc = ReadXliffFile(path);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().location().file, path.string());
    EXPECT_GT(doc.status().location().line, 0);
    EXPECT_GT(doc.status().location().column, 0);
  }
}

TEST_F(XliffCorpus, ReadsEveryUnitAndWritesBackUnchangedWithoutMatches) {
  for (const XliffRow& row : XliffRows()) {
    if (!row.well_formed) continue;
    SCOPED_TRACE(row.file);
    const fs::path path = SharedDir() / "corpus" / row.file;
    Result<XliffDocument> doc = ReadXliffFile(path);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    if (row.trans_units >= 0) {
      EXPECT_EQ(static_cast<int>(doc->units().size()), row.trans_units);
    }
    XliffLeverage none;
    none.target_lang = "vi";
    for (const XliffUnit& unit : doc->units()) none.matches.emplace_back(unit.segments.size());
    Result<std::string> out = PretranslatedXliff(*doc, none);
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_TRUE(*out == testing::ReadFileBytes(path)) << "not byte-identical";
  }
}

TEST_F(XliffCorpus, PretranslatedFileDiffersOnlyByAddedTargets) {
  testing::TempDir dir;
  int modified_files = 0;
  for (const XliffRow& row : XliffRows()) {
    if (!row.well_formed) continue;
    SCOPED_TRACE(row.file);
    const fs::path path = SharedDir() / "corpus" / row.file;
    Result<XliffDocument> doc = ReadXliffFile(path);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    std::vector<bool> changed;
    for (const XliffUnit& unit : doc->units()) changed.push_back(unit.NeedsTarget());
    const fs::path out_path = dir / fs::path(row.file).filename();
    ASSERT_TRUE(WritePretranslatedXliff(*doc, FullLeverage(*doc), out_path).ok());
    const std::string input = testing::ReadFileBytes(path);
    const std::string output = testing::ReadFileBytes(out_path);
    EXPECT_EQ(WithoutAdditions(output, changed), WithoutAdditions(input, changed));
    Result<XliffDocument> again = ReadXliffFile(out_path);
    ASSERT_TRUE(again.ok()) << again.status().ToString();
    ASSERT_EQ(again->units().size(), doc->units().size());
    for (size_t u = 0; u < changed.size(); ++u) {
      if (!changed[u]) continue;
      ASSERT_TRUE(again->units()[u].target.has_value());
      EXPECT_NE(again->units()[u].target->PlainText().find("Bản dịch"), std::string::npos);
    }
    modified_files += std::count(changed.begin(), changed.end(), true) > 0;
    if (testing::HaveXmllint() &&
        testing::XliffSchemaErrors(path, "xliff-core-1.2-transitional.xsd").empty()) {
      EXPECT_EQ(testing::XliffSchemaErrors(out_path, "xliff-core-1.2-transitional.xsd"), "");
    }
  }
  EXPECT_GE(modified_files, 5);
}

}  // namespace
}  // namespace hashi::formats
