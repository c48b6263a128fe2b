#include "segment/srx_matcher.h"

#include <unicode/utf16.h>

#include "segment/regex_rewrite.h"

namespace hashi::segment {
namespace {

// ^ and $ match at line ends: our paragraphs keep their line breaks (list blocks), and SRX
// rules such as "^\s*[0-9]+\." are written for one item per line.
constexpr uint32_t kRuleFlags = UREGEX_MULTILINE;

constexpr int32_t kWindow = 2 * kMaxRepeat;

// How a rule runs. Normally as one regex `(?=after)(?<=before)` tried with lookingAt(). ICU
// refuses look-behinds of unbounded length even after BoundRepeats (back-references, \X): then
// `before` runs forwards as `(?:before)\z` over the text cut at the position (kWindow code
// units back), and `after` as `(?=after)` at the position.
struct Forms {
  std::string before, after;    // the regexes as ICU runs them (see IcuRegex)
  icu::UnicodeString combined;  // (?=after)(?<=before), or (?=after) in window mode
  icu::UnicodeString window;    // (?:before)\z in window mode, else empty
};

std::string Describe(const RuleRef& ref) {
  return "rule " + std::to_string(ref.index) + " of language rule '" + ref.rules_name +
         "' (break=\"" + (ref.rule->is_break ? "yes" : "no") + "\")";
}

Status RuleError(const RuleRef& ref, const std::string& file, const std::string& what,
                 const std::string& regex, UErrorCode code, const UParseError& parse) {
  std::string message = Describe(ref) + ": " + what + " /" + regex + "/ is not a valid ICU " +
                        "regular expression (" + u_errorName(code);
  if (parse.offset >= 0) message += " at offset " + std::to_string(parse.offset);
  return Status::InvalidInput(message + ")", Location{file, ref.rule->line, 0});
}

std::unique_ptr<icu::RegexPattern> CompileRegex(const icu::UnicodeString& regex, uint32_t flags,
                                                UErrorCode& status, UParseError& parse) {
  parse = UParseError();
  parse.offset = -1;
  std::unique_ptr<icu::RegexPattern> pattern(
      icu::RegexPattern::compile(regex, flags, parse, status));
  if (U_FAILURE(status)) pattern.reset();
  return pattern;
}

icu::UnicodeString Utf16(const std::string& utf8) { return icu::UnicodeString::fromUTF8(utf8); }

icu::UnicodeString Wrap(const char16_t* open, const std::string& regex, const char16_t* close) {
  icu::UnicodeString out(open);
  return out.append(Utf16(regex)).append(icu::UnicodeString(close));
}

std::u16string ToU16(const icu::UnicodeString& s) {
  return std::u16string(s.getBuffer(), static_cast<size_t>(s.length()));
}

// `regex` as ICU will run it: as written if ICU compiles it, else with the Java habits ICU
// rejects rewritten (see regex_rewrite.h); else the error of the regex as written.
Result<std::string> IcuRegex(const RuleRef& ref, const std::string& file, const char* what,
                             const std::string& regex) {
  UErrorCode first_error = U_ZERO_ERROR;
  UParseError first_parse;
  const std::string escaped = EscapeStrayBraces(regex);
  for (const std::string& form : {regex, escaped, BoundRepeats(regex), BoundRepeats(escaped)}) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    if (CompileRegex(Utf16(form), kRuleFlags, status, parse)) return form;
    if (U_SUCCESS(first_error)) first_error = status, first_parse = parse;
  }
  return RuleError(ref, file, what, regex, first_error, first_parse);
}

// Checks both regexes alone (for a clear message), then builds the forms the rule runs in.
Result<Forms> BuildForms(const RuleRef& ref, const std::string& file) {
  Result<std::string> before = IcuRegex(ref, file, "beforebreak", ref.rule->before);
  if (!before.ok()) return before.status();
  Result<std::string> after = IcuRegex(ref, file, "afterbreak", ref.rule->after);
  if (!after.ok()) return after.status();
  Forms forms;
  forms.before = *before;
  forms.after = *after;
  icu::UnicodeString ahead;
  if (!forms.after.empty()) ahead = Wrap(u"(?=", forms.after, u")");
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse;
  for (const std::string& form : {forms.before, BoundRepeats(forms.before)}) {
    forms.combined = ahead;
    if (!form.empty()) forms.combined.append(Wrap(u"(?<=", form, u")"));
    status = U_ZERO_ERROR;
    if (CompileRegex(forms.combined, kRuleFlags, status, parse)) return forms;
    if (status != U_REGEX_LOOK_BEHIND_LIMIT) break;
  }
  forms.combined = ahead;
  forms.window = Wrap(u"(?:", forms.before, u")\\z");
  status = U_ZERO_ERROR;
  if (CompileRegex(forms.window, kRuleFlags, status, parse)) return forms;
  return RuleError(ref, file, "beforebreak", ref.rule->before, status, parse);
}

}  // namespace

