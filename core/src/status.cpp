#include "hashi/status.h"

namespace hashi {

Status Status::WithFile(const std::string& file) const {
  Status copy = *this;
  if (copy.location_.file.empty()) copy.location_.file = file;
  return copy;
}

Status Status::WithContext(const std::string& prefix) const {
  Status copy = *this;
  if (!ok()) copy.message_ = prefix + ": " + message_;
  return copy;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out;
  if (!location_.file.empty()) {
    out += location_.file;
    if (location_.line > 0) {
      out += ":" + std::to_string(location_.line);
      if (location_.column > 0) out += ":" + std::to_string(location_.column);
    }
    out += ": ";
  }
  return out + message_;
}

}  // namespace hashi
