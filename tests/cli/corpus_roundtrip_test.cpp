// Every TMX of ../shared/corpus through the whole path a user takes: import (with
// --on-duplicate keep) into a fresh TM, export, compare unit by unit with the original, and
// validate the export against tmx14.dtd. Malformed files must fail cleanly.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli_test_util.h"
#include "hashi/normalizer.h"

namespace hashi::testing {
namespace {

struct CorpusFile {
  std::string file;
  bool well_formed = false;
};

std::vector<CorpusFile> TmxRows() {
  std::vector<CorpusFile> rows;
  std::ifstream manifest(SharedDir() / "corpus/MANIFEST.tsv");
  std::string line;
  std::getline(manifest, line);  // header
  while (std::getline(manifest, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
    if (cols.size() > 8 && cols[5] == "tmx") rows.push_back({cols[0], cols[8] == "yes"});
  }
  return rows;
}

// What the store promises: texts come back in NFC, everything else as it was.
void Nfc(std::vector<Unit>& units) {
  auto texts = [](auto& items) {
    for (auto& item : items) item.text = ToNfc(item.text);
  };
  for (Unit& u : units) {
    texts(u.props);
    texts(u.notes);
    for (Variant& v : u.variants) {
      v.segment.text = ToNfc(v.segment.text);
      texts(v.props);
      texts(v.notes);
    }
  }
}

// DTD errors a lossless export must keep, because the source file has them itself.
bool KnownSourceInvalidity(const std::string& file, const std::string& errors) {
  if (file == "tmx/heartsome-UTF-16LE.tmx") return errors.find("attribute id of element ph") != std::string::npos;
  if (file == "tmx/okapi-html_test.tmx") return errors.find("element prop") != std::string::npos;
  return false;
}

TEST(CorpusRoundTrip, EveryWellFormedTmxSurvivesImportAndExport) {
  if (!HaveSharedCorpus()) GTEST_SKIP() << "../shared/corpus is not beside the project";
  const std::vector<CorpusFile> rows = TmxRows();
  ASSERT_GE(rows.size(), 40u);
  int checked = 0;
  for (const CorpusFile& row : rows) {
    if (!row.well_formed) continue;
    SCOPED_TRACE(row.file);
    TempDir dir;
    const std::string tm = (dir / "tm.db").string();
    const std::string source = (SharedDir() / "corpus" / row.file).string();
    const std::string out = (dir / "out.tmx").string();
    RunResult r = RunHashi({"--tm", tm, "import", "--on-duplicate", "keep", source});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = RunHashi({"--tm", tm, "export", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<Unit> original = ReadUnits(source);
    Nfc(original);
    const std::vector<Unit> exported = ReadUnits(out);
    ASSERT_EQ(exported.size(), original.size());
    for (size_t i = 0; i < original.size(); ++i) EXPECT_EQ(exported[i], original[i]) << "unit " << i;
    if (HaveXmllint()) {
      const std::string errors = DtdErrors(out);
      EXPECT_TRUE(errors.empty() || KnownSourceInvalidity(row.file, errors)) << errors;
    }
    ++checked;
  }
  EXPECT_GE(checked, 38);
}

TEST(CorpusRoundTrip, MalformedFilesFailCleanlyAndLeaveTheTmEmpty) {
  if (!HaveSharedCorpus()) GTEST_SKIP() << "../shared/corpus is not beside the project";
  for (const CorpusFile& row : TmxRows()) {
    if (row.well_formed) continue;
    SCOPED_TRACE(row.file);
    TempDir dir;
    const std::string tm = (dir / "tm.db").string();
    const std::string source = (SharedDir() / "corpus" / row.file).string();
    const RunResult r = RunHashi({"--tm", tm, "import", source});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(source), std::string::npos) << r.err;
    EXPECT_NE(StatsJson(tm).find("\"units\":0"), std::string::npos);
  }
}

}  // namespace
}  // namespace hashi::testing

namespace hashi::testing {
namespace {

TEST(CorpusRoundTrip, HeaderPropsNotesAndUdeAreKeptPerOrigin) {
  if (!HaveSharedCorpus()) GTEST_SKIP() << "../shared/corpus is not beside the project";
  TempDir dir;
  const std::string tm = (dir / "tm.db").string();
  const std::string with_header = (SharedDir() / "corpus/tmx/omegat-ImportTest1L.tmx").string();
  const std::string other = (SharedDir() / "corpus/tmx/omegat-project_save.tmx").string();
  ASSERT_EQ(RunHashi({"--tm", tm, "import", with_header, other}).exit_code, 0);
  RunResult r = RunHashi({"--tm", tm, "export", "--origin", "omegat-ImportTest1L.tmx", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string body_start = "<body>";
  const std::string header = r.out.substr(0, r.out.find(body_start));
  EXPECT_NE(header.find("Text of header note 1"), std::string::npos) << header;
  EXPECT_NE(header.find("Text of header note 2"), std::string::npos) << header;
  EXPECT_NE(header.find("<prop type=\"myPropeType\""), std::string::npos) << header;
  EXPECT_NE(header.find("<ude name=\"MacRoman\" base=\"Macintosh\">"), std::string::npos) << header;
  EXPECT_NE(header.find("ent=\"AppleLogo\""), std::string::npos) << header;
  // The other origin's export does not carry this origin's header.
  r = RunHashi({"--tm", tm, "export", "--origin", "omegat-project_save.tmx", "-"});
  EXPECT_EQ(r.out.find("Text of header note 1"), std::string::npos);
}

}  // namespace
}  // namespace hashi::testing
