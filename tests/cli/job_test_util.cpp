#include "job_test_util.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>

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

std::string Shell(const std::string& command, int* exit_code) {
  std::string out;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) {
    *exit_code = -1;
    return out;
  }
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

bool HaveXmllintTool() {
  int code = 0;
  Shell("xmllint --version", &code);
  return code == 0;
}

std::string SchemaErrors(const std::string& file, const std::string& xsd) {
  int code = 0;
  const std::string out =
      Shell("xmllint --noout --schema '" + (SharedDir() / "corpus/schemas" / xsd).string() + "' '" +
                file + "'",
            &code);
  return code == 0 ? "" : out;
}

bool HaveToolkit() {
  for (const char* python : {"/usr/bin/python3", "python3"}) {
    int code = 0;
    Shell(std::string(python) + " -c 'import translate.storage.xliff'", &code);
    if (code == 0) return true;
  }
  return false;
}

std::string ToolkitUnits(const std::string& file, int* exit_code) {
  const std::string script =
      "import sys\n"
      "from translate.storage import xliff\n"
      "for u in xliff.xlifffile.parsefile(sys.argv[1]).getunits():\n"
      "    print('%s\\t%s' % (u.source, u.target or ''))\n";
  const std::string script_path = file + ".py";
  WriteFileBytes(script_path, script);
  // Debian's translate-toolkit belongs to the system python, which a python3 earlier in PATH
  // (pyenv, a venv) may not see.
  for (const char* python : {"/usr/bin/python3", "python3"}) {
    std::string out =
        Shell(std::string(python) + " '" + script_path + "' '" + file + "'", exit_code);
    if (*exit_code == 0) return out;
  }
  return "";
}

}  // namespace hashi::testing
