// Hostile XML given to `hashi import`: entity bombs, external entities, absurd nesting and sizes.
// Each is refused (exit 1, a message naming file:line:column and the limit hit) or read, in
// bounded memory, and no file outside the input is ever opened. The big inputs are written to a
// temporary file at run time, in pieces, and the peak RSS of the hashi process is measured.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include "hashi/formats/xliff.h"
#include "test_support.h"

namespace hashi::testing {
namespace {

// Generous bounds on the peak RSS of one import (the inputs are 50 to 100 MB): the point is
// that it does not grow with the hostile dimension. Sanitizer builds use several times more.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kMaxRssKb = 1200 * 1024;
#else
constexpr long kMaxRssKb = 300 * 1024;
#endif

struct Measured {
  int exit_code = -1;
  std::string err;
  long max_rss_kb = 0;  // of the hashi process alone (wait4)
};

// Runs build/hashi with `args`, stderr into a file; `while_running` is called repeatedly until
// it exits (for watching what it does).
Measured RunMeasured(const std::vector<std::string>& args, const std::filesystem::path& err_file,
                     const std::function<void()>& while_running = {}) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(err, 2);
    std::vector<char*> argv{const_cast<char*>(HASHI_BINARY)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(HASHI_BINARY, argv.data());
    ::_exit(127);
  }
  Measured m;
  int status = 0;
  struct rusage usage {};
  while (true) {
    const pid_t done = ::wait4(pid, &status, while_running ? WNOHANG : 0, &usage);
    if (done == pid) break;
    if (while_running) {
      while_running();
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  m.max_rss_kb = usage.ru_maxrss;
  m.err = ReadFileBytes(err_file);
  return m;
}

// Writes a file from a head, `count` repetitions of `middle`, and a tail, in pieces.
void WriteRepeated(const std::filesystem::path& path, const std::string& head,
                   const std::string& middle, size_t count, const std::string& tail) {
  std::ofstream out(path, std::ios::binary);
  out << head;
  std::string block;
  const size_t per_block = std::max<size_t>(1, (1 << 20) / std::max<size_t>(1, middle.size()));
  for (size_t i = 0; i < per_block; ++i) block += middle;
  size_t left = count;
  while (left >= per_block) {
    out << block;
    left -= per_block;
  }
  for (size_t i = 0; i < left; ++i) out << middle;
  out << tail;
  ASSERT_TRUE(out.good()) << path;
}

class HostileXmlTest : public ::testing::Test {
 public:
  static constexpr const char* kHead =
      "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header srclang=\"en\"/>\n<body>\n";
  static constexpr const char* kTail = "</body>\n</tmx>\n";

 protected:
  void SetUp() override {
    const std::string good = (dir_ / "good.tmx").string();
    WriteFileBytes(good, std::string(kHead) + Unit("keep me") + kTail);
    ASSERT_EQ(RunHashi({"--tm", Tm(), "import", good}).exit_code, 0);
    before_ = Export();
  }
  std::string Tm() const { return (dir_ / "tm.db").string(); }
  std::string Export() {
    const std::string out = (dir_ / "export.tmx").string();
    const RunResult r = RunHashi({"--tm", Tm(), "export", out});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ReadFileBytes(out);
  }
  static std::string Unit(const std::string& en) {
    return "<tu><tuv xml:lang=\"en\"><seg>" + en + "</seg></tuv><tuv xml:lang=\"vi\"><seg>" + en +
           " (vi)</seg></tuv></tu>\n";
  }
  // Imports `path`; expects exit 1, a message holding `path + ":"` followed by a line and
  // column, and `expected`; the TM as it was; and peak RSS within the bound.
  Measured ExpectRefused(const std::filesystem::path& path, const std::string& expected,
                         const std::function<void()>& while_running = {}) {
    const Measured m =
        RunMeasured({"--tm", Tm(), "--quiet", "import", path.string()}, dir_ / "err.txt",
                    while_running);
    EXPECT_EQ(m.exit_code, 1) << m.err;
    EXPECT_NE(m.err.find(path.string() + ":"), std::string::npos) << m.err;
    EXPECT_NE(m.err.find(expected), std::string::npos) << m.err;
    EXPECT_LT(m.max_rss_kb, kMaxRssKb) << "peak RSS of the import, KB";
    EXPECT_EQ(Export(), before_) << "the TM changed";
    return m;
  }
  TempDir dir_;
  std::string before_;
};

// Matches "FILE:LINE:COL:" for the given file.
bool HasLineAndColumn(const std::string& err, const std::string& file) {
  const size_t at = err.find(file + ":");
  if (at == std::string::npos) return false;
  size_t i = at + file.size() + 1;
  auto digits = [&] {
    const size_t start = i;
    while (i < err.size() && std::isdigit(static_cast<unsigned char>(err[i]))) ++i;
    return i > start;
  };
  return digits() && i < err.size() && err[i++] == ':' && digits() && i < err.size() &&
         err[i] == ':';
}

TEST_F(HostileXmlTest, BillionLaughsIsRefusedAtTheFirstEntityDeclaration) {
  std::string doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    doctype += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) doctype += "&lol" + (i == 1 ? "" : std::to_string(i - 1)) + ";";
    doctype += "\">\n";
  }
  doctype += "]>\n";
  const auto path = dir_ / "laughs.tmx";
  WriteFileBytes(path, doctype + "<tmx version=\"1.4\"><header srclang=\"en\"/><body>" +
                           Unit("&lol9;") + kTail);
  const Measured m = ExpectRefused(path, "entity declarations are not supported");
  EXPECT_TRUE(HasLineAndColumn(m.err, path.string())) << m.err;
}

// The "secret" is a named pipe: opening it for reading blocks until a writer comes, so if hashi
// ever opened it the watcher below would see a reader and record it (and let hashi go on).
class ExternalEntityTest : public HostileXmlTest {
 protected:
  void SetUp() override {
    HostileXmlTest::SetUp();
    secret_ = dir_ / "secret";
    ASSERT_EQ(::mkfifo(secret_.c_str(), 0600), 0);
  }
  std::function<void()> Watcher() {
    return [this] {
      const int fd = ::open(secret_.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) {  // only succeeds when a reader has the pipe open
        opened_ = true;
        ::close(fd);
      }
    };
  }
  std::filesystem::path secret_;
  bool opened_ = false;
};

TEST_F(ExternalEntityTest, ExternalGeneralEntityIsRefusedAndNeverRead) {
  const auto path = dir_ / "xxe.tmx";
  WriteFileBytes(path, "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY xxe SYSTEM \"file://" +
                           secret_.string() + "\">\n]>\n<tmx version=\"1.4\">" +
                           "<header srclang=\"en\"/><body>" + Unit("&xxe;") + kTail);
  const Measured m = ExpectRefused(path, "entity declarations are not supported", Watcher());
  EXPECT_TRUE(HasLineAndColumn(m.err, path.string())) << m.err;
  EXPECT_FALSE(opened_) << "hashi opened the file the entity names";
}

TEST_F(ExternalEntityTest, ExternalDtdAndParameterEntityAreNeverRead) {
  const auto path = dir_ / "dtd.tmx";
  // An external DTD subset, and a parameter entity that would pull the file in.
  WriteFileBytes(path, "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"" + secret_.string() +
                           "\" [\n<!ENTITY % p SYSTEM \"" + secret_.string() + "\">\n%p;\n]>\n" +
                           "<tmx version=\"1.4\"><header srclang=\"en\"/><body>" + Unit("x") +
                           kTail);
  const Measured m = RunMeasured({"--tm", Tm(), "--quiet", "import", path.string()},
                                 dir_ / "err.txt", Watcher());
  EXPECT_EQ(m.exit_code, 1) << m.err;
  EXPECT_NE(m.err.find(path.string() + ":"), std::string::npos) << m.err;
  EXPECT_FALSE(opened_) << "hashi opened the file the DOCTYPE names";
  EXPECT_EQ(Export(), before_);
}

TEST_F(ExternalEntityTest, ExternalDtdAloneIsNotLoaded) {
  const auto path = dir_ / "sysdtd.tmx";
  WriteFileBytes(path, "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"" + secret_.string() +
                           "\">\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>" +
                           Unit("from a file with an external DTD") + kTail);
  const Measured m = RunMeasured({"--tm", Tm(), "--quiet", "import", path.string()},
                                 dir_ / "err.txt", Watcher());
  EXPECT_EQ(m.exit_code, 0) << m.err;  // a DOCTYPE line is common in TMX; the DTD is not needed
  EXPECT_FALSE(opened_) << "hashi opened the DTD";
  EXPECT_NE(Export().find("from a file with an external DTD"), std::string::npos);
}

TEST_F(HostileXmlTest, HundredThousandNestedInlineTagsAreRefused) {
  const auto path = dir_ / "nested.tmx";
  const size_t depth = 100000;
  {
    std::ofstream out(path, std::ios::binary);
    out << kHead << "<tu><tuv xml:lang=\"en\"><seg>";
    for (size_t i = 0; i < depth; ++i) out << "<hi>";
    out << "deep";
    for (size_t i = 0; i < depth; ++i) out << "</hi>";
    out << "</seg></tuv><tuv xml:lang=\"vi\"><seg>x</seg></tuv></tu>\n" << kTail;
  }
  const Measured m = ExpectRefused(path, "nested too deeply");
  EXPECT_TRUE(HasLineAndColumn(m.err, path.string())) << m.err;
}

TEST_F(HostileXmlTest, HundredThousandNestedSubsInACodeAreRefused) {
  const auto path = dir_ / "nested_sub.tmx";
  const size_t depth = 100000;
  {
    std::ofstream out(path, std::ios::binary);
    out << kHead << "<tu><tuv xml:lang=\"en\"><seg>a<ph>";
    for (size_t i = 0; i < depth; ++i) out << "<sub><ph>";
    for (size_t i = 0; i < depth; ++i) out << "</ph></sub>";
    out << "</ph>b</seg></tuv><tuv xml:lang=\"vi\"><seg>x</seg></tuv></tu>\n" << kTail;
  }
  const Measured m = ExpectRefused(path, "nested too deeply");
  EXPECT_TRUE(HasLineAndColumn(m.err, path.string())) << m.err;
}

TEST_F(HostileXmlTest, HundredMegabyteAttributeIsRefused) {
  const auto path = dir_ / "attribute.tmx";
  WriteRepeated(path, std::string(kHead) + "<tu tuid=\"", std::string(1024, 'a'), 100 * 1024,
                "\"><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>\n" + std::string(kTail));
  const Measured m = ExpectRefused(path, "attribute value");
  EXPECT_TRUE(HasLineAndColumn(m.err, path.string())) << m.err;
}

TEST_F(HostileXmlTest, FiftyMegabyteSegmentIsRefused) {
  const auto path = dir_ / "segment.tmx";
  WriteRepeated(path, std::string(kHead) + "<tu><tuv xml:lang=\"en\"><seg>",
                "The two sides signed the agreement. ", 50 * 1024 * 1024 / 36,
                "</seg></tuv><tuv xml:lang=\"vi\"><seg>x</seg></tuv></tu>\n" + std::string(kTail));
  const Measured m = ExpectRefused(path, "kMaxTextBytes");
  EXPECT_TRUE(HasLineAndColumn(m.err, path.string())) << m.err;
}

TEST_F(HostileXmlTest, FiftyMegabyteInlineCodeIsRefused) {
  const auto path = dir_ / "code.tmx";
  WriteRepeated(path, std::string(kHead) + "<tu><tuv xml:lang=\"en\"><seg>a<ph>",
                "{\\rtf1\\ansi\\deff0} ", 50 * 1024 * 1024 / 20,
                "</ph></seg></tuv><tuv xml:lang=\"vi\"><seg>x</seg></tuv></tu>\n" +
                    std::string(kTail));
  const Measured m = ExpectRefused(path, "kMaxTextBytes");
  EXPECT_TRUE(HasLineAndColumn(m.err, path.string())) << m.err;
}

TEST_F(HostileXmlTest, MillionVariantsInOneUnitAreRefused) {
  const auto path = dir_ / "variants.tmx";
  WriteRepeated(path, std::string(kHead) + "<tu>", "<tuv xml:lang=\"en\"><seg>x</seg></tuv>",
                1000000, "</tu>\n" + std::string(kTail));
  const Measured m = ExpectRefused(path, "kMaxVariantsPerUnit");
  EXPECT_TRUE(HasLineAndColumn(m.err, path.string())) << m.err;
}

TEST_F(HostileXmlTest, MillionPropsInOneUnitAreRefused) {
  const auto path = dir_ / "props.tmx";
  WriteRepeated(path, std::string(kHead) + "<tu>", "<prop type=\"x\">y</prop>", 1000000,
                "<tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>\n" + std::string(kTail));
  const Measured m = ExpectRefused(path, "kMaxPropsPerElement");
  EXPECT_TRUE(HasLineAndColumn(m.err, path.string())) << m.err;
}

// XLIFF is read into a DOM and walked group by group: 100,000 nested <group>s overflowed the
// stack (SIGSEGV) before the reader bounded the nesting.
TEST(HostileXliffTest, HundredThousandNestedGroupsAreRefused) {
  std::string xliff =
      "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" "
      "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"a.txt\" "
      "source-language=\"en\" target-language=\"vi\" datatype=\"plaintext\"><body>";
  for (int i = 0; i < 100000; ++i) xliff += "<group>";
  xliff += "<trans-unit id=\"1\"><source>x</source></trans-unit>";
  for (int i = 0; i < 100000; ++i) xliff += "</group>";
  xliff += "</body></file></xliff>\n";
  const auto document = formats::ReadXliff(xliff, "deep.xlf");
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.status().location().file, "deep.xlf");
  EXPECT_EQ(document.status().location().line, 3);
  EXPECT_NE(document.status().message().find("kMaxElementDepth"), std::string::npos)
      << document.status().message();

