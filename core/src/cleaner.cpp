// The boilerplate cleaner: line patterns from a data file (format documented in
// data/boilerplate.txt), matched with ICU regexes against whole trimmed lines.
#include "hashi/cleaner.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "hashi/normalizer.h"

namespace hashi {

enum class LineKind { kDrop, kFooter, kContact };

struct CleaningRule {
  LineKind kind;
  std::unique_ptr<icu::RegexPattern> pattern;
};

struct CleaningRules {
  std::vector<CleaningRule> rules;
};

namespace {

constexpr std::string_view kSpaces = " \t\r\n\f\v";

// Trims ASCII white space and the no-break and ideographic spaces web pages pad lines with.
std::string_view TrimLine(std::string_view line) {
  static constexpr std::string_view kWide[] = {"\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x8B",
                                               "\xEF\xBB\xBF"};
  for (bool changed = true; changed && !line.empty();) {
    changed = false;
    const size_t b = line.find_first_not_of(kSpaces);
    const size_t e = line.find_last_not_of(kSpaces);
    if (b == std::string_view::npos) return {};
    line = line.substr(b, e - b + 1);
    for (std::string_view w : kWide) {
      if (line.substr(0, w.size()) == w) line.remove_prefix(w.size()), changed = true;
      if (line.size() >= w.size() && line.substr(line.size() - w.size()) == w) {
        line.remove_suffix(w.size());
        changed = true;
      }
    }
  }
  return line;
}

class PatternCleaner : public Cleaner {
 public:
  explicit PatternCleaner(CleaningRules rules) : rules_(std::move(rules)) {}

  std::string Clean(std::string_view page_text) const override {
    std::vector<std::string_view> lines = SplitLines(page_text);
    std::vector<std::unique_ptr<icu::RegexMatcher>> matchers;
    for (const CleaningRule& rule : rules_.rules) {
      UErrorCode status = U_ZERO_ERROR;
      matchers.emplace_back(rule.pattern->matcher(status));
    }
    auto kind_of = [&](std::string_view line) -> std::optional<LineKind> {
      // Matched in NFC, so NFD pages (and patterns) match too; lines are kept as written.
      const icu::UnicodeString text = icu::UnicodeString::fromUTF8(ToNfc(TrimLine(line)));
      for (size_t i = 0; i < matchers.size(); ++i) {
        UErrorCode status = U_ZERO_ERROR;
        matchers[i]->reset(text);
        if (matchers[i]->matches(status) && U_SUCCESS(status)) return rules_.rules[i].kind;
      }
      return std::nullopt;
    };
    std::vector<bool> keep(lines.size(), true);
    for (size_t i = 0; i < lines.size(); ++i) {
      if (TrimLine(lines[i]).empty()) continue;
      const std::optional<LineKind> kind = kind_of(lines[i]);
      if (kind == LineKind::kDrop) keep[i] = false;
      if (kind == LineKind::kFooter) i = DropFooter(lines, i, kind_of, keep);
    }
    return Join(lines, keep);
  }

 private:
  static std::vector<std::string_view> SplitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    for (size_t pos = 0;;) {
      const size_t end = text.find('\n', pos);
      lines.push_back(text.substr(pos, end == std::string_view::npos ? end : end - pos));
      if (end == std::string_view::npos) break;
      pos = end + 1;
    }
    return lines;
  }

  // From the footer heading at `first`, drops the lines that are blank or contact data (or
  // droppable anywhere); stops at the first other line. A heading with no contact line after
  // it is a word of the article ("お問い合わせ" as a section title) and stays. Returns the
  // last line looked at.
  template <typename KindOf>
  static size_t DropFooter(const std::vector<std::string_view>& lines, size_t first,
                           KindOf& kind_of, std::vector<bool>& keep) {
    size_t end = first + 1;
    bool contact = false;
    for (; end < lines.size(); ++end) {
      if (TrimLine(lines[end]).empty()) continue;
      const std::optional<LineKind> kind = kind_of(lines[end]);
      if (!kind.has_value() || kind == LineKind::kFooter) break;
      contact = contact || kind == LineKind::kContact;
    }
    if (!contact) return first;
    for (size_t i = first; i < end; ++i) keep[i] = false;
    return end - 1;
  }

  // Kept lines; runs of blank lines become one blank line, none at the start or end.
  static std::string Join(const std::vector<std::string_view>& lines,
                          const std::vector<bool>& keep) {
    std::string out;
    bool pending_blank = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!keep[i]) continue;
      if (TrimLine(lines[i]).empty()) {
        pending_blank = !out.empty();
        continue;
      }
      if (!out.empty()) out += pending_blank ? "\n\n" : "\n";
      pending_blank = false;
      out += lines[i];
    }
    if (!out.empty()) out += '\n';
    return out;
  }

  CleaningRules rules_;
};

}  // namespace

namespace {

// One line of a patterns file: nullopt for a blank or comment line, else its rule.
Result<std::optional<CleaningRule>> ParsePatternLine(std::string_view line, const Location& where) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos || line[start] == '#') return std::optional<CleaningRule>();
  const size_t gap = line.find_first_of(" \t", start);
  const std::string kind(line.substr(start, gap - start));
  const size_t regex_start = line.find_first_not_of(" \t", gap);
  static constexpr std::pair<std::string_view, LineKind> kKinds[] = {
      {"drop", LineKind::kDrop}, {"footer", LineKind::kFooter}, {"contact", LineKind::kContact}};
  const auto known = std::find_if(std::begin(kKinds), std::end(kKinds),
                                  [&](const auto& k) { return k.first == kind; });
  if (known == std::end(kKinds)) {
    return Status::InvalidInput(
        "unknown pattern kind '" + kind + "' (expected drop, footer or contact)", where);
  }
  if (gap == std::string_view::npos || regex_start == std::string_view::npos) {
    return Status::InvalidInput("pattern kind '" + kind + "' without a regex", where);
  }
  const std::string regex = ToNfc(line.substr(regex_start));  // NFD patterns match NFC lines
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse;
  std::unique_ptr<icu::RegexPattern> pattern(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(regex), UREGEX_CASE_INSENSITIVE, parse, status));
  if (U_FAILURE(status)) {
    Location at = where;
    at.column = static_cast<int64_t>(regex_start) + std::max(parse.offset, 0) + 1;
    return Status::InvalidInput(
        "/" + regex + "/ is not a valid ICU regular expression (" + u_errorName(status) + ")", at);
  }
  return std::optional<CleaningRule>(CleaningRule{known->second, std::move(pattern)});
}

}  // namespace

Result<std::unique_ptr<Cleaner>> MakeCleaner(std::string_view patterns_text,
                                             const std::string& file_name) {
  CleaningRules rules;
  int64_t line_number = 0;
  for (size_t pos = 0; pos <= patterns_text.size();) {
    const size_t end = std::min(patterns_text.find('\n', pos), patterns_text.size());
    Result<std::optional<CleaningRule>> rule =
        ParsePatternLine(patterns_text.substr(pos, end - pos), {file_name, ++line_number, 0});
    if (!rule.ok()) return rule.status();
    if (rule->has_value()) rules.rules.push_back(std::move(**rule));
    pos = end + 1;
  }
  return std::unique_ptr<Cleaner>(new PatternCleaner(std::move(rules)));
}

}  // namespace hashi
