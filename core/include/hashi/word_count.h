// Word counts for the analysis report: what an agency's price per word multiplies.
//
// English, Vietnamese and other languages written with spaces count *words*: the segments of
// ICU's word BreakIterator that hold a letter or a number (so punctuation, spaces and symbols
// are not words; "don't", "2019" and "U.S" are one word each; Vietnamese counts each syllable,
// as CAT tools do). Japanese and Chinese, written without spaces, count *characters*: code
// points that are letters, numbers or symbols (general categories L, N, S), so spaces,
// punctuation (。、「」・) and combining marks are not counted. Inline-code placeholders
// (see unit.h) are never counted.
#ifndef HASHI_WORD_COUNT_H_
#define HASHI_WORD_COUNT_H_

#include <cstdint>
#include <memory>
#include <string_view>

#include "hashi/language_tag.h"
#include "hashi/status.h"

namespace hashi {

enum class CountUnit { kWords, kCharacters };

// kCharacters for Japanese and Chinese (primary subtags ja, zh), kWords for every other tag.
CountUnit CountUnitFor(const LanguageTag& lang);
// "words" or "characters": the name the reports print.
std::string_view CountUnitName(CountUnit unit);

// Counts words or characters of UTF-8 text in one language. Not thread-safe (it keeps an ICU
// BreakIterator, which holds iteration state): make one per thread.
class WordCounter {
 public:
  virtual ~WordCounter() = default;
  // What Count() counts.
  virtual CountUnit unit() const = 0;
  // The number of words (or characters) in `utf8`. Invalid UTF-8 is read as U+FFFD.
  virtual int64_t Count(std::string_view utf8) = 0;
};

// A counter for `lang`. Fails (kInternal) only if ICU's break rules cannot be loaded.
Result<std::unique_ptr<WordCounter>> MakeWordCounter(const LanguageTag& lang);

}  // namespace hashi

#endif  // HASHI_WORD_COUNT_H_