  TempDir dir;
  WriteFileBytes(dir / "deep.xlf", xliff);
  WriteFileBytes(dir / "tm.tmx", std::string(HostileXmlTest::kHead) + HostileXmlTest::kTail);
  ASSERT_EQ(RunHashi({"--tm", (dir / "tm.db").string(), "import", (dir / "tm.tmx").string()})
                .exit_code,
            0);
  const RunResult r = RunHashi({"--tm", (dir / "tm.db").string(), "pretranslate", "--from", "en",
                                "--to", "vi", (dir / "deep.xlf").string(), "-o",
                                (dir / "out.xlf").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("nested too deeply"), std::string::npos) << r.err;
}

// Many units are not hostile: a TMX of 300,000 small units is read in bounded memory.
TEST_F(HostileXmlTest, ManyUnitsAreReadInBoundedMemory) {
  const auto path = dir_ / "many.tmx";
  {
    std::ofstream out(path, std::ios::binary);
    out << kHead;
    for (int i = 0; i < 300000; ++i) out << Unit("Unit number " + std::to_string(i) + ".");
    out << kTail;
  }
  const Measured m = RunMeasured({"--tm", Tm(), "--quiet", "import", path.string()},
                                 dir_ / "err.txt");
  EXPECT_EQ(m.exit_code, 0) << m.err;
  EXPECT_LT(m.max_rss_kb, kMaxRssKb);
}

}  // namespace
}  // namespace hashi::testing
