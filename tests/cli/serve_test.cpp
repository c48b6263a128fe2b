// hashi serve: every endpoint of the JSON API against the commands whose --json fields it
// mirrors, and its errors, limits, token and static-file safety (CONTRACT.md, `serve`).
#include <gtest/gtest.h>
#include <httplib.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <atomic>
#include <string>
#include <thread>

#include "cli_test_util.h"
#include "serve_process_util.h"

namespace hashi::testing {
namespace {

QJsonDocument Parse(const std::string& text) {
  return QJsonDocument::fromJson(QByteArray(text.data(), static_cast<qsizetype>(text.size())));
}

// The objects of JSON Lines output.
QJsonArray JsonLines(const std::string& text) {
  QJsonArray objects;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) objects.append(Parse(text.substr(start, end - start)).object());
    start = end + 1;
  }
  return objects;
}

std::string Json(const QJsonObject& object) {
  return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

std::string Article(const std::string& name, const std::string& lang) {
  return (SourceDir() / "examples" / "articles" / name / (lang + ".txt")).string();
}

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    WriteFileBytes(*dir_ / "small.tmx", SmallTmx(30));
    ASSERT_EQ(RunHashi({"--tm", Tm(), "import", (*dir_ / "small.tmx").string()}).exit_code, 0);
    ASSERT_EQ(RunHashi({"--tm", Tm(), "import",
                        (SourceDir() / "examples" / "press-units.tmx").string()})
                  .exit_code,
              0);
    server_ = new ServeProcess(Tm());
    ASSERT_TRUE(server_->running()) << server_->url();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static std::string Tm() { return (*dir_ / "tm.db").string(); }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(120);
    return client;
  }
  httplib::Result Get(const std::string& path) const { return Client().Get(path.c_str()); }
  httplib::Result Post(const std::string& path, const QJsonObject& body,
                       const httplib::Headers& headers = {}) const {
    return Client().Post(path.c_str(), headers, Json(body), "application/json");
  }
  // Checks that `r` is an error with `status` and a JSON body {"error": MESSAGE}.
  static void ExpectError(const httplib::Result& r, int status) {
    ASSERT_TRUE(r) << "no answer";
    EXPECT_EQ(r->status, status) << r->body;
    const QJsonObject body = Parse(r->body).object();
    EXPECT_TRUE(body.value("error").isString()) << r->body;
    EXPECT_FALSE(body.value("error").toString().isEmpty());
  }

  static TempDir* dir_;
  static ServeProcess* server_;
};

TempDir* ServeTest::dir_ = nullptr;
ServeProcess* ServeTest::server_ = nullptr;

TEST_F(ServeTest, StatsIsTheObjectOfStatsJson) {
  const httplib::Result r = Get("/api/stats");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const RunResult cli = RunHashi({"--tm", Tm(), "stats", "--json"});
  EXPECT_EQ(Parse(r->body).object(), JsonLines(cli.out)[0].toObject()) << r->body;
  EXPECT_EQ(Parse(r->body).object().value("units").toInt(), 73);
}

TEST_F(ServeTest, LookupAnswersWhatLookupJsonPrints) {
  for (const auto& [from, to, query] :
       {std::tuple{"en", "vi,ja", "The embassy held event 12."},
        std::tuple{"vi", "en", "Đại sứ quán tổ chức sự kiện 7"},
        std::tuple{"ja", "en,vi", "大使館は行事3を開催した"}}) {
    const RunResult cli = RunHashi({"--tm", Tm(), "lookup", "--json", "--from", from, "--to", to,
                                    "--min", "50", "--limit", "7", query});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    const httplib::Params params{{"from", from}, {"to", to}, {"q", query}, {"min", "50"},
                                 {"limit", "7"}};
    const httplib::Result r =
        Get(httplib::append_query_params("/api/lookup", params));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    const QJsonArray matches = Parse(r->body).object().value("matches").toArray();
    EXPECT_EQ(matches, JsonLines(cli.out)) << query;
    EXPECT_GE(matches.size(), 1);
  }
}

