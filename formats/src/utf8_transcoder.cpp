#include "utf8_transcoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <cstdio>

namespace hashi::formats {
namespace {

// Both directions stop at the first bad character instead of substituting one: a document that
// does not decode must fail to import, not import with replacement characters in it.
bool SetStopCallbacks(UConverter* converter) {
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return U_SUCCESS(status);
}

UConverter* OpenStrict(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name, &status);
  if (U_FAILURE(status)) return nullptr;
  if (!SetStopCallbacks(converter)) {
    ucnv_close(converter);
    return nullptr;
  }
  return converter;
}

}  // namespace

Result<std::unique_ptr<Utf8Transcoder>> Utf8Transcoder::Open(const std::string& encoding) {
  UConverter* source = encoding.empty() ? nullptr : OpenStrict(encoding.c_str());
  if (source == nullptr) return Status::InvalidInput("unknown encoding \"" + encoding + "\"");
  UConverter* utf8 = OpenStrict("UTF-8");
  if (utf8 == nullptr) {
    ucnv_close(source);
    return Status::Internal("ICU has no UTF-8 converter");
  }
  return std::unique_ptr<Utf8Transcoder>(new Utf8Transcoder(source, utf8, encoding));
}

Utf8Transcoder::Utf8Transcoder(UConverter* source, UConverter* utf8, std::string name)
    : source_(source),
      utf8_(utf8),
      name_(std::move(name)),
      pivot_(new char16_t[kPivotSize]),
      pivot_source_(pivot_.get()),
      pivot_target_(pivot_.get()) {}

Utf8Transcoder::~Utf8Transcoder() {
  ucnv_close(source_);
  ucnv_close(utf8_);
}

std::string Utf8Transcoder::canonical_name() const {
  UErrorCode status = U_ZERO_ERROR;
  const char* name = ucnv_getName(source_, &status);
  return U_SUCCESS(status) && name != nullptr ? name : name_;
}

Status Utf8Transcoder::Convert(std::string_view input, bool last, std::string& out) {
  const char* source = input.data();
  const char* const source_limit = input.data() + input.size();
  size_t written = out.size();
  for (;;) {
    // UTF-8 needs at most 3 bytes per UTF-16 unit, and a source byte yields at most one unit.
    out.resize(written + std::max<size_t>(3 * static_cast<size_t>(source_limit - source), 1024));
    char* target = out.data() + written;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_convertEx(utf8_, source_, &target, out.data() + out.size(), &source, source_limit,
                   pivot_.get(), &pivot_source_, &pivot_target_, pivot_.get() + kPivotSize, reset_,
                   last, &status);
    reset_ = false;
    const size_t produced_end = static_cast<size_t>(target - out.data());
    Count(std::string_view(out).substr(written, produced_end - written));
    written = produced_end;
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    out.resize(written);
    if (U_FAILURE(status)) {
      // Text converted up to the bad character may still sit in the pivot buffer.
      Count(std::u16string_view(pivot_source_, static_cast<size_t>(pivot_target_ - pivot_source_)));
      return InvalidInputError();
    }
    return Status::Ok();
  }
}

void Utf8Transcoder::Count(std::u16string_view pending) {
  for (const char16_t c : pending) {
    if (c == u'\n') {
      ++line_;
      column_ = 1;
    } else if (c < 0xDC00 || c > 0xDFFF) {
      ++column_;
    }
  }
}

void Utf8Transcoder::Count(std::string_view produced) {
  for (const char c : produced) {
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;
    }
  }
}

Status Utf8Transcoder::InvalidInputError() const {
  char bytes[32];
  int8_t length = sizeof bytes;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_getInvalidChars(source_, bytes, &length, &status);
  std::string message;
  if (U_SUCCESS(status) && length > 0) {
    message = "bytes not valid in encoding " + name_ + ":";
    for (int i = 0; i < length; ++i) {
      char hex[8];
      std::snprintf(hex, sizeof hex, " 0x%02X", static_cast<unsigned char>(bytes[i]));
      message += hex;
    }
  } else {
    message =
        "text not valid in encoding " + name_ + " (unpaired surrogate or truncated character)";
  }
  return Status::InvalidInput(message, {"", line_, column_});
}

}  // namespace hashi::formats
