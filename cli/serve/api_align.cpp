// POST /api/align (the versions of an article -> units, as `hashi align --json`), POST
// /api/units (reviewed units -> the TM, as `align --import`) and POST /api/export (reviewed
// units as a TMX or TSV file to download).
#include <QJsonArray>
#include <map>
#include <memory>
#include <sstream>

#include "align_input.h"
#include "align_job.h"
#include "align_output.h"
#include "hashi/formats/tmx.h"
#include "json_output.h"
#include "serve/http_json.h"
#include "serve/reviewed_units.h"
#include "serve/routes.h"

namespace hashi::cli::serve {
namespace {

constexpr const char* kVersionLanguages[] = {"en", "vi", "ja"};  // the aligner's pivot order

// A reader per thread and mode: it keeps the segmentation rules and cleaning patterns loaded.
ArticleReader& ThreadReader(bool presegmented) {
  thread_local ArticleReader page_text(false);
  thread_local ArticleReader one_per_line(true);
  return presegmented ? one_per_line : page_text;
}

std::string WarningText(std::string warning) {
  constexpr std::string_view kPrefix = "hashi: warning: ";
  if (warning.starts_with(kPrefix)) warning.erase(0, kPrefix.size());
  while (!warning.empty() && warning.back() == '\n') warning.pop_back();
  return warning;
}

// The units of /api/align: the fields of `align --json`, and each version's sentences of the
// unit (the page joins, splits and moves sentences with them).
QJsonArray UnitsJson(const AlignedArticle& article) {
  const std::vector<QJsonObject> objects = ToJson(article);
  QJsonArray units;
  for (size_t u = 0; u < objects.size(); ++u) {
    QJsonObject unit = objects[u];
    QJsonObject sentences;
    for (size_t v = 0; v < article.versions.size(); ++v) {
      const SentenceRange range = article.alignment.units[u].ranges[v];
      QJsonArray list;
      for (size_t s = range.begin; s < range.end; ++s) {
        list.append(FromUtf8(article.versions[v].sentences[s]));
      }
      sentences.insert(FromUtf8(article.versions[v].lang.str()), list);
    }
    unit.insert("sentences", sentences);
    units.append(unit);
  }
  return units;
}

Result<PreparedArticle> AlignBody(const QJsonObject& body) {
  const QJsonValue presegmented = body.value("presegmented");
  if (!presegmented.isUndefined() && !presegmented.isBool()) {
    return Status::Usage("'presegmented' must be true or false");
  }
  ArticleReader& reader = ThreadReader(presegmented.toBool(false));
  std::vector<VersionFile> files;
  std::vector<AlignerInput> versions;
  for (const char* lang : kVersionLanguages) {
    Result<std::optional<std::string>> text = StringMember(body, lang);
    if (!text.ok()) return text.status();
    if (!text->has_value() || (*text)->find_first_not_of(" \t\r\n") == std::string::npos) continue;
    VersionFile file{*LanguageTag::Parse(lang), std::string(lang) + " text"};
    Result<AlignerInput> version = reader.ReadBytes(file, std::move(**text));
    if (!version.ok()) return version.status();
    files.push_back(std::move(file));
    versions.push_back(std::move(*version));
  }
  if (files.size() < 2) return Status::Usage("give the text of at least two of en, vi, ja");
  return AlignVersions("article", std::move(files), std::move(versions), 0);
}

Result<std::vector<ReviewedUnit>> UnitsMember(const QJsonObject& body) {
  const QJsonValue units = body.value("units");
  if (!units.isArray()) return Status::Usage("'units' must be an array of units");
  return ReadReviewedUnits(units.toArray());
}

Result<std::string> TmxOf(const std::vector<ReviewedUnit>& units) {
  std::ostringstream out;
  formats::TmxWriterOptions options;
  const std::vector<std::string> langs = UnitLanguages(units);
  if (!langs.empty()) options.srclang = langs.front();
  std::unique_ptr<formats::UnitWriter> writer = formats::MakeTmxWriter(out, options);
  for (const Unit& unit : ToTmUnits(units)) {
    if (Status s = writer->Write(unit); !s.ok()) return s;
  }
  if (Status s = writer->Finish(); !s.ok()) return s;
  return out.str();
}

std::string TsvOf(const std::vector<ReviewedUnit>& units) {
  const std::vector<std::string> langs = UnitLanguages(units);
  std::string tsv = TsvRow(langs);
  for (const ReviewedUnit& unit : units) {
    const std::map<std::string, std::string> texts(unit.texts.begin(), unit.texts.end());
    std::vector<std::string> cells;
    for (const std::string& lang : langs) {
      const auto it = texts.find(lang);
      cells.push_back(it == texts.end() ? "" : it->second);
    }
    tsv += TsvRow(cells);
  }
  return tsv;
}

}  // namespace

void AddAlignRoutes(httplib::Server& server, ServerState& state) {
  server.Post("/api/align", Guarded([](const httplib::Request& req, httplib::Response& res) {
    Result<QJsonObject> body = JsonBody(req);
    if (!body.ok()) return SendStatus(res, body.status());
    Result<PreparedArticle> prepared = AlignBody(*body);
    if (!prepared.ok()) return SendStatus(res, prepared.status());
    QJsonArray warnings;
    for (const std::string& w : prepared->warnings) warnings.append(FromUtf8(WarningText(w)));
    SendJson(res, {{"units", UnitsJson(prepared->article)}, {"warnings", warnings}});
  }));

  server.Post("/api/units", Guarded([&state](const httplib::Request& req, httplib::Response& res) {
    if (!Authorized(req, state.options)) {
      return SendError(res, kUnauthorized, "this request writes: it needs the server's token "
                                           "(Authorization: Bearer TOKEN)");
    }
    Result<QJsonObject> body = JsonBody(req);
    if (!body.ok()) return SendStatus(res, body.status());
    Result<std::optional<std::string>> origin = StringMember(*body, "origin");
    if (!origin.ok()) return SendStatus(res, origin.status());
    if (!origin->has_value() || (*origin)->empty()) {
      return SendStatus(res, Status::Usage("'origin' (the label of the stored units) is required"));
    }
    Result<std::vector<ReviewedUnit>> units = UnitsMember(*body);
    if (!units.ok()) return SendStatus(res, units.status());
    ImportStats stats;
    if (!units->empty()) {
      const std::string srclang = UnitLanguages(*units).front();
      const Status status = state.stores.Write([&](TmStore& store) {
        Result<ImportStats> imported = ImportUnits(store, ToTmUnits(*units), **origin, srclang);
        if (!imported.ok()) return imported.status();
        stats = *imported;
        return Status::Ok();
      });
      if (!status.ok()) return SendStatus(res, status);
    }
    SendJson(res, {{"stored", static_cast<qint64>(stats.imported)},
                   {"duplicates", static_cast<qint64>(stats.duplicates)}});
  }));

  server.Post("/api/export", Guarded([](const httplib::Request& req, httplib::Response& res) {
    Result<QJsonObject> body = JsonBody(req);
    if (!body.ok()) return SendStatus(res, body.status());
    Result<std::optional<std::string>> format = StringMember(*body, "format");
    if (!format.ok()) return SendStatus(res, format.status());
    const std::string kind = format->value_or("tmx");
    if (kind != "tmx" && kind != "tsv") {
      return SendStatus(res, Status::Usage("'format' is tmx or tsv, not '" + kind + "'"));
    }
    Result<std::vector<ReviewedUnit>> units = UnitsMember(*body);
    if (!units.ok()) return SendStatus(res, units.status());
    if (kind == "tsv") {
      res.set_content(TsvOf(*units), "text/tab-separated-values; charset=utf-8");
    } else {
      Result<std::string> tmx = TmxOf(*units);
      if (!tmx.ok()) return SendStatus(res, tmx.status());
      res.set_content(*tmx, "application/x-tmx+xml; charset=utf-8");
    }
    res.set_header("Content-Disposition", "attachment; filename=\"units." + kind + "\"");
  }));
}

}  // namespace hashi::cli::serve
