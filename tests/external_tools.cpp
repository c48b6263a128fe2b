#include "external_tools.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>

#include "test_support.h"

namespace hashi::testing {

std::string RunShell(const std::string& command, int* exit_code) {
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

bool HaveXmllint() {
  int code = 0;
  RunShell("xmllint --version", &code);
  return code == 0;
}

std::string XliffSchemaErrors(const std::filesystem::path& file, const std::string& xsd) {
  int code = 0;
  const std::string out =
      RunShell("xmllint --noout --schema '" + (SharedDir() / "corpus" / "schemas" / xsd).string() +
                   "' '" + file.string() + "'",
               &code);
  return code == 0 ? "" : out;
}

std::string DtdErrors(const std::filesystem::path& tmx) {
  int code = 0;
  const std::string out = RunShell("xmllint --noout --nonet --dtdvalid '" +
                                       (SharedDir() / "corpus" / "schemas" / "tmx14.dtd").string() +
                                       "' '" + tmx.string() + "'",
                                   &code);
  if (code == 0) return "";
  return out.empty() ? "xmllint failed" : out;
}

// Debian's translate-toolkit is a module of the system python (/usr/bin/python3), which a
// python3 earlier in PATH (pyenv, a venv) may not see.
std::string ToolkitPython() {
  for (const char* python : {"/usr/bin/python3", "python3"}) {
    int code = 0;
    RunShell(std::string(python) + " -c 'from translate.storage import xliff'", &code);
    if (code == 0) return python;
  }
  return "";
}

bool HaveTranslateToolkit() { return !ToolkitPython().empty(); }

std::string TranslateToolkitDump(const std::filesystem::path& file, int* exit_code) {
  const std::string script =
      "import sys\n"
      "from translate.storage import xliff\n"
      "store = xliff.xlifffile.parsefile(sys.argv[1])\n"
      "for unit in store.getunits():\n"
      "    if unit.isheader(): continue\n"
      "    alts = unit.getalttrans() or []\n"
      "    print('%s\\t%s\\t%d' % (unit.source, unit.target or '', len(alts)))\n";
  const std::filesystem::path script_path = file.string() + ".dump.py";
  WriteFileBytes(script_path, script);
  std::string out = RunShell(
      ToolkitPython() + " '" + script_path.string() + "' '" + file.string() + "'", exit_code);
  std::filesystem::remove(script_path);
  return out;
}

}  // namespace hashi::testing
