// JSON Lines output for --json: one compact object per line on stdout.
#ifndef HASHI_CLI_JSON_OUTPUT_H_
#define HASHI_CLI_JSON_OUTPUT_H_

#include <QJsonObject>
#include <map>
#include <string>

namespace hashi::cli {

void PrintJsonLine(const QJsonObject& object);
QString FromUtf8(const std::string& s);
QJsonObject ToJsonObject(const std::map<std::string, int64_t>& counts);

}  // namespace hashi::cli

#endif  // HASHI_CLI_JSON_OUTPUT_H_
