// Streaming conversion of a document from any encoding ICU has a converter for into UTF-8, so the
// XML parser only ever sees UTF-8. Private to hashi_formats; keeps ICU out of every other file.
#ifndef HASHI_FORMATS_UTF8_TRANSCODER_H_
#define HASHI_FORMATS_UTF8_TRANSCODER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "hashi/status.h"

struct UConverter;  // ICU, unicode/ucnv.h

namespace hashi::formats {

// Converts one document, chunk by chunk (a character split across chunks is handled). Strict:
// bytes that are not valid in the source encoding are an error, never replaced. Not thread-safe.
class Utf8Transcoder {
 public:
  // A transcoder from `encoding` (an ICU converter name or alias, e.g. "UTF-16LE",
  // "windows-1252", "us-ascii"). Fails with kInvalidInput `unknown encoding "X"` if ICU has no
  // converter of that name.
  static Result<std::unique_ptr<Utf8Transcoder>> Open(const std::string& encoding);
  ~Utf8Transcoder();
  Utf8Transcoder(const Utf8Transcoder&) = delete;
  Utf8Transcoder& operator=(const Utf8Transcoder&) = delete;

  // Appends the UTF-8 for `input`, the next bytes of the document, to `out`. `last` says no input
  // follows: an incomplete character at the end is then an error. On invalid input, returns
  // kInvalidInput whose Location has the line and column (1-based, in characters of the converted
  // text) of the bad character and no file name.
  Status Convert(std::string_view input, bool last, std::string& out);

  // ICU's canonical name of the source encoding (e.g. "UTF-8", "ibm-5348_P100-1997").
  std::string canonical_name() const;

 private:
  Utf8Transcoder(UConverter* source, UConverter* utf8, std::string name);
  // Advance line_ and column_ over converted text (UTF-8 output, or UTF-16 in the pivot).
  void Count(std::string_view produced);
  void Count(std::u16string_view pending);
  Status InvalidInputError() const;

  static constexpr int kPivotSize = 4096;
  UConverter* source_;
  UConverter* utf8_;
  std::string name_;  // as the document named it
  std::unique_ptr<char16_t[]> pivot_;
  char16_t* pivot_source_;
  char16_t* pivot_target_;
  bool reset_ = true;
  int64_t line_ = 1;
  int64_t column_ = 1;
};

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_UTF8_TRANSCODER_H_
