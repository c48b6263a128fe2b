// Escaping text for XML 1.0 output: shared by the TMX writer and by the reader, which re-serializes
// inline codes as markup. Private to hashi_formats.
#ifndef HASHI_FORMATS_XML_ESCAPE_H_
#define HASHI_FORMATS_XML_ESCAPE_H_

#include <string>
#include <string_view>

namespace hashi::formats {

// Appends `utf8` to `out` as element content: & < > become entities and a carriage return becomes
// &#13; (a literal CR would be turned into a line feed by the next parser). Returns false if
// `utf8` holds a character XML 1.0 cannot represent (C0 controls other than tab, LF and CR;
// U+FFFE, U+FFFF); such characters are written as U+FFFD so the output stays well-formed.
bool AppendEscapedText(std::string& out, std::string_view utf8);

// As AppendEscapedText, for a value between double quotes: " is escaped too, and so are tab,
// line feed and carriage return (as &#9; &#10; &#13;), which attribute-value normalization would
// otherwise turn into spaces.
bool AppendEscapedAttribute(std::string& out, std::string_view utf8);

// Appends ` name="value"` with the value escaped. Returns what AppendEscapedAttribute returns.
bool AppendAttribute(std::string& out, std::string_view name, std::string_view value);

// The first character of `utf8` that XML 1.0 cannot represent, as "U+XXXX", or "" if none.
std::string FirstInvalidXmlChar(std::string_view utf8);

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_XML_ESCAPE_H_
