#include "hashi/article.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace hashi {
namespace {

bool IsBlank(std::string_view line) {
  const auto length = static_cast<int32_t>(line.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(line.data(), i, length, c);
    if (c < 0 || !u_isUWhiteSpace(c)) return false;
  }
  return true;
}

// The end of the line starting at `start` (the offset of its CR or LF, or text.size()), and the
// offset where the next line starts.
std::pair<size_t, size_t> LineEnd(std::string_view text, size_t start) {
  const size_t end = std::min(text.find_first_of("\r\n", start), text.size());
  if (end == text.size()) return {end, end};
  if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') return {end, end + 2};
  return {end, end + 1};
}

void AddParagraph(std::string_view paragraph, Segmenter& segmenter, Article& article) {
  if (paragraph.empty()) return;
  std::vector<std::string> sentences = segmenter.Sentences(paragraph);
  if (!sentences.empty()) article.paragraphs.push_back(std::move(sentences));
}

}  // namespace

size_t Article::SentenceCount() const {
  size_t count = 0;
  for (const auto& paragraph : paragraphs) count += paragraph.size();
  return count;
}

Article SplitArticle(std::string_view text, Segmenter& segmenter) {
  Article article;
  size_t paragraph_start = 0;
  size_t line_start = 0;
  while (line_start < text.size()) {
    const auto [end, next] = LineEnd(text, line_start);
    if (IsBlank(text.substr(line_start, end - line_start))) {
      AddParagraph(text.substr(paragraph_start, line_start - paragraph_start), segmenter, article);
      paragraph_start = next;
    }
    line_start = next;
  }
  AddParagraph(text.substr(paragraph_start), segmenter, article);
  return article;
}

}  // namespace hashi
