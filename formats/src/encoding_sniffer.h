// Detects the character encoding of an XML document from its first bytes, as XML 1.0 (Fifth
// Edition) appendix F describes: a byte order mark, else the byte pattern of "<?xm" in UTF-16 or
// UTF-32, else the encoding named in the XML declaration, else UTF-8. Private to hashi_formats.
#ifndef HASHI_FORMATS_ENCODING_SNIFFER_H_
#define HASHI_FORMATS_ENCODING_SNIFFER_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace hashi::formats {

struct SniffedEncoding {
  // The encoding to decode with: "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", or the
  // name given in the XML declaration of an ASCII-compatible document (as written there).
  std::string name = "UTF-8";
  size_t bom_length = 0;    // bytes of byte order mark to skip before decoding
  bool from_bytes = false;  // true if a BOM or the byte pattern decided, not the declaration
};

// `head` holds the first bytes of the document (the whole XML declaration, if there is one).
SniffedEncoding SniffEncoding(std::string_view head);

// The value of encoding="..." in the XML declaration at the start of `head` (ASCII-compatible
// bytes), or "" if there is no declaration or it names no encoding.
std::string DeclaredEncoding(std::string_view head);

// True if `name` is a spelling of UTF-8 ("UTF-8", "utf8", ...), compared without case.
bool IsUtf8Name(std::string_view name);

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_ENCODING_SNIFFER_H_
