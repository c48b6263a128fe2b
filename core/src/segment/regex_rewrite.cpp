#include "segment/regex_rewrite.h"

#include <cstdlib>
#include <cstring>

namespace hashi::segment {

std::string BoundRepeats(const std::string& regex) {
  const std::string bound = "," + std::to_string(kMaxRepeat) + "}";
  std::string out;
  int class_depth = 0;
  bool after_atom = false;  // a quantifier here applies to something (else it is literal/syntax)
  for (size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\' && i + 1 < regex.size()) {
      out += regex.substr(i, 2);
      const char e = regex[++i];
      if (e == 'Q') {  // \Q...\E quotes literally
        const size_t end = regex.find("\\E", i);
        const size_t stop = end == std::string::npos ? regex.size() : end + 2;
        out += regex.substr(i + 1, stop - i - 1);
        i = stop - 1;
      } else if (std::strchr("pPxNkg", e) && i + 1 < regex.size() && regex[i + 1] == '{') {
        const size_t close = regex.find('}', i);
        const size_t stop = close == std::string::npos ? regex.size() : close + 1;
        out += regex.substr(i + 1, stop - i - 1);
        i = stop - 1;
      }
      after_atom = class_depth == 0;
      continue;
    }
    if (class_depth > 0) {
      out += c;
      if (c == '[') ++class_depth;
      if (c == ']') class_depth -= 1;
      after_atom = class_depth == 0;
      continue;
    }
    if (c == '[') {
      out += c;
      class_depth = 1;
      // A ']' first in the class (after an optional '^') is a literal.
      if (i + 1 < regex.size() && regex[i + 1] == '^') out += regex[++i];
      if (i + 1 < regex.size() && regex[i + 1] == ']') out += regex[++i];
      continue;
    }
    if ((c == '*' || c == '+') && after_atom) {
      out += c == '*' ? "{0" + bound : "{1" + bound;
      after_atom = false;  // a following + or ? is possessive/lazy, left as it is
      continue;
    }
    if (c == '{' && after_atom) {
      const size_t close = regex.find('}', i);
      if (close != std::string::npos) {
        std::string body = regex.substr(i + 1, close - i - 1);
        if (!body.empty() && body.back() == ',' &&
            body.find_first_not_of("0123456789,") == std::string::npos) {
          const int low = std::atoi(body.c_str());
          out += "{" + std::to_string(low) + "," + std::to_string(low + kMaxRepeat) + "}";
        } else {
          out += regex.substr(i, close - i + 1);
        }
        i = close;
        after_atom = false;
        continue;
      }
    }
    out += c;
    after_atom = !(c == '(' || c == '|' || c == '?' || c == '^');
    if (c == '?' && i > 0 && regex[i - 1] == '(') after_atom = false;
  }
  return out;
}

std::string EscapeStrayBraces(const std::string& regex) {
  std::string out;
  bool in_class = false, in_interval = false;
  for (size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\' && i + 1 < regex.size()) {
      out += regex.substr(i, 2);
      const char e = regex[++i];
      if (std::strchr("pPxNkg", e) && i + 1 < regex.size() && regex[i + 1] == '{') {
        const size_t close = regex.find('}', i);  // \p{...} and friends keep their braces
        const size_t stop = close == std::string::npos ? regex.size() : close + 1;
        out += regex.substr(i + 1, stop - i - 1);
        i = stop - 1;
      }
      continue;
    }
    if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '{') {
      in_interval = true;
    } else if (c == '}') {
      if (!in_interval) out += '\\';
      in_interval = false;
    }
    out += c;
  }
  return out;
}

}  // namespace hashi::segment
