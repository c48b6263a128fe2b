// hashi serve's /tmserver/ endpoint against translate-toolkit's own tmserver (Debian package
// translate-toolkit, with python3-cheroot), both serving the same en-vi units: same requests,
// answers of the same shape, and the same exact matches. Skipped when tmserver is missing.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "cli_test_util.h"
#include "serve_process_util.h"

extern char** environ;

namespace hashi::testing {
namespace {

bool HaveTmserver() {
  // cheroot is checked with the Python tmserver runs on (its #! line), not the first python3
  // on PATH, which may be another one.
  return std::system("t=$(command -v tmserver) && py=$(head -1 \"$t\" | sed 's/^#! *//') && "
                     "$py -c 'import cheroot' >/dev/null 2>&1") == 0;
}

// translate-toolkit's tmserver on `port`, loaded with `tmx` (en -> vi), until destroyed.
class Tmserver {
 public:
  Tmserver(const std::filesystem::path& tmx, const std::filesystem::path& db, int port) {
    std::vector<std::string> args{"tmserver", "-d", db.string(), "-f", tmx.string(), "-s", "en",
                                  "-t", "vi", "-b", "127.0.0.1", "-p", std::to_string(port)};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    if (posix_spawnp(&pid_, "tmserver", &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
  }
  ~Tmserver() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }

 private:
  pid_t pid_ = -1;
};

QJsonArray Answer(httplib::Client& client, const std::string& path) {
  httplib::Result r = client.Get(path.c_str());
  if (!r || r->status != 200) {
    ADD_FAILURE() << path << ": " << (r ? std::to_string(r->status) + " " + r->body : "no answer");
    return {};
  }
  const QJsonDocument doc =
      QJsonDocument::fromJson(QByteArray(r->body.data(), static_cast<qsizetype>(r->body.size())));
  EXPECT_TRUE(doc.isArray()) << path << ": " << r->body;
  return doc.array();
}

TEST(ServeTmserverTest, AnswersLikeTranslateToolkitsTmserver) {
  if (!HaveTmserver()) {
    GTEST_SKIP() << "translate-toolkit's tmserver (and python3-cheroot) not installed";
  }
  TempDir dir;
  const std::string tm = (dir / "tm.db").string();
  ASSERT_EQ(RunHashi({"--tm", tm, "import", (SourceDir() / "examples" / "press-units.tmx").string()})
                .exit_code,
            0);
  // The same units for both: hashi's export of en and vi.
  ASSERT_EQ(RunHashi({"--tm", tm, "export", "--langs", "en,vi", (dir / "en-vi.tmx").string()})
                .exit_code,
            0);
  ServeProcess hashi(tm);
  ASSERT_TRUE(hashi.running());
  const int port = FreePort();
  Tmserver reference(dir / "en-vi.tmx", dir / "ttk.db", port);
  httplib::Client theirs("127.0.0.1", port);
  httplib::Client ours("127.0.0.1", hashi.port());
  theirs.set_url_encode(false);
  ours.set_url_encode(false);
  bool up = false;
  for (int i = 0; i < 300 && !up; ++i) {  // it loads the TMX before it listens
    up = static_cast<bool>(theirs.Get("/tmserver/en/vi/unit/x"));
    if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(up) << "tmserver did not start";

  const std::string exact = "At%20the%20conference,%20four%20memoranda%20of%20understanding%20"
                            "were%20signed.";
  const std::vector<std::string> queries{
      exact,
      "The%20loan%20agreement%20was%20signed%20the%20same%20day%20in%20Hanoi.",
      "The%20loan%20agreement%20was%20signed%20the%20same%20day%20in%20Hanoi",  // near
      "zzzz%20nothing%20like%20it",                                             // none
  };
  size_t compared_matches = 0;
  for (const std::string& q : queries) {
    const std::string path = "/tmserver/en/vi/unit/" + q;
    const QJsonArray a = Answer(theirs, path);
    const QJsonArray b = Answer(ours, path);
    EXPECT_EQ(a.isEmpty(), b.isEmpty()) << q;
    EXPECT_LE(b.size(), 3);  // tmserver's max_candidates
    for (const QJsonValue& m : b) {
      const QJsonObject match = m.toObject();
      EXPECT_GE(match.value("quality").toDouble(), 75.0);  // its min_similarity
      EXPECT_TRUE(match.value("rank").isDouble());
    }
    if (a.isEmpty() || b.isEmpty()) continue;
    // Same fields with the same JSON types.
    const QJsonObject theirs_first = a[0].toObject();
    const QJsonObject ours_first = b[0].toObject();
    for (const QString& key : theirs_first.keys()) {
      ASSERT_TRUE(ours_first.contains(key)) << key.toStdString();
      EXPECT_EQ(ours_first.value(key).type(), theirs_first.value(key).type())
          << key.toStdString();
    }
    // Exact matches: the same unit at 100.
    if (theirs_first.value("quality").toDouble() == 100.0) {
      EXPECT_EQ(ours_first.value("quality").toDouble(), 100.0) << q;
      EXPECT_EQ(ours_first.value("source"), theirs_first.value("source"));
      EXPECT_EQ(ours_first.value("target"), theirs_first.value("target"));
      ++compared_matches;
    }
  }
  EXPECT_EQ(compared_matches, 2u);
  // Vietnamese source, percent-encoded UTF-8 in the path: the exact unit comes back.
  const QJsonArray vi = Answer(
      ours, "/tmserver/vi/en/unit/C%C3%B9ng%20ng%C3%A0y%2C%20Hi%E1%BB%87p%20%C4%91%E1%BB%8Bnh%20"
            "vay%20%C4%91%C3%A3%20%C4%91%C6%B0%E1%BB%A3c%20k%C3%BD%20k%E1%BA%BFt%20t%E1%BA%A1i%20"
            "H%C3%A0%20N%E1%BB%99i.");
  ASSERT_FALSE(vi.isEmpty());
  EXPECT_EQ(vi[0].toObject().value("target").toString(),
            "The loan agreement was signed the same day in Hanoi.");
  // An empty answer is an empty list, as tmserver's.
  httplib::Result r = ours.Get("/tmserver/en/vi/unit/zzzz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "[]");
  r = ours.Get("/tmserver/e%20n/vi/unit/x");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

}  // namespace
}  // namespace hashi::testing
