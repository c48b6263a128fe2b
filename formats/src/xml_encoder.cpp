#include "xml_encoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/unistr.h>

#include <limits>
#include <memory>

#include "encoding_sniffer.h"

namespace hashi::formats {
namespace {

struct CloseConverter {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

}  // namespace

Result<std::string> EncodeXml(std::string_view utf8, const std::string& encoding) {
  if (IsUtf8Name(encoding)) return std::string(utf8);
  if (utf8.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max() / 2)) {
    return Status::InvalidInput("document too large to re-encode");
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, CloseConverter> converter(ucnv_open(encoding.c_str(), &status));
  if (U_FAILURE(status)) return Status::InvalidInput("unknown encoding \"" + encoding + "\"");
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_ESCAPE, UCNV_ESCAPE_XML_HEX, nullptr,
                        nullptr, &status);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // Preflight: character references make the length hard to bound beforehand.
  const int32_t length =
      ucnv_fromUChars(converter.get(), nullptr, 0, text.getBuffer(), text.length(), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) status = U_ZERO_ERROR;
  std::string out(static_cast<size_t>(length), '\0');
  const int32_t written = ucnv_fromUChars(converter.get(), out.data(), length, text.getBuffer(),
                                          text.length(), &status);
  if (status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("cannot encode as ") + encoding + ": " +
                            u_errorName(status));
  }
  out.resize(static_cast<size_t>(written));
  return out;
}

}  // namespace hashi::formats
