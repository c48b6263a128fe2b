// GET /tmserver/SRC/TGT/unit/TEXT: the lookup protocol of translate-toolkit's tmserver
// (translate.services.tmserver), so that the tools speaking it can use hashi as their TM.
// tmserver answers a JSON list, best first, of at most 3 matches scoring 75 or more:
//   [{"source": .., "target": .., "context": .., "quality": 87.5}, ...]
// (json.dumps with indent 4, so non-ASCII as \uXXXX; an empty list when nothing matches).
// hashi answers the same fields, quality being hashi's score (lookup's, as a number with a
// fraction like tmserver's), plus "rank" as amaGama (a tmserver-compatible TM) sends it: the
// same similarity. TEXT arrives percent-decoded ('+' stays '+', as in a WSGI PATH_INFO).
#include <cstdio>

#include "hashi/matcher.h"
#include "hashi/normalizer.h"
#include "serve/http_json.h"
#include "serve/routes.h"

namespace hashi::cli::serve {
namespace {

constexpr int kMinSimilarity = 75;  // tmserver's --min-similarity default
constexpr int kMaxCandidates = 3;   // tmserver's --max-candidates default

// A JSON string as Python's json.dumps writes it (ensure_ascii): ASCII, the rest \uXXXX
// (UTF-16 surrogate pairs above U+FFFF).
std::string PythonJsonString(const std::string& utf8) {
  std::string out = "\"";
  char buffer[16];
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = c;
    size_t len = 1;
    if (c >= 0xF0) {
      cp = c & 0x07, len = 4;
    } else if (c >= 0xE0) {
      cp = c & 0x0F, len = 3;
    } else if (c >= 0xC0) {
      cp = c & 0x1F, len = 2;
    }
    for (size_t k = 1; k < len && i + k < utf8.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    i += len;
    if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp >= 0x20 && cp < 0x7F) {
      out += static_cast<char>(cp);
    } else if (cp < 0x10000) {
      std::snprintf(buffer, sizeof buffer, "\\u%04x", cp);
      out += buffer;
    } else {
      cp -= 0x10000;
      std::snprintf(buffer, sizeof buffer, "\\u%04x\\u%04x", 0xD800 + (cp >> 10),
                    0xDC00 + (cp & 0x3FF));
      out += buffer;
    }
  }
  return out + "\"";
}

// tmserver takes codes like pt_BR; BCP-47 wants pt-BR.
Result<LanguageTag> TmserverLanguage(std::string code, const char* name) {
  for (char& c : code) {
    if (c == '_') c = '-';
  }
  return LanguageParam(code, name);
}

std::string MatchesJson(const std::vector<Match>& matches, const std::string& target) {
  if (matches.empty()) return "[]";
  std::string out = "[";
  for (size_t i = 0; i < matches.size(); ++i) {
    const Match& m = matches[i];
    const auto t = m.targets.find(target);
    const std::string quality = std::to_string(m.score) + ".0";
    out += (i == 0 ? "\n    {\n" : ",\n    {\n");
    out += "        \"source\": " + PythonJsonString(m.source.PlainText()) + ",\n";
    out += "        \"target\": " +
           PythonJsonString(t == m.targets.end() ? "" : t->second.PlainText()) + ",\n";
    out += "        \"context\": \"\",\n";
    out += "        \"quality\": " + quality + ",\n";
    out += "        \"rank\": " + quality + "\n    }";
  }
  return out + "\n]";
}

}  // namespace

void AddTmserverRoutes(httplib::Server& server, ServerState& state) {
  server.Get(R"(/tmserver/([^/]+)/([^/]+)/unit/(.*))",
             Guarded([&state](const httplib::Request& req, httplib::Response& res) {
               Result<LanguageTag> from = TmserverLanguage(req.matches[1].str(), "SRC");
               if (!from.ok()) return SendStatus(res, from.status());
               Result<LanguageTag> to = TmserverLanguage(req.matches[2].str(), "TGT");
               if (!to.ok()) return SendStatus(res, to.status());
               const std::string text = req.matches[3].str();
               if (Status s = CheckQueryText(text, "TEXT"); !s.ok()) return SendStatus(res, s);
               std::vector<Match> matches;
               if (!MatchKey(text).empty()) {
                 LookupRequest request;
                 request.from = from->str();
                 request.to = {to->str()};
                 request.query = Segment{text, {}};
                 request.min_score = kMinSimilarity;
                 request.limit = kMaxCandidates;
                 request.require_all_targets = true;
                 const Status status = state.stores.Read([&](TmStore& store) {
                   Result<std::vector<Match>> found = store.Lookup(request);
                   if (!found.ok()) return found.status();
                   matches = std::move(*found);
                   return Status::Ok();
                 });
                 if (!status.ok()) return SendStatus(res, status);
               }
               res.set_content(MatchesJson(matches, to->str()), "text/plain; charset=utf-8");
             }));
}

}  // namespace hashi::cli::serve
