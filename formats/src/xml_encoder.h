// Encoding XML text from UTF-8 into a document's own encoding, for writing a document back the
// way it came. Private to hashi_formats.
#ifndef HASHI_FORMATS_XML_ENCODER_H_
#define HASHI_FORMATS_XML_ENCODER_H_

#include <string>
#include <string_view>

#include "hashi/status.h"

namespace hashi::formats {

// `utf8` in `encoding` (an ICU converter name: "UTF-16LE", "windows-1252", ...). A character
// the encoding cannot represent is written as an XML character reference (&#xHHHH;), so the
// result must only go where references are allowed (text and attribute values). "UTF-8"
// returns the input. Fails (kInvalidInput) for an encoding ICU does not know.
Result<std::string> EncodeXml(std::string_view utf8, const std::string& encoding);

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_XML_ENCODER_H_
