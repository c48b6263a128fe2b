// An article as pre-translation and analysis see it: paragraphs of sentences, in order.
#ifndef HASHI_ARTICLE_H_
#define HASHI_ARTICLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "hashi/segmenter.h"

namespace hashi {

struct Article {
  std::vector<std::vector<std::string>> paragraphs;  // each a list of NFC sentences, none empty
  // The number of sentences in all paragraphs.
  size_t SentenceCount() const;
};

// Splits `text` at blank lines (lines holding only white space, no-break spaces included; lines
// end in LF, CRLF or CR) into paragraphs, and each paragraph into sentences with `segmenter`
// (Segmenter::Sentences). Paragraphs without a sentence are left out, so an empty or blank text
// gives an article with no paragraphs. Cleaning (hashi/cleaner.h) is the caller's: before this.
Article SplitArticle(std::string_view text, Segmenter& segmenter);

}  // namespace hashi

#endif  // HASHI_ARTICLE_H_
