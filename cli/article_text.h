// Article files as text: the checks every command that reads an article makes first.
#ifndef HASHI_CLI_ARTICLE_TEXT_H_
#define HASHI_CLI_ARTICLE_TEXT_H_

#include <string>

#include "hashi/status.h"

namespace hashi::cli {

// The bytes of the article file `name` as NFC UTF-8 with LF line ends, the byte order mark
// dropped. Errors naming the file: UTF-16 (convert it first), binary data (a NUL byte), invalid
// UTF-8 (with line and column).
Result<std::string> PrepareArticleText(std::string bytes, const std::string& name);

}  // namespace hashi::cli

#endif  // HASHI_CLI_ARTICLE_TEXT_H_
