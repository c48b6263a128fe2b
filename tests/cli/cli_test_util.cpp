#include "cli_test_util.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "hashi/formats/unit_reader.h"

namespace hashi::testing {

std::string SmallTmx(int units, int first) {
  std::string tmx =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<tmx version=\"1.4\">\n<header creationtool=\"t\" creationtoolversion=\"1\" "
      "datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" srclang=\"en\" "
      "o-tmf=\"t\"/>\n<body>\n";
  for (int i = first; i < first + units; ++i) {
    const std::string n = std::to_string(i);
    tmx += "<tu tuid=\"" + n + "\"><tuv xml:lang=\"en\"><seg>The embassy held event " + n +
           ".</seg></tuv><tuv xml:lang=\"vi\"><seg>Đại sứ quán tổ chức sự kiện " + n +
           ".</seg></tuv><tuv xml:lang=\"ja\"><seg>大使館は行事" + n +
           "を開催した。</seg></tuv></tu>\n";
  }
  return tmx + "</body>\n</tmx>\n";
}

std::vector<Unit> ReadUnits(const std::filesystem::path& tmx) {
  std::vector<Unit> units;
  auto reader = formats::OpenUnitReader(tmx);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return units;
  while (std::optional<Unit> u = (*reader)->Next()) units.push_back(std::move(*u));
  EXPECT_TRUE((*reader)->status().ok()) << (*reader)->status().ToString();
  return units;
}

std::string StatsJson(const std::filesystem::path& tm) {
  const RunResult r = RunHashi({"--tm", tm.string(), "stats", "--json"});
  return r.exit_code == 0 ? r.out : "";
}

}  // namespace hashi::testing
