#include "segment/utf16_paragraph.h"

#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "segment/text_classes.h"

namespace hashi::segment {

void Utf16Paragraph::Decode(std::string_view bytes, bool multiline) {
  bytes_ = bytes;
  map_u16_ = map_byte_ = 0;
  if (bytes.size() > capacity_) {  // UTF-16 never has more units than UTF-8 has bytes
    capacity_ = bytes.size() + bytes.size() / 2;
    text_.reset(new char16_t[capacity_]);  // not zero-filled: decoding writes it
    spaced_.reset(new char16_t[capacity_]);
  }
  int32_t substitutions = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(text_.get(), static_cast<int32_t>(capacity_), &length_, bytes.data(),
                       static_cast<int32_t>(bytes.size()), 0xFFFD, &substitutions, &status);
  invalid_ = U_FAILURE(status) || substitutions > 0;
  if (invalid_) {  // decode as ToByte() walks back, so both agree on every U+FFFD
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const int32_t n = static_cast<int32_t>(bytes.size());
    length_ = 0;
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      U16_APPEND_UNSAFE(text_.get(), length_, c < 0 ? 0xFFFD : c);
    }
  }
  ascii_ = !invalid_ && static_cast<size_t>(length_) == bytes.size();
  multiline_ = multiline;
  if (multiline_) {
    for (int32_t i = 0; i < length_; ++i) {
      const char16_t c = text_[i];
      spaced_[i] = IsLineTerminator(c) ? u' ' : c;
    }
  }
}

size_t Utf16Paragraph::ToByte(int32_t u16) {
  if (ascii_) return static_cast<size_t>(u16);
  if (!invalid_) {  // valid UTF-8: a unit's byte count follows from the unit itself
    const char16_t* text = text_.get();
    int32_t bytes = map_byte_;
    for (int32_t i = map_u16_; i < u16; ++i) {
      const char16_t c = text[i];
      // 1 below U+0080, 2 below U+0800, 3 above, and 2 per surrogate (4 per pair).
      bytes += 1 + (c >= 0x80) + (c >= 0x800) - U16_IS_SURROGATE(c);
    }
    map_byte_ = bytes;
    map_u16_ = u16 > map_u16_ ? u16 : map_u16_;
    return static_cast<size_t>(map_byte_);
  }
  const auto* s = reinterpret_cast<const uint8_t*>(bytes_.data());
  const int32_t n = static_cast<int32_t>(bytes_.size());
  while (map_u16_ < u16 && map_byte_ < n) {
    UChar32 c;
    U8_NEXT(s, map_byte_, n, c);
    map_u16_ += c > 0xFFFF ? 2 : 1;
  }
  return static_cast<size_t>(map_byte_);
}

}  // namespace hashi::segment
