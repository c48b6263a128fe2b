#include "hashi/word_count.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <limits>

#include "hashi/unit.h"

namespace hashi {
namespace {

// The text as UTF-16 without inline-code placeholders (IsPlaceholderChar), which would
// otherwise split or join words.
icu::UnicodeString WithoutPlaceholders(std::string_view utf8) {
  const size_t max = static_cast<size_t>(std::numeric_limits<int32_t>::max());
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(std::min(utf8.size(), max))));
  icu::UnicodeString out;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    if (!IsPlaceholderChar(static_cast<char32_t>(c))) out.append(c);
    i += U16_LENGTH(c);
  }
  return out;
}

class IcuWordCounter final : public WordCounter {
 public:
  explicit IcuWordCounter(std::unique_ptr<icu::BreakIterator> words) : words_(std::move(words)) {}
  CountUnit unit() const override { return CountUnit::kWords; }

  int64_t Count(std::string_view utf8) override {
    const icu::UnicodeString text = WithoutPlaceholders(utf8);
    words_->setText(text);
    int64_t count = 0;
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; end = words_->next()) {
      // Rule status: UBRK_WORD_NONE (spaces, punctuation, symbols) is below UBRK_WORD_NUMBER;
      // numbers, letters, kana and ideographs are from UBRK_WORD_NUMBER up.
      if (words_->getRuleStatus() >= UBRK_WORD_NUMBER) ++count;
    }
    return count;
  }

 private:
  std::unique_ptr<icu::BreakIterator> words_;
};

class CharacterCounter final : public WordCounter {
 public:
  CountUnit unit() const override { return CountUnit::kCharacters; }

  int64_t Count(std::string_view utf8) override {
    const icu::UnicodeString text = WithoutPlaceholders(utf8);
    int64_t count = 0;
    for (int32_t i = 0; i < text.length();) {
      const UChar32 c = text.char32At(i);
      constexpr uint32_t kCounted = U_GC_L_MASK | U_GC_N_MASK | U_GC_S_MASK;
      if ((U_GET_GC_MASK(c) & kCounted) != 0) ++count;
      i += U16_LENGTH(c);
    }
    return count;
  }
};

}  // namespace

CountUnit CountUnitFor(const LanguageTag& lang) {
  const std::string& primary = lang.primary();
  return primary == "ja" || primary == "zh" ? CountUnit::kCharacters : CountUnit::kWords;
}

std::string_view CountUnitName(CountUnit unit) {
  return unit == CountUnit::kCharacters ? "characters" : "words";
}

Result<std::unique_ptr<WordCounter>> MakeWordCounter(const LanguageTag& lang) {
  if (CountUnitFor(lang) == CountUnit::kCharacters) {
    return std::unique_ptr<WordCounter>(std::make_unique<CharacterCounter>());
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang.str(), status);
  if (U_FAILURE(status)) {  // a tag ICU cannot map: its root rules serve every language
    status = U_ZERO_ERROR;
    locale = icu::Locale::getRoot();
  }
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(locale, status));
  if (U_FAILURE(status) || words == nullptr) {
    return Status::Internal(std::string("cannot load ICU word break rules: ") +
                            u_errorName(status));
  }
  return std::unique_ptr<WordCounter>(std::make_unique<IcuWordCounter>(std::move(words)));
}

}  // namespace hashi
