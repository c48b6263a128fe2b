// A recursive-descent reader of ICU regex syntax, only as far as RegexSummary needs.
#include <unicode/utf16.h>

#include <algorithm>
#include <string_view>

#include "segment/regex_piece.h"

namespace hashi::segment {
namespace {

bool IsAsciiLetter(char16_t c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }
bool IsUpper(char16_t c) { return c >= u'A' && c <= u'Z'; }

// The UnicodeSet body of ICU's shorthand classes \d \s \w \h (upper case negates), or null.
const char16_t* ShorthandClass(char16_t e) {
  switch (e) {
    case u'd':
    case u'D':
      return u"\\p{Nd}";
    case u's':
    case u'S':
      return u"\\p{White_Space}";
    case u'w':
    case u'W':
      return u"\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u200C\\u200D";
    case u'h':
    case u'H':
      return u"\\t\\p{Zs}";
    default:
      return nullptr;
  }
}

// The character of \t \n \r \f \e \a, or 0.
char16_t ControlEscape(char16_t e) {
  const std::u16string_view letters = u"tnrfea";
  const std::u16string_view chars = u"\t\n\r\f\x1B\x07";
  const size_t i = letters.find(e);
  return i == std::u16string_view::npos ? 0 : chars[i];
}

// A one-character piece of the set `pattern` (UnicodeSet syntax); any character if ICU cannot
// read it (always safe).
Piece SetPiece(const std::u16string& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(icu::UnicodeString(pattern.data(), static_cast<int32_t>(pattern.size())),
                      status);
  return CharPiece(U_SUCCESS(status) ? set : AnyChar());
}

class Parser {
 public:
  explicit Parser(const std::u16string& regex) : s_(regex) {}

  std::optional<Piece> Run() {
    Piece p = ParseAlternation();
    if (failed_ || i_ != s_.size()) return std::nullopt;
    return p;
  }

 private:
  bool AtEnd() const { return i_ >= s_.size(); }
  char16_t Peek() const { return AtEnd() ? 0 : s_[i_]; }
  bool Accept(std::u16string_view text) {
    if (s_.compare(i_, text.size(), text) != 0) return false;
    i_ += text.size();
    return true;
  }

  Piece ParseAlternation() {
    Piece p = ParseSequence();
    while (!failed_ && Accept(u"|")) p = Alt(p, ParseSequence());
    return p;
  }

  Piece ParseSequence() {
    Piece p = ZeroWidth();
    bool empty = true;
    while (!failed_ && !AtEnd() && Peek() != u'|' && Peek() != u')') {
      Piece atom = ParseQuantifier(ParseAtom());
      p = empty ? atom : Seq(p, atom);
      empty = false;
    }
    return p;
  }

  Piece ParseQuantifier(Piece atom) {
    int32_t min = 1, max = 1;
    if (Accept(u"*")) {
      min = 0, max = -1;
    } else if (Accept(u"+")) {
      max = -1;
    } else if (Accept(u"?")) {
      min = 0;
    } else if (Peek() == u'{') {
      const size_t close = s_.find(u'}', i_);
      if (close == std::u16string::npos) return Fail();
      const std::u16string body = s_.substr(i_ + 1, close - i_ - 1);
      const size_t comma = body.find(u',');
      min = Number(body.substr(0, comma));
      max = comma == std::u16string::npos ? min
            : body.size() == comma + 1    ? -1
                                          : Number(body.substr(comma + 1));
      i_ = close + 1;
    } else {
      return atom;
    }
    if (Peek() == u'?' || Peek() == u'+') ++i_;  // lazy or possessive: same language
    return min < 0 ? Fail() : Repeat(atom, min, max);
  }

  int32_t Number(const std::u16string& digits) {
    if (digits.empty() || digits.size() > 6) return -1;
    int32_t n = 0;
    for (char16_t c : digits) {
      if (c < u'0' || c > u'9') return -1;
      n = n * 10 + (c - u'0');
    }
    return n;
  }

  Piece Fail() {
    failed_ = true;
    return Piece();
  }

  Piece ParseAtom() {
    const char16_t c = s_[i_++];
    switch (c) {
      case u'(':
        return ParseGroup();
      case u'[':
        return ParseClass();
      case u'\\':
        return ParseEscape();
      case u'.':
        return CharPiece(AnyChar());
      case u'^':
        return ZeroWidth(true);
      case u'$':
        return ZeroWidth();
      default:
        break;
    }
    UChar32 cp = c;
    if (U16_IS_LEAD(c) && !AtEnd() && U16_IS_TRAIL(Peek())) cp = U16_GET_SUPPLEMENTARY(c, s_[i_++]);
    return CharPiece(icu::UnicodeSet(cp, cp));
  }

