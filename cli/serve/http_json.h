// JSON in and out of `hashi serve`: responses, errors as {"error": MESSAGE} with an HTTP
// status, request bodies and query parameters checked before any work.
#ifndef HASHI_CLI_SERVE_HTTP_JSON_H_
#define HASHI_CLI_SERVE_HTTP_JSON_H_

#include <httplib.h>

#include <QJsonArray>
#include <QJsonObject>
#include <optional>
#include <string>
#include <vector>

#include "hashi/language_tag.h"
#include "hashi/status.h"

namespace hashi::cli::serve {

// HTTP statuses the API answers with besides 200.
inline constexpr int kBadRequest = 400;
inline constexpr int kUnauthorized = 401;
inline constexpr int kNotFound = 404;
inline constexpr int kPayloadTooLarge = 413;
inline constexpr int kInternalError = 500;

void SendJson(httplib::Response& res, const QJsonObject& object);
void SendError(httplib::Response& res, int http_status, const std::string& message);
// The HTTP status for a failed Status: usage and input errors 400, not found 404, else 500.
void SendStatus(httplib::Response& res, const Status& status);

// The request body as a JSON object (kInvalidInput naming what is wrong).
Result<QJsonObject> JsonBody(const httplib::Request& req);

// Query parameters. Missing required ones, malformed values and out-of-range numbers are
// kUsage errors naming the parameter.
Result<std::string> TextParam(const httplib::Request& req, const char* name, bool required);
Result<int> IntParam(const httplib::Request& req, const char* name, int fallback, int low,
                     int high);
Result<LanguageTag> LanguageParam(const std::string& value, const char* name);
// "en,vi" (or a JSON array in a body) as tags; at least one.
Result<std::vector<std::string>> LanguageList(const std::string& value, const char* name);

// A query or phrase as the API takes it: UTF-8, at most kMaxQueryChars characters.
Status CheckQueryText(const std::string& text, const char* name);

// A member of a JSON body: a string (kUsage if present but of another type).
Result<std::optional<std::string>> StringMember(const QJsonObject& object, const char* name);

}  // namespace hashi::cli::serve

#endif  // HASHI_CLI_SERVE_HTTP_JSON_H_
