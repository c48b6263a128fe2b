#include "job_test_util.h"

#include <gtest/gtest.h>

namespace hashi::testing {

std::string TmxOf(const std::vector<TmUnit>& units) {
  std::string tmx =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
      "<header creationtool=\"t\" creationtoolversion=\"1\" datatype=\"plaintext\" "
      "segtype=\"sentence\" adminlang=\"en\" srclang=\"en\" o-tmf=\"t\"/>\n<body>\n";
  for (const TmUnit& unit : units) {
    tmx += "<tu>";
    for (const auto& [lang, text] : unit) {
      tmx += "<tuv xml:lang=\"" + lang + "\"><seg>" + text + "</seg></tuv>";
    }
    tmx += "</tu>\n";
  }
  return tmx + "</body>\n</tmx>\n";
}

std::string MakeTm(const TempDir& dir, const std::vector<TmUnit>& units,
                   const std::string& origin) {
  const std::string tm = (dir / "tm.db").string();
  const std::string tmx = (dir / "units.tmx").string();
  WriteFileBytes(tmx, TmxOf(units));
  const RunResult r = RunHashi({"--tm", tm, "import", "--origin", origin, tmx});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return tm;
}

}  // namespace hashi::testing