  Piece ParseGroup() {
    bool zero_width = false;
    if (Accept(u"?")) {
      if (Accept(u"#")) {
        const size_t close = s_.find(u')', i_);
        if (close == std::u16string::npos) return Fail();
        i_ = close + 1;
        return ZeroWidth();
      }
      if (Accept(u"=") || Accept(u"!") || Accept(u"<=") || Accept(u"<!")) {
        zero_width = true;
      } else if (Accept(u":") || Accept(u">")) {
      } else if (Peek() == u'<') {  // (?<name>...)
        const size_t close = s_.find(u'>', i_);
        if (close == std::u16string::npos) return Fail();
        i_ = close + 1;
      } else {  // flags: (?m) (?s:...) are harmless; i and x change what matches
        bool on = true;
        while (!AtEnd() && Peek() != u':' && Peek() != u')') {
          const char16_t f = s_[i_++];
          if (f == u'-') on = false;
          if (on && (f == u'i' || f == u'x')) return Fail();
        }
        if (Accept(u")")) return ZeroWidth();
        ++i_;  // ':'
      }
    }
    Piece inner = ParseAlternation();
    if (!Accept(u")")) return Fail();
    return zero_width ? ZeroWidth() : inner;
  }

  // A [...] class, its escapes rewritten into UnicodeSet syntax; set operators this does not
  // translate (&& --) make the class "any character", which is always safe.
  Piece ParseClass() {
    std::u16string pattern = u"[";
    int depth = 1;
    bool any = false;
    if (Peek() == u'^') pattern += s_[i_++];
    if (Peek() == u']') pattern += u"\\]", ++i_;
    while (!AtEnd() && depth > 0) {
      const char16_t c = s_[i_++];
      if (c == u'\\' && !AtEnd()) {
        any = !AppendClassEscape(s_[i_++], pattern) || any;
        continue;
      }
      if ((c == u'&' || c == u'-') && Peek() == c) any = true;
      if (c == u'[') ++depth;
      if (c == u']') --depth;
      pattern += c;
    }
    if (depth > 0) return Fail();
    return any ? CharPiece(AnyChar()) : SetPiece(pattern);
  }

  // Appends escape `e` of a class in UnicodeSet syntax; false if it is one this does not know.
  bool AppendClassEscape(char16_t e, std::u16string& pattern) {
    if (const char16_t* body = ShorthandClass(e)) {
      pattern += IsUpper(e) ? u"[^" + std::u16string(body) + u"]" : std::u16string(body);
      return true;
    }
    pattern += u'\\';
    pattern += e;
    if (std::u16string_view(u"pPxN").find(e) != std::u16string_view::npos) {
      pattern += ReadBraces();
      return !failed_;
    }
    return !IsAsciiLetter(e) || std::u16string_view(u"utnrf").find(e) != std::u16string_view::npos;
  }

  // "{...}" at the cursor (as after \p \x \N), or "" if there is none.
  std::u16string ReadBraces() {
    if (Peek() != u'{') return u"";
    const size_t close = s_.find(u'}', i_);
    if (close == std::u16string::npos) {
      failed_ = true;
      return u"";
    }
    const std::u16string braces = s_.substr(i_, close - i_ + 1);
    i_ = close + 1;
    return braces;
  }

  Piece ParseEscape() {
    if (AtEnd()) return Fail();
    const char16_t e = s_[i_++];
    if (const char16_t* body = ShorthandClass(e)) {
      Piece p = SetPiece(u"[" + std::u16string(body) + u"]");
      if (IsUpper(e)) {
        icu::UnicodeSet negated = p.first;
        p = CharPiece(negated.complement());
      }
      return p;
    }
    if (std::u16string_view(u"bBAzZG").find(e) != std::u16string_view::npos) {
      return ZeroWidth(e == u'A');
    }
    if (e == u'Q') return ParseQuoted();
    if (std::u16string_view(u"pPxN").find(e) != std::u16string_view::npos) {
      std::u16string pattern = u"[\\";
      pattern += e;
      std::u16string braces = ReadBraces();
      if (braces.empty() && e == u'x') {
        braces = s_.substr(i_, 2);
        i_ = std::min(i_ + 2, s_.size());
      } else if (braces.empty() && !AtEnd()) {
        braces = s_.substr(i_++, 1);
      }
      return SetPiece(pattern + braces + u"]");
    }
    if (const char16_t c = ControlEscape(e)) return CharPiece(icu::UnicodeSet(c, c));
    // Back references, octal, \u \U \c \v \R \X...: not worth knowing; give up on the regex.
    if (IsAsciiLetter(e) || (e >= u'0' && e <= u'9')) return Fail();
    return CharPiece(icu::UnicodeSet(e, e));  // an escaped metacharacter: itself
  }

  // \Q...\E: the characters between, literally.
  Piece ParseQuoted() {
    const size_t end = s_.find(u"\\E", i_);
    const size_t stop = end == std::u16string::npos ? s_.size() : end;
    Piece p = ZeroWidth();
    for (size_t k = i_; k < stop; ++k) p = Seq(p, CharPiece(icu::UnicodeSet(s_[k], s_[k])));
    i_ = end == std::u16string::npos ? stop : stop + 2;
    return p;
  }

  const std::u16string& s_;
  size_t i_ = 0;
  bool failed_ = false;
};

}  // namespace

std::optional<Piece> ParseRegex(const std::u16string& regex) { return Parser(regex).Run(); }

}  // namespace hashi::segment
