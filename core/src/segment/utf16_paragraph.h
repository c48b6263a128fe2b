// A paragraph of UTF-8 text decoded to UTF-16 for ICU, and the way back to byte offsets.
// Private to hashi_core.
#ifndef HASHI_CORE_SRC_SEGMENT_UTF16_PARAGRAPH_H_
#define HASHI_CORE_SRC_SEGMENT_UTF16_PARAGRAPH_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace hashi::segment {

// Reused from paragraph to paragraph: its buffers grow and are never cleared. Not thread-safe.
class Utf16Paragraph {
 public:
  // Decodes `bytes`, an invalid sequence as one U+FFFD (the maximal subpart, as ICU and
  // U8_NEXT do). `multiline`: the bytes hold a line break (then icu_text() differs).
  // REQUIRES: `bytes` outlives the following ToByte() calls.
  void Decode(std::string_view bytes, bool multiline);

  const char16_t* text() const { return text_.get(); }
  int32_t length() const { return length_; }
  // text() with line terminators replaced by spaces, the same length.
  const char16_t* icu_text() const { return multiline_ ? spaced_.get() : text_.get(); }

  // The byte offset in `bytes` of UTF-16 offset `u16`. REQUIRES: `u16` does not decrease
  // from call to call after Decode().
  size_t ToByte(int32_t u16);

 private:
  std::string_view bytes_;
  std::unique_ptr<char16_t[]> text_, spaced_;
  size_t capacity_ = 0;
  int32_t length_ = 0;
  bool multiline_ = false;
  bool ascii_ = true;     // UTF-16 offsets are byte offsets
  bool invalid_ = false;  // U+FFFD stands for 1 to 3 bytes: map by decoding again
  int32_t map_u16_ = 0;
  int32_t map_byte_ = 0;
};

}  // namespace hashi::segment

#endif  // HASHI_CORE_SRC_SEGMENT_UTF16_PARAGRAPH_H_
