// Article files as text: the checks every command that reads an article makes first.
#ifndef HASHI_CLI_ARTICLE_TEXT_H_
#define HASHI_CLI_ARTICLE_TEXT_H_

#include <string>

#include "hashi/status.h"

namespace hashi::cli {

// The bytes of the article file `name` as NFC UTF-8 with LF line ends (CRLF and CR made LF), the
// byte order mark dropped. Errors naming the file: UTF-16 (convert it first), binary data (a NUL
// byte), invalid UTF-8 (with line and column) unless `lossy`, which replaces invalid bytes with
// U+FFFD and warns on stderr.
Result<std::string> PrepareArticleText(std::string bytes, const std::string& name,
                                       bool lossy = false);

}  // namespace hashi::cli

#endif  // HASHI_CLI_ARTICLE_TEXT_H_
