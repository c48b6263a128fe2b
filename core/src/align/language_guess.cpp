// Which of EN, VI, JA a text is in, from its letters alone: enough to catch the same file (or
// two files of one language) given as two versions, without a language-identification model.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "align/tokens.h"
#include "hashi/aligner.h"
#include "hashi/normalizer.h"

namespace hashi {
namespace {

// Letters only Vietnamese uses among Latin-script languages (with ơ ư đ ă, the common ones),
// after NFC: every precomposed letter with a hook, horn or dot below, and the stacked tones.
bool IsVietnameseLetter(char32_t c) {
  if (c == U'đ' || c == U'Đ' || c == U'ơ' || c == U'Ơ' || c == U'ư' || c == U'Ư' || c == U'ă' ||
      c == U'Ă') {
    return true;
  }
  return c >= 0x1EA0 && c <= 0x1EF9;  // Latin Extended Additional: ạ ả ấ ầ ẩ ẫ ậ ... ỹ
}

constexpr size_t kMinLetters = 20;

}  // namespace

std::string GuessLanguageByScript(std::string_view utf8) {
  const std::u32string text = align::FoldWidth(ToNfc(utf8));
  size_t cjk = 0;
  size_t kana = 0;
  size_t latin = 0;
  size_t vietnamese = 0;
  for (const char32_t c : text) {
    if (c >= 0x3040 && c <= 0x30FF) ++kana;
    if (align::IsCjk(c) && u_isalpha(static_cast<UChar32>(c))) ++cjk;
    if (align::IsLatinLetter(c)) {
      ++latin;
      if (IsVietnameseLetter(c)) ++vietnamese;
    }
  }
  if (cjk + latin < kMinLetters) return "";
  if (cjk > latin) return "ja";  // of the CJK languages, the only one hashi expects
  // About one letter in five of Vietnamese text is such a letter (18-23% in the example
  // articles); English that spells Vietnamese names with their diacritics stays under 7% even
  // when every other word is a name. The cut is between the two.
  return vietnamese * 10 > latin ? "vi" : "en";
}

}  // namespace hashi
