#include "segment/paragraph_breaker.h"

#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <functional>
#include <queue>

#include "segment/text_classes.h"

namespace hashi::segment {
namespace {

// Past these lengths (in code points) a line that runs on into the next is taken for a wrapped
// paragraph rather than a heading: headings are short, wrapped web lines are long.
constexpr int32_t kLongLine = 60;
constexpr int32_t kLongCaselessLine = 20;  // CJK packs about twice the content per character
// How deep in the stack of open brackets a closer looks for its partner: an unmatched opener
// (a list item "a)" the other way round, a smiley) must not swallow the rest of the paragraph.
constexpr size_t kMaxPairSearch = 4;

// Punctuation a sentence does not end with, so a line ending in it runs on.
bool IsContinuation(UChar32 c) {
  switch (c) {
    case u',':
    case u';':
    case u'-':
    case u'/':
    case u'&':
    case 0x2013:
    case 0x2014:
    case 0x3001:
    case 0xFF0C:
    case 0xFF1B:  // – — 、 ， ；
      return true;
    default: {
      const int8_t type = u_charType(c);
      return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
    }
  }
}

// Words a sentence does not end with (English and Vietnamese function words, Japanese case
// particles): a line ending in one runs on into the next, capital letter or not.
bool EndsWithRunOnWord(std::u16string_view line) {
  static constexpr std::u16string_view kWords[] = {
      u"a",    u"an",    u"the",  u"of",   u"in",  u"on",    u"at",   u"to",  u"for",
      u"with", u"by",    u"from", u"and",  u"or",  u"as",    u"that", u"its", u"their",
      u"của",  u"và",    u"tại",  u"ở",    u"các", u"những", u"cho",  u"với", u"về",
      u"từ",   u"trong", u"là",   u"được", u"đã",  u"sẽ"};
  size_t start = line.size();
  while (start > 0 && SentenceClass(line[start - 1]) == U_SB_LOWER) --start;
  if (start > 0 && SentenceClass(line[start - 1]) != U_SB_SP) return false;
  const std::u16string_view word = line.substr(start);
  for (std::u16string_view w : kWords) {
    if (word == w) return true;
  }
  return false;
}

bool IsJapaneseParticle(UChar32 c) {
  switch (c) {
    case u'は':
    case u'が':
    case u'を':
    case u'に':
    case u'で':
    case u'と':
    case u'も':
    case u'へ':
    case u'や':
      return true;
    default:
      return false;
  }
}

std::u16string_view Trim(std::u16string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

}  // namespace

bool LineBreakHeuristic(std::u16string_view line, std::u16string_view next) {
  if (line.empty() || next.empty()) return true;
  UChar32 last = 0;
  int32_t i = static_cast<int32_t>(line.size());
  U16_PREV(line.data(), 0, i, last);
  if (IsContinuation(last) || IsJapaneseParticle(last) || EndsWithRunOnWord(line)) return false;
  UChar32 first = 0;
  for (int32_t j = 0; j < static_cast<int32_t>(next.size());) {
    U16_NEXT(next.data(), j, static_cast<int32_t>(next.size()), first);
    if (SentenceClass(first) != U_SB_CLOSE) break;  // skip opening quotes and brackets
  }
  const int first_class = SentenceClass(first);
  if (first_class == U_SB_LOWER) return false;  // "... among the highest\nrates in ..."
  const int32_t length = u_countChar32(line.data(), static_cast<int32_t>(line.size()));
  if (first_class == U_SB_OLETTER) {  // a script without case: only the end of `line` tells
    return !(IsHiragana(last) && length > kLongCaselessLine);
  }
  return !(length > kLongLine && SentenceClass(last) == U_SB_LOWER);
}

// Counts, for positions asked in increasing order, the matched pairs around a position
// (open < p <= close): a candidate inside a quotation or brackets does not end a sentence.
class DepthCursor {
 public:
  template <typename Pairs>
  explicit DepthCursor(const Pairs& by_open) {
    for (const auto& pair : by_open) pairs_.emplace_back(pair.open, pair.close);
  }
  bool Inside(int32_t p) {
    while (next_ < pairs_.size() && pairs_[next_].first < p) closes_.push(pairs_[next_++].second);
    while (!closes_.empty() && closes_.top() < p) closes_.pop();
    return !closes_.empty();
  }

