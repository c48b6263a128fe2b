// POST /api/analyze: the match-band report of `hashi analyze --json` for one posted text.
#include <QJsonArray>
#include <map>
#include <memory>

#include "analysis_job.h"
#include "analysis_output.h"
#include "job_input.h"
#include "serve/http_json.h"
#include "serve/routes.h"
#include "tm_match_source.h"

namespace hashi::cli::serve {
namespace {

// A reader per thread and source language: it keeps its segmenter and cleaner loaded.
JobInputReader& ThreadReader(const LanguageTag& from) {
  thread_local std::map<std::string, std::unique_ptr<JobInputReader>> readers;
  std::unique_ptr<JobInputReader>& reader = readers[from.str()];
  if (reader == nullptr) reader = std::make_unique<JobInputReader>(from);
  return *reader;
}

// "to" as "vi", "vi,ja" or ["vi", "ja"].
Result<std::vector<std::string>> TargetLanguages(const QJsonObject& body) {
  const QJsonValue to = body.value("to");
  if (to.isString()) return LanguageList(ToUtf8(to.toString()), "to");
  if (!to.isArray()) return Status::Usage("'to' (target language tags) is required");
  std::string joined;
  for (const QJsonValue& tag : to.toArray()) {
    if (!tag.isString()) return Status::Usage("'to' must hold language tags");
    joined += ToUtf8(tag.toString()) + ",";
  }
  return LanguageList(joined, "to");
}

Result<QJsonObject> Analyze(const QJsonObject& body, const ServerState& state) {
  Result<std::optional<std::string>> from = StringMember(body, "from");
  if (!from.ok()) return from.status();
  Result<LanguageTag> from_tag = LanguageParam(from->value_or(""), "from");
  if (!from_tag.ok()) return from_tag.status();
  Result<std::vector<std::string>> to = TargetLanguages(body);
  if (!to.ok()) return to.status();
  Result<std::optional<std::string>> text = StringMember(body, "text");
  if (!text.ok()) return text.status();
  if (!text->has_value()) return Status::Usage("'text' (the article or XLIFF file) is required");
  Result<std::optional<std::string>> name = StringMember(body, "name");
  if (!name.ok()) return name.status();
  const std::string file = name->value_or("text");
  Result<JobInput> input = ThreadReader(*from_tag).ReadBytes(std::move(**text), file, nullptr);
  if (!input.ok()) return input.status();
  AnalysisJob job;
  job.from = *from_tag;
  job.to = *to;
  job.names = {file};
  job.inputs = {input->Segments(false)};
  job.threads = 1;  // one request, one core: other requests keep the rest
  CliContext quiet;
  quiet.tm_path = state.stores.tm();
  quiet.quiet = true;
  Result<std::vector<AnalysisReport>> reports =
      RunAnalysis(job, TmMatchSourceFactory(quiet.tm_path, *from_tag, *to), quiet);
  if (!reports.ok()) return reports.status();
  return AnalysisJson(reports->front(), nullptr);
}

}  // namespace

void AddAnalyzeRoutes(httplib::Server& server, ServerState& state) {
  server.Post("/api/analyze", Guarded([&state](const httplib::Request& req, httplib::Response& res) {
    Result<QJsonObject> body = JsonBody(req);
    if (!body.ok()) return SendStatus(res, body.status());
    Result<QJsonObject> report = Analyze(*body, state);
    if (!report.ok()) return SendStatus(res, report.status());
    SendJson(res, *report);
  }));
}

}  // namespace hashi::cli::serve