TEST_F(ServeTest, LookupDefaultsAreTheCommands) {
  const httplib::Params params{{"from", "en"}, {"to", "vi"}, {"q", "The embassy held event"}};
  const httplib::Result r = Get(httplib::append_query_params("/api/lookup", params));
  ASSERT_TRUE(r);
  const RunResult cli =
      RunHashi({"--tm", Tm(), "lookup", "--json", "--from", "en", "--to", "vi",
                "The embassy held event"});
  EXPECT_EQ(Parse(r->body).object().value("matches").toArray(), JsonLines(cli.out));
  EXPECT_EQ(Parse(r->body).object().value("matches").toArray().size(), 5);  // --limit 5
}

TEST_F(ServeTest, ConcordAnswersWhatConcordJsonPrintsWithHighlights) {
  for (const auto& [lang, phrase] : {std::pair{"vi", "hop tac"}, std::pair{"ja", "大使"},
                                     std::pair{"en", "EMBASSY"}, std::pair{"vi", "hòa"}}) {
    const RunResult cli =
        RunHashi({"--tm", Tm(), "concord", "--json", "--lang", lang, "--limit", "50", phrase});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    const httplib::Result r = Get(httplib::append_query_params(
        "/api/concord", {{"lang", lang}, {"q", phrase}, {"limit", "50"}}));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    QJsonArray hits = Parse(r->body).object().value("hits").toArray();
    const QJsonArray expected = JsonLines(cli.out);
    ASSERT_EQ(hits.size(), expected.size()) << phrase;
    for (qsizetype i = 0; i < hits.size(); ++i) {
      QJsonObject hit = hits[i].toObject();
      const QJsonArray spans = hit.take("highlight").toArray();
      EXPECT_EQ(hit, expected[i].toObject());
      // Each span is where the phrase is in the text (UTF-16 offsets), folded: same length
      // once case and tone placement are set aside, here simply not empty and in range.
      ASSERT_FALSE(spans.isEmpty()) << phrase;
      const QString text = hit.value("text").toString();
      for (const QJsonValue& span : spans) {
        const int begin = span.toArray()[0].toInt(), end = span.toArray()[1].toInt();
        EXPECT_LT(begin, end);
        EXPECT_LE(end, text.size());
        if (std::string(lang) == "en" || std::string(lang) == "ja") {
          EXPECT_EQ(text.mid(begin, end - begin).toCaseFolded(),
                    QString::fromUtf8(phrase).toCaseFolded());
        }
      }
    }
  }
}

TEST_F(ServeTest, AlignAnswersWhatAlignJsonPrints) {
  const std::string name = "state-visit-tokyo";
  const RunResult cli = RunHashi({"align", "--json", "--en", Article(name, "en"), "--vi",
                                  Article(name, "vi"), "--ja", Article(name, "ja")});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  const QJsonObject body{{"en", QString::fromStdString(ReadFileBytes(Article(name, "en")))},
                         {"vi", QString::fromStdString(ReadFileBytes(Article(name, "vi")))},
                         {"ja", QString::fromStdString(ReadFileBytes(Article(name, "ja")))}};
  const httplib::Result r = Post("/api/align", body);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  QJsonArray units = Parse(r->body).object().value("units").toArray();
  const QJsonArray expected = JsonLines(cli.out);
  ASSERT_EQ(units.size(), expected.size());
  ASSERT_GT(units.size(), 5);
  for (qsizetype i = 0; i < units.size(); ++i) {
    QJsonObject unit = units[i].toObject();
    const QJsonObject sentences = unit.take("sentences").toObject();
    EXPECT_EQ(unit, expected[i].toObject()) << i;
    // The sentences of a cell, joined by a space, are the cell.
    for (const QString lang : {"en", "vi", "ja"}) {
      QStringList parts;
      for (const QJsonValue& s : sentences.value(lang).toArray()) parts << s.toString();
      EXPECT_EQ(parts.join(' '), unit.value(lang).toString()) << i;
    }
  }
}

