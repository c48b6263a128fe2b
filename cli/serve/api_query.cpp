// GET /api/lookup, /api/concord, /api/stats: the TM queries of `lookup`, `concord` and `stats`,
// answering with the fields of their --json output.
#include <QJsonArray>

#include "hashi/concordance.h"
#include "hashi/matcher.h"
#include "hashi/normalizer.h"
#include "serve/http_json.h"
#include "serve/routes.h"
#include "tm_json_output.h"

namespace hashi::cli::serve {
namespace {

constexpr int kDefaultMin = 70;       // as `hashi lookup`
constexpr int kDefaultLookupLimit = 5;
constexpr int kDefaultConcordLimit = 20;  // as `hashi concord`

// UTF-16 code units of the UTF-8 bytes text[0, end): the offsets a browser's strings use.
size_t Utf16Offset(std::string_view text, size_t end) {
  size_t units = 0;
  for (size_t i = 0; i < end && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    units += c >= 0xF0 ? 2 : 1;  // a 4-byte sequence is a surrogate pair
  }
  return units;
}

// Where the phrase occurs in `text`, as [begin, end) pairs of UTF-16 offsets (the page marks
// them; it does not fold Vietnamese or Japanese itself).
QJsonArray Highlights(const std::string& text, const std::string& phrase) {
  QJsonArray spans;
  for (const auto& [begin, end] : FindPhrase(text, phrase)) {
    spans.append(QJsonArray{static_cast<qint64>(Utf16Offset(text, begin)),
                            static_cast<qint64>(Utf16Offset(text, end))});
  }
  return spans;
}

Result<LookupRequest> ParseLookup(const httplib::Request& req) {
  Result<std::string> from = TextParam(req, "from", true);
  if (!from.ok()) return from.status();
  Result<LanguageTag> from_tag = LanguageParam(*from, "from");
  if (!from_tag.ok()) return from_tag.status();
  Result<std::string> to = TextParam(req, "to", true);
  if (!to.ok()) return to.status();
  Result<std::vector<std::string>> to_tags = LanguageList(*to, "to");
  if (!to_tags.ok()) return to_tags.status();
  Result<std::string> q = TextParam(req, "q", true);
  if (!q.ok()) return q.status();
  if (Status s = CheckQueryText(*q, "q"); !s.ok()) return s;
  if (MatchKey(*q).empty()) return Status::Usage("the query is empty");
  Result<int> min = IntParam(req, "min", kDefaultMin, 0, 100);
  if (!min.ok()) return min.status();
  Result<int> limit = IntParam(req, "limit", kDefaultLookupLimit, 1, kMaxLimit);
  if (!limit.ok()) return limit.status();
  LookupRequest request;
  request.from = from_tag->str();
  request.to = *to_tags;
  request.query = Segment{*q, {}};
  request.min_score = *min;
  request.limit = *limit;
  if (Status s = ValidateLookup(request); !s.ok()) return s;
  return request;
}

Result<ConcordRequest> ParseConcord(const httplib::Request& req) {
  Result<std::string> lang = TextParam(req, "lang", true);
  if (!lang.ok()) return lang.status();
  Result<LanguageTag> tag = LanguageParam(*lang, "lang");
  if (!tag.ok()) return tag.status();
  Result<std::string> q = TextParam(req, "q", true);
  if (!q.ok()) return q.status();
  if (Status s = CheckQueryText(*q, "q"); !s.ok()) return s;
  Result<int> limit = IntParam(req, "limit", kDefaultConcordLimit, 1, kMaxLimit);
  if (!limit.ok()) return limit.status();
  ConcordRequest request;
  request.lang = tag->str();
  request.phrase = *q;
  request.limit = *limit;
  if (Status s = ValidateConcord(request); !s.ok()) return s;
  return request;
}

}  // namespace

void AddQueryRoutes(httplib::Server& server, ServerState& state) {
  server.Get("/api/lookup", Guarded([&state](const httplib::Request& req, httplib::Response& res) {
    Result<LookupRequest> request = ParseLookup(req);
    if (!request.ok()) return SendStatus(res, request.status());
    QJsonArray matches;
    const Status status = state.stores.Read([&](TmStore& store) {
      Result<std::vector<Match>> found = store.Lookup(*request);
      if (!found.ok()) return found.status();
      for (const Match& match : *found) matches.append(MatchJson(request->query.text, match));
      return Status::Ok();
    });
    if (!status.ok()) return SendStatus(res, status);
    SendJson(res, {{"matches", matches}});
  }));

  server.Get("/api/concord", Guarded([&state](const httplib::Request& req, httplib::Response& res) {
    Result<ConcordRequest> request = ParseConcord(req);
    if (!request.ok()) return SendStatus(res, request.status());
    QJsonArray hits;
    const Status status = state.stores.Read([&](TmStore& store) {
      Result<std::vector<ConcordHit>> found = store.Concord(*request);
      if (!found.ok()) return found.status();
      for (const ConcordHit& hit : *found) {
        QJsonObject object = ConcordHitJson(hit);
        object.insert("highlight", Highlights(hit.text.PlainText(), request->phrase));
        hits.append(object);
      }
      return Status::Ok();
    });
    if (!status.ok()) return SendStatus(res, status);
    SendJson(res, {{"hits", hits}});
  }));

  server.Get("/api/stats", Guarded([&state](const httplib::Request&, httplib::Response& res) {
    QJsonObject object;
    const Status status = state.stores.Read([&](TmStore& store) {
      Result<StoreStats> stats = store.Stats();
      if (!stats.ok()) return stats.status();
      object = StatsJson(*stats);
      return Status::Ok();
    });
    if (!status.ok()) return SendStatus(res, status);
    SendJson(res, object);
  }));
}

}  // namespace hashi::cli::serve
