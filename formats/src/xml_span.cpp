#include "xml_span.h"

#include <algorithm>

namespace hashi::formats {
namespace {

// The offset just past `terminator` searched from `from`, or text.size().
size_t PastTerminator(std::string_view text, size_t from, std::string_view terminator) {
  const size_t at = text.find(terminator, from);
  return at == std::string_view::npos ? text.size() : at + terminator.size();
}

// The offset just past the '>' of the tag starting at `start`, quoted values skipped.
size_t PastTag(std::string_view text, size_t start) {
  char quote = 0;
  for (size_t i = start + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return text.size();
}

// Past the markup (comment, CDATA, PI, tag) starting at `start` ('<'); sets `depth_change`.
size_t PastMarkup(std::string_view text, size_t start, int& depth_change) {
  depth_change = 0;
  const std::string_view rest = text.substr(start);
  if (rest.starts_with("<!--")) return PastTerminator(text, start + 4, "-->");
  if (rest.starts_with("<![CDATA[")) return PastTerminator(text, start + 9, "]]>");
  if (rest.starts_with("<?")) return PastTerminator(text, start + 2, "?>");
  const size_t end = PastTag(text, start);
  if (rest.starts_with("</")) {
    depth_change = -1;
  } else if (end < 2 || text[end - 2] != '/') {
    depth_change = 1;
  }
  return end;
}

}  // namespace

ElementSpans FindElementSpans(std::string_view text, size_t start) {
  ElementSpans spans;
  spans.start_tag = {start, PastTag(text, start)};
  spans.end_tag = {spans.start_tag.end, spans.start_tag.end};
  if (text[spans.start_tag.end - 1] == '>' && text[spans.start_tag.end - 2] == '/') return spans;
  int depth = 1;
  size_t i = spans.start_tag.end;
  while (i < text.size()) {
    const size_t open = text.find('<', i);
    if (open == std::string_view::npos) break;
    int change = 0;
    i = PastMarkup(text, open, change);
    depth += change;
    if (depth == 0) {
      spans.end_tag = {open, i};
      return spans;
    }
  }
  spans.end_tag = {text.size(), text.size()};  // not reached for a well-formed document
  return spans;
}

namespace {

// The column of byte `offset` in the line starting at `line_start`: characters, not bytes.
int64_t ColumnAt(std::string_view text, size_t line_start, size_t offset) {
  int64_t column = 1;
  for (size_t i = line_start; i < offset; ++i) column += (text[i] & 0xC0) != 0x80;
  return column;
}

}  // namespace

Location LocationAt(std::string_view text, size_t offset, const std::string& file) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const size_t last_newline = before.rfind('\n');
  const size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  const auto line = static_cast<int64_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  return {file, line, ColumnAt(text, line_start, offset)};
}

LineStarts::LineStarts(std::string_view text) : text_(text), starts_{0} {
  for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    starts_.push_back(i + 1);
  }
}

Location LineStarts::At(size_t offset, const std::string& file) const {
  offset = std::min(offset, text_.size());
  // The last line start at or before the offset.
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const size_t line = static_cast<size_t>(after - starts_.begin());
  return {file, static_cast<int64_t>(line), ColumnAt(text_, starts_[line - 1], offset)};
}

}  // namespace hashi::formats
