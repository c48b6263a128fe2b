#include "align/tokens.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace hashi::align {
namespace {

bool IsConnector(char32_t c) {
  switch (c) {
    case '.': case '-': case '@': case '/': case ':': case '_': case '~': case '%': case '?':
    case '=': case '&': case '#': case '+':
      return true;
    default:
      return false;
  }
}

bool IsWordChar(char32_t c) { return IsLatinLetter(c) || IsAsciiDigit(c); }

// A connector belongs to a word when a letter or digit follows it, or it starts the "//" of a
// URL ("https://", "a.org//b"), so that URLs and e-mail addresses stay one token.
bool ConnectorContinues(std::u32string_view text, size_t i) {
  if (i + 1 >= text.size()) return false;
  if (IsWordChar(text[i + 1])) return true;
  return (text[i] == ':' || text[i] == '/') && text[i + 1] == '/' && i + 2 < text.size() &&
         (IsWordChar(text[i + 2]) || text[i + 2] == '/');
}

size_t NumeralEnd(std::u32string_view text, size_t i) {
  while (i < text.size()) {
    if (IsAsciiDigit(text[i])) {
      ++i;
    } else if ((text[i] == '.' || text[i] == ',') && i + 1 < text.size() &&
               IsAsciiDigit(text[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

size_t WordEnd(std::u32string_view text, size_t i) {
  while (i < text.size()) {
    if (IsWordChar(text[i])) {
      ++i;
    } else if (IsConnector(text[i]) && ConnectorContinues(text, i)) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

std::u32string FoldWidth(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(utf8.data(), i, length, c);
    if (c < 0) c = 0xFFFD;
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c == 0x3000 || c == 0x00A0) c = ' ';
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsLatinLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c >= 0x1EA0 && c <= 0x1EF9) return true;           // Vietnamese: ạ ả ấ ... ỹ
  if (c >= 0x0300 && c <= 0x036F) return true;           // combining marks (NFD input)
  if (c >= 0x00C0 && c <= 0x024F) return c != 0xD7 && c != 0xF7;  // Latin-1 .. Extended-B
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  if (U_FAILURE(status)) return false;
  if (script == USCRIPT_LATIN) return u_isalpha(static_cast<UChar32>(c));
  return script == USCRIPT_INHERITED && u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

bool IsCjk(char32_t c) {
  if (c < 0x2E80) return false;
  if (c >= 0x3000 && c <= 0x30FF) return true;  // CJK punctuation, hiragana, katakana
  if (c >= 0xFF61 && c <= 0xFF9F) return true;  // half-width katakana
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_SUCCESS(status) && (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
                               script == USCRIPT_KATAKANA);
}

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::vector<Token> Tokenize(std::u32string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const char32_t c = text[i];
    size_t end = i + 1;
    TokenType type = TokenType::kPunct;
    if (IsSpace(c) || u_isUWhiteSpace(static_cast<UChar32>(c))) {
      while (end < text.size() && (IsSpace(text[end]) || u_isUWhiteSpace(text[end]))) ++end;
      tokens.push_back({TokenType::kSpace, U" "});
      i = end;
      continue;
    }
    if (IsAsciiDigit(c)) {
      type = TokenType::kNumeral;
      end = NumeralEnd(text, i);
    } else if (IsLatinLetter(c)) {
      type = TokenType::kWord;
      end = WordEnd(text, i);
    } else if (IsCjk(c)) {
      type = TokenType::kCjk;
    }
    tokens.push_back({type, text.substr(i, end - i)});
    i = end;
  }
  return tokens;
}

std::string ToUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char32_t c : text) {
    char buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, 4, static_cast<UChar32>(c), error);
    if (!error) out.append(buffer, static_cast<size_t>(length));
  }
  return out;
}

std::u32string AsciiLower(std::u32string_view text) {
  std::u32string out(text);
  for (char32_t& c : out) {
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
  }
  return out;
}

}  // namespace hashi::align
