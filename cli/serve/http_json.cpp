#include "serve/http_json.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <charconv>

#include "command.h"
#include "hashi/normalizer.h"
#include "json_output.h"
#include "serve/serve_options.h"

namespace hashi::cli::serve {
namespace {

constexpr const char* kJsonType = "application/json; charset=utf-8";

// Characters (code points) of valid UTF-8: the bytes that do not continue a sequence.
size_t CodePoints(const std::string& utf8) {
  size_t n = 0;
  for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

void SendJson(httplib::Response& res, const QJsonObject& object) {
  const QByteArray body = QJsonDocument(object).toJson(QJsonDocument::Compact);
  res.set_content(body.constData(), static_cast<size_t>(body.size()), kJsonType);
}

void SendError(httplib::Response& res, int http_status, const std::string& message) {
  res.status = http_status;
  SendJson(res, {{"error", FromUtf8(message)}});
}

void SendStatus(httplib::Response& res, const Status& status) {
  int http_status = kInternalError;
  switch (status.code()) {
    case ErrorCode::kUsage:
    case ErrorCode::kInvalidInput:
      http_status = kBadRequest;
      break;
    case ErrorCode::kNotFound:
      http_status = kNotFound;
      break;
    default:
      break;
  }
  SendError(res, http_status, status.ToString());
}

Result<QJsonObject> JsonBody(const httplib::Request& req) {
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson(
      QByteArray(req.body.data(), static_cast<qsizetype>(req.body.size())), &error);
  if (error.error != QJsonParseError::NoError) {
    return Status::InvalidInput("the body is not JSON: " + ToUtf8(error.errorString()) +
                                " at byte " + std::to_string(error.offset + 1));
  }
  if (!doc.isObject()) return Status::InvalidInput("the body must be a JSON object");
  return doc.object();
}

Result<std::string> TextParam(const httplib::Request& req, const char* name, bool required) {
  if (!req.has_param(name)) {
    if (required) return Status::Usage(std::string("the parameter '") + name + "' is required");
    return std::string();
  }
  return req.get_param_value(name);
}

Result<int> IntParam(const httplib::Request& req, const char* name, int fallback, int low,
                     int high) {
  if (!req.has_param(name)) return fallback;
  const std::string value = req.get_param_value(name);
  int number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size() || number < low ||
      number > high) {
    return Status::Usage(std::string("'") + name + "' takes a whole number from " +
                         std::to_string(low) + " to " + std::to_string(high) + ", not '" +
                         value + "'");
  }
  return number;
}

Result<LanguageTag> LanguageParam(const std::string& value, const char* name) {
  if (value.empty()) return Status::Usage(std::string("'") + name + "' needs a language tag");
  Result<LanguageTag> tag = LanguageTag::Parse(value);
  if (!tag.ok()) return Status::Usage(std::string("'") + name + "': " + tag.status().message());
  return tag;
}

Result<std::vector<std::string>> LanguageList(const std::string& value, const char* name) {
  std::vector<std::string> tags;
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find(',', start);
    if (end == std::string::npos) end = value.size();
    std::string part = value.substr(start, end - start);
    const size_t first = part.find_first_not_of(' ');
    part = first == std::string::npos ? "" : part.substr(first, part.find_last_not_of(' ') + 1 - first);
    if (!part.empty()) {
      Result<LanguageTag> tag = LanguageParam(part, name);
      if (!tag.ok()) return tag.status();
      tags.push_back(tag->str());
    }
    start = end + 1;
  }
  if (tags.empty()) return Status::Usage(std::string("'") + name + "' needs a language tag");
  return tags;
}

Status CheckQueryText(const std::string& text, const char* name) {
  if (FindInvalidUtf8(text) != std::string::npos) {
    return Status::InvalidInput(std::string("'") + name + "' is not UTF-8");
  }
  if (CodePoints(text) > static_cast<size_t>(kMaxQueryChars)) {
    return Status::InvalidInput(std::string("'") + name + "' is longer than " +
                                std::to_string(kMaxQueryChars) + " characters");
  }
  return Status::Ok();
}

Result<std::optional<std::string>> StringMember(const QJsonObject& object, const char* name) {
  const QJsonValue value = object.value(QString::fromLatin1(name));
  if (value.isUndefined() || value.isNull()) return std::optional<std::string>();
  if (!value.isString()) return Status::Usage(std::string("'") + name + "' must be a string");
  return std::optional<std::string>(ToUtf8(value.toString()));
}

}  // namespace hashi::cli::serve