TEST_F(ServeTest, AlignPresegmentedAndTwoVersions) {
  const httplib::Result r =
      Post("/api/align", {{"en", "The visit began on Monday.\nBoth sides signed a loan.\n"},
                          {"ja", "訪問は月曜日に始まった。\n双方は借款に署名した。\n"},
                          {"presegmented", true}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const QJsonArray units = Parse(r->body).object().value("units").toArray();
  ASSERT_EQ(units.size(), 2);
  EXPECT_EQ(units[1].toObject().value("en").toString(), "Both sides signed a loan.");
  EXPECT_EQ(units[1].toObject().value("ja").toString(), "双方は借款に署名した。");
  EXPECT_FALSE(units[0].toObject().contains("vi"));
  EXPECT_TRUE(units[0].toObject().value("confidence").isDouble());
}

TEST_F(ServeTest, AlignErrors) {
  ExpectError(Post("/api/align", {{"en", "Only one version."}}), 400);
  ExpectError(Post("/api/align", {{"en", 3}, {"vi", "Một."}}), 400);
  // Two versions in one language (judged by their script).
  const QString japanese =
      QString::fromStdString(ReadFileBytes(Article("state-visit-tokyo", "ja")));
  ExpectError(Post("/api/align", {{"en", japanese}, {"ja", japanese}}), 400);
  ExpectError(Client().Post("/api/align", "{not json", "application/json"), 400);
  ExpectError(Client().Post("/api/align", "[1, 2]", "application/json"), 400);
}

TEST_F(ServeTest, UnitsAreStoredInOneTransactionAndFoundAfterwards) {
  TempDir dir;
  const std::string tm = (dir / "review.db").string();
  ServeProcess server(tm);  // no TM yet: serve creates an empty one
  ASSERT_TRUE(server.running());
  httplib::Client client("127.0.0.1", server.port());
  const QJsonObject body{
      {"origin", "reviewed article"},
      {"units", QJsonArray{QJsonObject{{"en", "The reviewed sentence about rice exports."},
                                       {"vi", "Câu đã duyệt về xuất khẩu gạo."},
                                       {"ja", "米の輸出に関する確認済みの文。"},
                                       {"confidence", 0.42}},
                           QJsonObject{{"en", "A heading only in English."}, {"vi", ""}}}}};
  httplib::Result r = client.Post("/api/units", Json(body), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Parse(r->body).object().value("stored").toInt(), 2);
  r = client.Post("/api/units", Json(body), "application/json");  // again: duplicates
  EXPECT_EQ(Parse(r->body).object().value("stored").toInt(), 0) << r->body;
  EXPECT_EQ(Parse(r->body).object().value("duplicates").toInt(), 2) << r->body;
  // A bad unit anywhere stores nothing.
  const QJsonObject bad{{"origin", "x"},
                        {"units", QJsonArray{QJsonObject{{"en", "Fine."}, {"vi", "Tốt."}},
                                             QJsonObject{{"confidence", 0.5}}}}};
  r = client.Post("/api/units", Json(bad), "application/json");
  ExpectError(r, 400);
  EXPECT_NE(r->body.find("unit 2"), std::string::npos) << r->body;
  ExpectError(client.Post("/api/units", Json({{"units", QJsonArray{}}}), "application/json"), 400);
  ExpectError(client.Post("/api/units", Json({{"origin", "x"}, {"units", QJsonArray{QJsonObject{
      {"not a tag!", "x"}}}}}), "application/json"), 400);

  // The TM has them, as `hashi` sees it, with the confidence kept.
  const QJsonObject stats = JsonLines(RunHashi({"--tm", tm, "stats", "--json"}).out)[0].toObject();
  EXPECT_EQ(stats.value("units").toInt(), 2);
  EXPECT_EQ(stats.value("origins").toObject().value("reviewed article").toInt(), 2);
  const RunResult found = RunHashi({"--tm", tm, "lookup", "--json", "--from", "vi", "--to", "ja",
                                    "Câu đã duyệt về xuất khẩu gạo."});
  EXPECT_NE(found.out.find("\"score\":100"), std::string::npos) << found.out;
  ASSERT_EQ(RunHashi({"--tm", tm, "export", (dir / "out.tmx").string()}).exit_code, 0);
  EXPECT_NE(ReadFileBytes(dir / "out.tmx").find(">0.42</prop>"), std::string::npos);
  EXPECT_EQ(server.Stop(), 0) << server.err();
}

TEST_F(ServeTest, WritesNeedTheTokenWhenOneIsSet) {
  TempDir dir;
  const std::string tm = (dir / "t.db").string();
  ServeProcess server(tm, {"--token", "s3cret"});
  ASSERT_TRUE(server.running());
  httplib::Client client("127.0.0.1", server.port());
  const std::string body =
      Json({{"origin", "o"}, {"units", QJsonArray{QJsonObject{{"en", "Hi."}, {"vi", "Chào."}}}}});
  ExpectError(client.Post("/api/units", body, "application/json"), 401);
  ExpectError(client.Post("/api/units", {{"Authorization", "Bearer wrong!"}}, body,
                          "application/json"),
              401);
  ExpectError(client.Post("/api/units", {{"Authorization", "Bearer s3cre"}}, body,
                          "application/json"),
              401);
  httplib::Result r =
      client.Post("/api/units", {{"Authorization", "Bearer s3cret"}}, body, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  // Reads need no token.
  r = client.Get("/api/stats");
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(Parse(r->body).object().value("units").toInt(), 1);
}

TEST_F(ServeTest, AnotherAddressNeedsAToken) {
  const RunResult r = RunHashi({"--tm", Tm(), "serve", "--bind", "0.0.0.0", "--port", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--token"), std::string::npos) << r.err;
  EXPECT_EQ(RunHashi({"--tm", Tm(), "serve", "--port", "70000"}).exit_code, 2);
  EXPECT_EQ(RunHashi({"--tm", Tm(), "serve", "extra"}).exit_code, 2);
  ServeProcess server(Tm(), {"--bind", "0.0.0.0", "--token", "t"});
  ASSERT_TRUE(server.running());
  EXPECT_EQ(server.url(), "http://0.0.0.0:" + std::to_string(server.port()) + "/");
  httplib::Client client("127.0.0.1", server.port());
  EXPECT_EQ(client.Get("/api/stats")->status, 200);
}

TEST_F(ServeTest, ABusyPortIsAnError) {
  const RunResult r = RunHashi(
      {"--tm", Tm(), "serve", "--port", std::to_string(server_->port())});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot listen"), std::string::npos) << r.err;
}

TEST_F(ServeTest, AnalyzeIsTheObjectOfAnalyzeJson) {
  const std::string article = Article("state-visit-tokyo", "en");
  const RunResult cli =
      RunHashi({"--tm", Tm(), "analyze", "--json", "--from", "en", "--to", "vi", article});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  const httplib::Result r = Post("/api/analyze", {{"from", "en"}, {"to", "vi"},
                                                  {"name", QString::fromStdString(article)},
                                                  {"text", QString::fromStdString(
                                                               ReadFileBytes(article))}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Parse(r->body).object(), JsonLines(cli.out)[0].toObject()) << r->body;
  ExpectError(Post("/api/analyze", {{"from", "en"}, {"text", "x"}}), 400);
  ExpectError(Post("/api/analyze", {{"from", "en"}, {"to", "vi"}}), 400);
  ExpectError(Post("/api/analyze", {{"from", "e n"}, {"to", "vi"}, {"text", "x"}}), 400);
}

TEST_F(ServeTest, ExportWritesTmxAndTsv) {
  const QJsonArray units{
      QJsonObject{{"en", "One."}, {"ja", "一。"}, {"confidence", 0.9}},
      QJsonObject{{"en", "Two\twith a tab."}, {"vi", "Hai."}, {"confidence", 0.3}}};
  httplib::Result r = Post("/api/export", {{"format", "tsv"}, {"units", units}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->body, "en\tvi\tja\nOne.\t\t一。\nTwo with a tab.\tHai.\t\n");
  EXPECT_NE(r->get_header_value("Content-Disposition").find("units.tsv"), std::string::npos);
  r = Post("/api/export", {{"format", "tmx"}, {"units", units}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  TempDir dir;
  WriteFileBytes(dir / "units.tmx", r->body);
  const std::vector<Unit> read = ReadUnits(dir / "units.tmx");
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[1].variants[0].segment.text, "Two\twith a tab.");
  if (HaveXmllint()) EXPECT_EQ(DtdErrors(dir / "units.tmx"), "");
  ExpectError(Post("/api/export", {{"format", "xlsx"}, {"units", units}}), 400);
  ExpectError(Post("/api/export", {{"format", "tmx"}}), 400);
}

TEST_F(ServeTest, BadQueriesAreJsonErrors) {
  ExpectError(Get("/api/lookup?to=vi&q=x"), 400);                     // no from
  ExpectError(Get("/api/lookup?from=en&q=x"), 400);                   // no to
  ExpectError(Get("/api/lookup?from=en&to=vi"), 400);                 // no q
  ExpectError(Get("/api/lookup?from=e%20n&to=vi&q=x"), 400);          // bad tag
  ExpectError(Get("/api/lookup?from=en&to=vi&q=x&min=101"), 400);
  ExpectError(Get("/api/lookup?from=en&to=vi&q=x&limit=0"), 400);
  ExpectError(Get("/api/lookup?from=en&to=vi&q=x&limit=abc"), 400);
  ExpectError(Get("/api/lookup?from=en&to=vi&q=%20%20"), 400);        // empty once folded
  ExpectError(Get("/api/lookup?from=en&to=vi&q=%FF%FE"), 400);        // not UTF-8
  ExpectError(Get("/api/concord?lang=vi"), 400);
  ExpectError(Get("/api/concord?lang=vi&q=%20"), 400);
  ExpectError(Get("/api/nothing"), 404);
  ExpectError(Client().Post("/api/nothing", "{}", "application/json"), 404);
  ExpectError(Client().Delete("/api/stats"), 404);
}

TEST_F(ServeTest, QueryLengthAndBodySizeAreBounded) {
  const std::string ok(2000, 'a');
  httplib::Result r = Get(httplib::append_query_params(
      "/api/concord", {{"lang", "en"}, {"q", ok}}));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  ExpectError(Get(httplib::append_query_params("/api/concord", {{"lang", "en"}, {"q", ok + "a"}})),
              400);
  // Characters, not bytes: 800 Japanese ones are 2,400 bytes (7,200 percent-encoded).
  std::string japanese;
  for (int i = 0; i < 800; ++i) japanese += "語";
  r = Get(httplib::append_query_params("/api/lookup", {{"from", "ja"}, {"to", "en"},
                                                       {"q", japanese}}));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  // A request line over 8,192 bytes is refused before any parameter is read.
  ExpectError(Get(httplib::append_query_params("/api/lookup", {{"from", "ja"}, {"to", "en"},
                                                               {"q", japanese + japanese}})),
              414);
  const std::string big(9u << 20, ' ');
  ExpectError(Client().Post("/api/align", big, "application/json"), 413);
  // Still serving.
  EXPECT_EQ(Get("/api/stats")->status, 200);
}

TEST_F(ServeTest, StaticFilesNeverLeaveTheWebFolder) {
  // A data folder of our own, with a secret beside web/ and a link out of it inside.
  TempDir data;
  std::filesystem::create_directories(data / "web" / "sub");
  WriteFileBytes(data / "web" / "index.html", "<!doctype html><p>page</p>");
  WriteFileBytes(data / "web" / "app.js", "let x = 1;");
  WriteFileBytes(data / "web" / "sub" / "a.css", "p{}");
  WriteFileBytes(data / "secret.txt", "SECRET");
  std::filesystem::create_symlink(data / "secret.txt", data / "web" / "link.txt");
  for (const char* name : {"hashi.srx", "boilerplate.txt"}) {
    std::filesystem::copy_file(SourceDir() / "data" / name, data / name);
  }
  ServeProcess server(Tm(), {}, {"HASHI_DATA_DIR=" + data.path().string()});
  ASSERT_TRUE(server.running());
  httplib::Client client("127.0.0.1", server.port());
  client.set_url_encode(false);  // send the paths exactly as written
  httplib::Result r = client.Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "<!doctype html><p>page</p>");
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(client.Get("/app.js")->get_header_value("Content-Type"),
            "text/javascript; charset=utf-8");
  EXPECT_EQ(client.Get("/sub/a.css")->status, 200);
  for (const char* path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt",
        "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/sub/../../secret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt", "/..\\secret.txt", "/..%5csecret.txt",
        "//etc/passwd", "/%2fetc/passwd", "/etc/passwd", "/index.html%00.js", "/%00",
        "/link.txt", "/./index.html", "/sub/", "/sub", "/.%2e/secret.txt",
        "/%252e%252e/secret.txt", "/nothing.html"}) {
    r = client.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_GE(r->status, 400) << path;
    EXPECT_EQ(r->body.find("SECRET"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
  }
  EXPECT_EQ(server.Stop(), 0);
}

TEST_F(ServeTest, ConcurrentLookupsWhileAnotherProcessImports) {
  TempDir dir;
  const std::string tm = (dir / "busy.db").string();
  WriteFileBytes(dir / "a.tmx", SmallTmx(200));
  ASSERT_EQ(RunHashi({"--tm", tm, "import", (dir / "a.tmx").string()}).exit_code, 0);
  WriteFileBytes(dir / "b.tmx", SmallTmx(3000, 1000));
  ServeProcess server(tm);
  ASSERT_TRUE(server.running());
  std::atomic<int> failed = 0, answered = 0;
  std::atomic<bool> importing = true;
  std::thread importer([&] {
    EXPECT_EQ(RunHashi({"--tm", tm, "import", (dir / "b.tmx").string()}).exit_code, 0);
    importing = false;
  });
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", server.port());
      for (int i = 0; i < 40; ++i) {
        const std::string q = "The embassy held event " + std::to_string(c * 40 + i) + ".";
        httplib::Result r = client.Get(httplib::append_query_params(
            "/api/lookup", {{"from", "en"}, {"to", "vi"}, {"q", q}}));
        if (!r || r->status != 200) {
          ++failed;
        } else {
          ++answered;
        }
      }
    });
  }
  for (std::thread& t : clients) t.join();
  importer.join();
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(answered, 320);
  const httplib::Result r = httplib::Client("127.0.0.1", server.port()).Get("/api/stats");
  EXPECT_EQ(Parse(r->body).object().value("units").toInt(), 3200);
  EXPECT_EQ(server.Stop(), 0) << server.err();
}

TEST_F(ServeTest, SigtermStopsCleanly) {
  ServeProcess server(Tm());
  ASSERT_TRUE(server.running());
  httplib::Client client("127.0.0.1", server.port());
  EXPECT_EQ(client.Get("/api/stats")->status, 200);
  EXPECT_EQ(server.Stop(), 0);
  EXPECT_NE(server.err().find("stopped"), std::string::npos) << server.err();
  EXPECT_FALSE(httplib::Client("127.0.0.1", server.port()).Get("/api/stats"));
}

}  // namespace
}  // namespace hashi::testing
