#include "align/anchors.h"

#include "align/anchor_reader.h"
#include "align/tokens.h"

namespace hashi::align {
namespace {

bool Contains(std::u32string_view set, char32_t c) { return set.find(c) != std::u32string_view::npos; }

bool IsQuote(char32_t c) {
  return c == '"' || c == U'“' || c == U'”' || c == U'«' || c == U'»' ||
         (c >= U'「' && c <= U'』');
}

bool IsBracket(char32_t c) {
  return c == '(' || c == ')' || c == '[' || c == ']' || c == U'【' || c == U'】' ||
         c == U'〔' || c == U'〕';
}

// Marks that translators keep: quotation marks and brackets (in whatever script's form), a
// question, and a sentence without final punctuation (a title, a heading, a list item).
void AddPunctuation(const std::u32string& text, std::vector<Anchor>& out) {
  static const std::u32string kFinal = U".!?。…;:)]」』”\"’'】〕";
  bool quote = false;
  bool bracket = false;
  for (const char32_t c : text) {
    quote = quote || IsQuote(c);
    bracket = bracket || IsBracket(c);
  }
  if (quote) out.push_back({"p:quote", AnchorKind::kPunctuation});
  if (bracket) out.push_back({"p:paren", AnchorKind::kPunctuation});
  size_t end = text.size();
  while (end > 0 && IsSpace(text[end - 1])) --end;
  if (end == 0) return;
  const char32_t last = text[end - 1];
  if (last == U'?' || (last == U'。' && end >= 2 && text[end - 2] == U'か')) {
    out.push_back({"p:question", AnchorKind::kPunctuation});
  } else if (!Contains(kFinal, last)) {
    out.push_back({"p:noend", AnchorKind::kPunctuation});
  }
}

}  // namespace

AnchorConventions ConventionsFor(const LanguageTag& lang) {
  AnchorConventions conventions;
  const std::string& primary = lang.primary();
  if (primary == "vi") {
    conventions.comma_decimal = true;
    conventions.day_month_first = true;
  } else if (primary == "en") {
    conventions.month_names = true;
  } else if (primary == "ja" || primary == "zh" || primary == "ko") {
    conventions.all_latin_words = true;
  }
  return conventions;
}

std::vector<Anchor> ExtractAnchors(std::string_view sentence,
                                   const AnchorConventions& conventions) {
  const std::u32string text = FoldWidth(sentence);
  const std::vector<Token> tokens = Tokenize(text);
  std::vector<Anchor> out;
  AnchorContext ctx{tokens, conventions, out, false, true, {}};
  size_t k = 0;
  while (ctx.Is(k, TokenType::kSpace)) ++k;
  k = ReadListMarker(ctx, k);
  while (k < tokens.size()) {
    const TokenType type = tokens[k].type;
    if (type == TokenType::kWord) {
      k = ReadWord(ctx, k);
      continue;
    }
    if (type != TokenType::kSpace) ctx.last_name.clear();
    if (type == TokenType::kNumeral) {
      k = ReadNumeral(ctx, k);
    } else if (ctx.IsChar(k, U'正') && ctx.IsChar(k + 1, U'午')) {  // noon
      ctx.Add("t:12:00", AnchorKind::kTime);
      k += 2;
    } else {
      ++k;
    }
  }
  AddPunctuation(text, out);
  return out;
}

}  // namespace hashi::align