 private:
  std::vector<std::pair<int32_t, int32_t>> pairs_;
  size_t next_ = 0;
  std::priority_queue<int32_t, std::vector<int32_t>, std::greater<>> closes_;
};

const std::vector<int32_t>& ParagraphBreaker::Breaks(const icu::UnicodeString& text,
                                                     const char16_t* icu_text) {
  breaks_.clear();
  const int32_t n = text.length();
  if (n == 0) return breaks_;
  const char16_t* u = text.getBuffer();
  RunIcu(icu_text, n);
  Scan(u, n);
  ClaimIcuBreaks(u);
  if (rules_ != nullptr) rules_->Reset(text);

  DepthCursor depth(pairs_);
  const int32_t last_end = lines_.back().content_end;
  size_t line = 0;
  for (const Candidate& candidate : candidates_) {
    if (candidate.pos >= last_end) break;  // the paragraph end breaks anyway
    while (line + 1 < lines_.size() && lines_[line].content_end < candidate.pos) ++line;
    const bool decision = Decide(candidate, line, depth.Inside(candidate.pos));
    if (candidate.pos == lines_[line].content_end) {
      lines_[line].decision = decision ? 1 : 0;  // punctuation at a line end decides the line
    } else if (decision) {
      breaks_.push_back(candidate.pos);
    }
  }
  DepthCursor line_depth(pairs_);
  for (size_t l = 0; l + 1 < lines_.size(); ++l) {
    const bool nested = line_depth.Inside(lines_[l].content_end);
    if (lines_[l].decision < 0) lines_[l].decision = DecideLineEnd(u, l, nested) ? 1 : 0;
    if (lines_[l].decision == 1) breaks_.push_back(lines_[l].content_end);
  }
  std::sort(breaks_.begin(), breaks_.end());
  breaks_.erase(std::unique(breaks_.begin(), breaks_.end()), breaks_.end());
  return breaks_;
}

void ParagraphBreaker::RunIcu(const char16_t* icu_text, int32_t length) {
  icu_breaks_.clear();
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, icu_text, length, &status);
  icu_->setText(&ut, status);  // keeps a shallow clone of `ut`: icu_text must stay
  utext_close(&ut);
  if (U_FAILURE(status)) return;
  for (int32_t b = icu_->next(); b != icu::BreakIterator::DONE && b < length; b = icu_->next()) {
    icu_breaks_.push_back(b);
  }
}

// One pass over the paragraph: line ends, candidates after sentence-final punctuation, and
// matched bracket and quote pairs. Only pairs that close count, so a stray opener cannot
// suppress breaks to the end of the paragraph.
void ParagraphBreaker::Scan(const char16_t* u, int32_t n) {
  const uint8_t* flags = CharFlags();
  lines_.clear();
  candidates_.clear();
  pairs_.clear();
  open_.clear();
  int32_t line_begin = 0;
  auto end_line = [&](int32_t end) {
    int32_t content_end = end;
    while (content_end > line_begin && IsSpace(u[content_end - 1])) --content_end;
    lines_.push_back({line_begin, content_end, -1});
  };
  for (int32_t i = 0; i < n; ++i) {
    const uint8_t f = flags[u[i]];
    if (f == 0) continue;
    if (f & kLineEndFlag) {
      end_line(i);
      if (u[i] == u'\r' && i + 1 < n && u[i + 1] == u'\n') ++i;
      line_begin = i + 1;
    } else if (f & kTerminalFlag) {
      i = AddCandidate(u, n, i) - 1;      // the closers are scanned next, for pairing
    } else if (f & kStraightQuoteFlag) {  // opens after a space, else closes
      if (i == 0 || IsSpace(u[i - 1]) || ClosingPartner(u[i - 1]) != 0) {
        open_.push_back({i, u[i]});
      } else {
        ClosePair(u[i], i);
      }
    } else if (f & kOpenerFlag) {
      open_.push_back({i, ClosingPartner(u[i])});
    } else if (f & kCloserFlag) {
      ClosePair(u[i], i);
    }
  }
  end_line(n);
  std::sort(pairs_.begin(), pairs_.end(),
            [](const Pair& a, const Pair& b) { return a.open < b.open; });
}

// A candidate for the terminal punctuation run starting at `i`; returns the run's end.
int32_t ParagraphBreaker::AddCandidate(const char16_t* u, int32_t n, int32_t i) {
  const uint8_t* flags = CharFlags();
  Candidate candidate;
  int32_t j = i;
  while (j < n && (flags[u[j]] & kTerminalFlag)) ++j;
  candidate.terminal_end = j;
  while (j < n && (flags[u[j]] & kCloserFlag)) ++j;
  candidate.pos = j;
  // ICU keeps closers and spaces after the punctuation, and an opening quote or bracket after
  // them (all are Close to it), with the sentence before: it breaks after them.
  while (j < n && (IsSpace(u[j]) || SentenceClass(u[j]) == U_SB_CLOSE)) ++j;
  candidate.window_end = j;
  candidates_.push_back(candidate);
  return candidate.terminal_end;
}

void ParagraphBreaker::ClosePair(char16_t closer, int32_t pos) {
  for (size_t k = open_.size(); k > 0 && open_.size() - k < kMaxPairSearch; --k) {
    if (open_[k - 1].close != closer) continue;
    pairs_.push_back({open_[k - 1].pos, pos});
    open_.resize(k - 1);
    return;
  }
}

void ParagraphBreaker::ClaimIcuBreaks(const char16_t* u) {
  const size_t listed = candidates_.size();
  size_t k = 0;
  for (int32_t b : icu_breaks_) {
    while (k < listed && candidates_[k].window_end < b) ++k;
    if (k < listed && candidates_[k].terminal_end < b) {
      candidates_[k].icu_break = true;
      continue;
    }
    // ICU breaks for a reason not listed here (punctuation of another script): keep it.
    int32_t p = b;
    while (p > 0 && IsSpace(u[p - 1])) --p;
    if (p > 0) candidates_.push_back({p, p, b, true});
  }
  if (candidates_.size() > listed) {
    auto by_pos = [](const Candidate& a, const Candidate& b) { return a.pos < b.pos; };
    std::inplace_merge(candidates_.begin(), candidates_.begin() + listed, candidates_.end(),
                       by_pos);
  }
}

bool ParagraphBreaker::Decide(const Candidate& candidate, size_t line, bool nested) {
  if (nested) return false;  // inside a quotation or brackets
  if (rules_ != nullptr) {
    switch (rules_->At(candidate.pos, lines_[line].begin)) {
      case RuleDecision::kBreak:
        return true;
      case RuleDecision::kNoBreak:
        return false;
      case RuleDecision::kNone:
        break;
    }
  }
  return candidate.icu_break;
}

bool ParagraphBreaker::DecideLineEnd(const char16_t* u, size_t line, bool nested) {
  const Line& here = lines_[line];
  if (nested) return false;
  if (rules_ != nullptr) {
    switch (rules_->At(here.content_end, here.begin)) {
      case RuleDecision::kBreak:
        return true;
      case RuleDecision::kNoBreak:
        return false;
      case RuleDecision::kNone:
        break;
    }
  }
  const Line& next = lines_[line + 1];
  return LineBreakHeuristic(
      Trim(std::u16string_view(u + here.begin, here.content_end - here.begin)),
      Trim(std::u16string_view(u + next.begin, next.content_end - next.begin)));
}

}  // namespace hashi::segment
