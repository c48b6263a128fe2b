#include "article_text.h"

#include <algorithm>
#include <string_view>

#include <QString>

#include "command.h"
#include "hashi/normalizer.h"

namespace hashi::cli {
namespace {

Location LocationOf(const std::string& file, std::string_view bytes, size_t offset) {
  const std::string_view before = bytes.substr(0, offset);
  const size_t last_newline = before.rfind('\n');
  return {file, static_cast<int64_t>(std::count(before.begin(), before.end(), '\n')) + 1,
          static_cast<int64_t>(last_newline == std::string_view::npos ? offset + 1
                                                                      : offset - last_newline)};
}

}  // namespace

Result<std::string> PrepareArticleText(std::string bytes, const std::string& name, bool lossy) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return Status::InvalidInput(
        "UTF-16 text (it starts with a UTF-16 byte order mark); convert it to UTF-8 first", {name});
  }
  if (const size_t nul = bytes.find('\0'); nul != std::string::npos) {
    return Status::InvalidInput(
        "binary file, not text (NUL byte at byte offset " + std::to_string(nul) + ")", {name});
  }
  const size_t skipped = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::string_view text = std::string_view(bytes).substr(skipped);
  std::string repaired;
  if (const size_t bad = FindInvalidUtf8(text); bad != std::string::npos) {
    const std::string offset = std::to_string(bad + skipped);
    if (!lossy) {
      return Status::InvalidInput(
          "invalid UTF-8 at byte offset " + offset + " (--lossy replaces invalid bytes with U+FFFD)",
          LocationOf(name, bytes, bad + skipped));
    }
    repaired = QString::fromUtf8(text.data(), qsizetype(text.size())).toStdString();
    text = repaired;
    PrintError("hashi: " + name + ": warning: invalid UTF-8 (first at byte offset " + offset +
               ") replaced with U+FFFD\n");
  }
  std::string lf;  // CRLF and CR as LF
  lf.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      lf += text[i];
    } else if (i + 1 == text.size() || text[i + 1] != '\n') {
      lf += '\n';
    }
  }
  return ToNfc(lf);
}

}  // namespace hashi::cli