Status CheckRule(const RuleRef& ref, const std::string& file) {
  Result<Forms> forms = BuildForms(ref, file);
  return forms.ok() ? Status::Ok() : forms.status();
}

Result<std::unique_ptr<SrxMatcher>> SrxMatcher::Compile(const std::vector<RuleRef>& refs,
                                                        const std::string& file) {
  auto matcher = std::make_unique<SrxMatcher>();
  for (const RuleRef& ref : refs) {
    Result<Forms> forms = BuildForms(ref, file);
    if (!forms.ok()) return forms.status();
    Rule rule;
    rule.is_break = ref.rule->is_break;
    rule.before = Summarize(ToU16(Utf16(forms->before)));
    rule.after = Summarize(ToU16(Utf16(forms->after)));
    if (rule.before.suffixes) rule.endings = SuffixSet(*rule.before.suffixes);
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    rule.pattern = CompileRegex(forms->combined, kRuleFlags, status, parse);
    if (!forms->window.isEmpty()) {
      rule.window_pattern = CompileRegex(forms->window, kRuleFlags, status, parse);
      if (rule.window_pattern) rule.window_matcher.reset(rule.window_pattern->matcher(status));
    }
    if (rule.pattern) rule.matcher.reset(rule.pattern->matcher(status));
    if (U_FAILURE(status)) return Status::Internal("cannot compile SRX rules of " + file);
    matcher->rules_.push_back(std::move(rule));
  }
  return matcher;
}

void SrxMatcher::Reset(const icu::UnicodeString& text) {
  text_object_ = &text;
  text_ = text.getBuffer();
  length_ = text.length();
  ++generation_;
}

bool SrxMatcher::MayMatch(const Rule& rule, int32_t pos, int32_t line_begin) const {
  return MayEndAt(rule.before, rule.before.suffixes ? &rule.endings : nullptr, text_, pos,
                  line_begin) &&
         MayStartAt(rule.after, text_, length_, pos);
}

uint64_t SrxMatcher::Mask(UChar32 c, bool before) {
  // c == -1 stands for "no character" (the text start or end).
  MaskEntry& entry = mask_cache_[(before ? 256 : 0) + (static_cast<uint32_t>(c) & 0xFF)];
  if (entry.c == c) return entry.mask;
  uint64_t mask = 0;
  for (size_t r = 0; r < rules_.size(); ++r) {
    const RegexSummary& s = before ? rules_[r].before : rules_[r].after;
    const bool admits =
        !s.known || s.nullable || (c >= 0 && (before ? s.last : s.first).contains(c));
    if (admits) mask |= uint64_t{1} << r;
  }
  entry = {c, mask};
  return mask;
}

RuleDecision SrxMatcher::Run(Rule& rule, int32_t pos) {
  if (rule.text_generation != generation_) {
    rule.matcher->reset(*text_object_);
    rule.text_generation = generation_;
  }
  UErrorCode status = U_ZERO_ERROR;
  if (!rule.matcher->lookingAt(pos, status) || U_FAILURE(status)) return RuleDecision::kNone;
  if (rule.window_matcher) {
    // The text ends at `pos`, so \z anchors there; transparent bounds let \b and look-arounds
    // see before the window, and without anchoring bounds ^ matches only at real line starts.
    const icu::UnicodeString head(false, text_, pos);
    rule.window_matcher->reset(head);
    rule.window_matcher->region(pos > kWindow ? pos - kWindow : 0, pos, status);
    rule.window_matcher->useTransparentBounds(true);
    rule.window_matcher->useAnchoringBounds(false);
    if (!rule.window_matcher->find(status) || U_FAILURE(status)) return RuleDecision::kNone;
  }
  return rule.is_break ? RuleDecision::kBreak : RuleDecision::kNoBreak;
}

RuleDecision SrxMatcher::At(int32_t pos, int32_t line_begin) {
  if (rules_.size() > 64) {
    for (Rule& rule : rules_) {
      if (!MayMatch(rule, pos, line_begin)) continue;
      if (RuleDecision d = Run(rule, pos); d != RuleDecision::kNone) return d;
    }
    return RuleDecision::kNone;
  }
  if (mask_cache_.empty()) mask_cache_.resize(512);
  UChar32 before = -1, after = -1;
  if (pos > 0) {
    int32_t i = pos;
    U16_PREV(text_, 0, i, before);
  }
  if (pos < length_) {
    int32_t i = pos;
    U16_NEXT(text_, i, length_, after);
  }
  for (uint64_t mask = Mask(before, true) & Mask(after, false); mask != 0; mask &= mask - 1) {
    Rule& rule = rules_[static_cast<size_t>(__builtin_ctzll(mask))];
    if (!MayMatch(rule, pos, line_begin)) continue;
    if (RuleDecision d = Run(rule, pos); d != RuleDecision::kNone) return d;
  }
  return RuleDecision::kNone;
}

}  // namespace hashi::segment
