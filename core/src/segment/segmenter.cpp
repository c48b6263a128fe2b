// MakeSegmenter: UTF-8 in, paragraphs found on the bytes, each paragraph decided in UTF-16 by a
// ParagraphBreaker, break positions mapped back to UTF-8 byte offsets.
#include "hashi/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstring>

#include "hashi/normalizer.h"
#include "segment/paragraph_breaker.h"
#include "segment/srx_matcher.h"
#include "segment/text_classes.h"
#include "segment/utf16_paragraph.h"

namespace hashi {
namespace {

using segment::IsSpace;

// True if the line holds only white space (as IsSpace defines it).
bool IsBlank(std::string_view line) {
  const auto* s = reinterpret_cast<const uint8_t*>(line.data());
  const int32_t n = static_cast<int32_t>(line.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || c > 0xFFFF || !IsSpace(static_cast<char16_t>(c))) return false;
  }
  return true;
}

// Calls emit(begin, end, multiline) for each paragraph of `text`: a run of non-blank lines.
// Lines end in LF, CRLF or CR.
template <typename Emit>
void ForEachParagraph(std::string_view text, Emit emit) {
  const char* s = text.data();
  const size_t n = text.size();
  const bool has_cr = std::memchr(s, '\r', n) != nullptr;
  size_t para_begin = std::string_view::npos, para_end = 0;
  bool multiline = false;
  for (size_t pos = 0; pos <= n;) {
    size_t end;
    if (has_cr) {
      end = pos;
      while (end < n && s[end] != '\n' && s[end] != '\r') ++end;
    } else {
      const void* nl = std::memchr(s + pos, '\n', n - pos);
      end = nl == nullptr ? n : static_cast<size_t>(static_cast<const char*>(nl) - s);
    }
    if (IsBlank(text.substr(pos, end - pos))) {
      if (para_begin != std::string_view::npos) emit(para_begin, para_end, multiline);
      para_begin = std::string_view::npos;
    } else {
      multiline = para_begin != std::string_view::npos;
      if (!multiline) para_begin = pos;
      para_end = end;
    }
    if (end == n) break;
    pos = end + (s[end] == '\r' && end + 1 < n && s[end + 1] == '\n' ? 2 : 1);
  }
  if (para_begin != std::string_view::npos) emit(para_begin, para_end, multiline);
}

// Replaces each line break inside a sentence, with the spaces and tabs around it, by one space.
std::string JoinLines(std::string_view sentence) {
  if (sentence.find_first_of("\r\n") == std::string_view::npos) return std::string(sentence);
  std::string out;
  out.reserve(sentence.size());
  for (size_t i = 0; i < sentence.size(); ++i) {
    const char c = sentence[i];
    if (c != '\n' && c != '\r') {
      out += c;
      continue;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    if (out.size() >= 2 && out.compare(out.size() - 2, 2, "\xC2\xA0") == 0)
      out.resize(out.size() - 2);
    while (i + 1 < sentence.size() &&
           std::string_view(" \t\r\n").find(sentence[i + 1]) != std::string_view::npos) {
      ++i;
    }
    out += ' ';
  }
  return out;
}

class IcuSegmenter : public Segmenter {
 public:
  IcuSegmenter(std::unique_ptr<icu::BreakIterator> icu, std::unique_ptr<segment::SrxMatcher> rules)
      : icu_(std::move(icu)), rules_(std::move(rules)), breaker_(icu_.get(), rules_.get()) {}

  std::vector<ByteRange> Split(std::string_view text) override {
    std::vector<ByteRange> ranges;
    ForEachParagraph(text, [&](size_t begin, size_t end, bool multiline) {
      paragraph_.Decode(text.substr(begin, end - begin), multiline);
      const char16_t* u = paragraph_.text();
      const icu::UnicodeString paragraph(false, u, paragraph_.length());
      const std::vector<int32_t>& breaks = breaker_.Breaks(paragraph, paragraph_.icu_text());
      int32_t start = 0;
      for (size_t k = 0; k <= breaks.size(); ++k) {
        const int32_t stop = k < breaks.size() ? breaks[k] : paragraph.length();
        int32_t b = start, e = stop;
        while (b < e && IsSpace(u[b])) ++b;
        while (e > b && IsSpace(u[e - 1])) --e;
        if (b < e) ranges.push_back({begin + paragraph_.ToByte(b), begin + paragraph_.ToByte(e)});
        start = stop;
      }
    });
    return ranges;
  }

  std::vector<std::string> Sentences(std::string_view text) override {
    const std::string nfc = ToNfc(text);
    std::vector<std::string> sentences;
    for (const ByteRange& r : Split(nfc)) {
      sentences.push_back(JoinLines(std::string_view(nfc).substr(r.begin, r.end - r.begin)));
    }
    return sentences;
  }

 private:
  std::unique_ptr<icu::BreakIterator> icu_;
  std::unique_ptr<segment::SrxMatcher> rules_;
  segment::ParagraphBreaker breaker_;
  segment::Utf16Paragraph paragraph_;
};

}  // namespace

Result<std::unique_ptr<Segmenter>> MakeSegmenter(const LanguageTag& lang, const SrxRules* srx) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> icu(
      icu::BreakIterator::createSentenceInstance(icu::Locale(lang.str().c_str()), status));
  if (U_FAILURE(status) || !icu) {
    return Status::Internal(std::string("ICU sentence break iterator: ") + u_errorName(status));
  }
  std::unique_ptr<segment::SrxMatcher> rules;
  if (srx != nullptr) {
    std::vector<segment::RuleRef> refs;
    for (const SrxLanguageRules* set : SelectSrxRules(*srx, lang)) {
      for (size_t i = 0; i < set->rules.size(); ++i) {
        refs.push_back({&set->rules[i], set->name, static_cast<int>(i + 1)});
      }
    }
    if (!refs.empty()) {
      Result<std::unique_ptr<segment::SrxMatcher>> compiled =
          segment::SrxMatcher::Compile(refs, srx->file);
      if (!compiled.ok()) return compiled.status();
      rules = std::move(*compiled);
    }
  }
  return std::unique_ptr<Segmenter>(new IcuSegmenter(std::move(icu), std::move(rules)));
}

}  // namespace hashi
