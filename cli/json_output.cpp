#include "json_output.h"

#include <QJsonDocument>

#include "command.h"

namespace hashi::cli {

void PrintJsonLine(const QJsonObject& object) {
  QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
  line.append('\n');
  Print(line.toStdString());
}

QString FromUtf8(const std::string& s) {
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QJsonObject ToJsonObject(const std::map<std::string, int64_t>& counts) {
  QJsonObject object;
  for (const auto& [key, n] : counts) object.insert(FromUtf8(key), static_cast<qint64>(n));
  return object;
}

}  // namespace hashi::cli
