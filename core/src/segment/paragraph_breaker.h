// Decides where one paragraph (UTF-16, line breaks kept) breaks into sentences: candidates after
// sentence-final punctuation, ICU's sentence breaks as the default, SRX rules over both, bracket
// and quote nesting, and the line-break heuristic. Private to hashi_core.
#ifndef HASHI_CORE_SRC_SEGMENT_PARAGRAPH_BREAKER_H_
#define HASHI_CORE_SRC_SEGMENT_PARAGRAPH_BREAKER_H_

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

#include "segment/srx_matcher.h"

namespace hashi::segment {

// Not thread-safe: uses the ICU iterator and matcher it is given, and reuses its buffers.
class ParagraphBreaker {
 public:
  // `icu` (required) and `rules` (may be null: ICU alone) must outlive the breaker.
  ParagraphBreaker(icu::BreakIterator* icu, SrxMatcher* rules) : icu_(icu), rules_(rules) {}

  // Break positions p with 0 < p < text.length(), ascending. A break sits right after the
  // punctuation (and closing quotes) that ends a sentence; the caller trims white space.
  // `icu_text` is `text` with its line terminators replaced by spaces (same length): ICU sees
  // the paragraph as running text, since to it a line break is a paragraph end, and line ends
  // are decided here. The result is valid until the next call.
  const std::vector<int32_t>& Breaks(const icu::UnicodeString& text, const char16_t* icu_text);

 private:
  struct Candidate {
    int32_t pos = 0;           // where the break would be
    int32_t terminal_end = 0;  // end of the terminal punctuation run (before closers)
    int32_t window_end = 0;    // end of the closers and spaces after it, as ICU groups them
    bool icu_break = false;    // ICU breaks inside (terminal_end, window_end]
  };
  struct Line {
    int32_t begin = 0;
    int32_t content_end = 0;  // end without trailing white space
    int8_t decision = -1;     // -1 undecided, 0 no break, 1 break at content_end
  };

  struct Pair {  // a matched pair of brackets or quotes
    int32_t open = 0;
    int32_t close = 0;
  };
  struct Open {
    int32_t pos = 0;
    char16_t close = 0;  // the closer it waits for
  };

  void RunIcu(const char16_t* icu_text, int32_t length);
  void Scan(const char16_t* text, int32_t length);
  int32_t AddCandidate(const char16_t* text, int32_t length, int32_t start);
  void ClosePair(char16_t closer, int32_t pos);
  void ClaimIcuBreaks(const char16_t* text);
  bool Decide(const Candidate& candidate, size_t line, bool nested);
  bool DecideLineEnd(const char16_t* text, size_t line, bool nested);

  icu::BreakIterator* icu_;
  SrxMatcher* rules_;
  std::vector<int32_t> icu_breaks_;
  std::vector<Line> lines_;
  std::vector<Candidate> candidates_;
  std::vector<Pair> pairs_;  // sorted by `open` after Scan()
  std::vector<Open> open_;
  std::vector<int32_t> breaks_;
};

// The heuristic for a line break no punctuation or rule decides: does it separate two whole
// sentences (a heading and what follows it) or split one sentence (a wrapped web paragraph)?
// `line` and `next` are the two lines without surrounding white space.
bool LineBreakHeuristic(std::u16string_view line, std::u16string_view next);

}  // namespace hashi::segment

#endif  // HASHI_CORE_SRC_SEGMENT_PARAGRAPH_BREAKER_H_
