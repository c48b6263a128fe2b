// Lexical anchors: the parts of a sentence that survive translation between EN, VI and JA
// unchanged or with a known rewrite (numbers, dates, times, acronyms, URLs, names, quotation
// marks, list markers), each as a key that is equal across languages. Private to hashi_core.
//
// Examples of keys that match:  "218,727" (en) = "218.727" (vi) = "21万8,727" (ja) -> n:218727;
// "US$46.2 billion" = "46,2 tỷ USD" = "462億ドル" -> n:46200000000; "Feb. 20, 2025" =
// "20/2/2025" = "2025年2月20日" -> d:2-20 and n:2025; "3 p.m." = "15h" = "午後3時" -> t:15:00;
// "Nguyen Duc Minh" = "Nguyễn Đức Minh" -> w:nguyen, w:duc, w:minh, w:nguyenduc, w:ducminh.
#ifndef HASHI_CORE_SRC_ALIGN_ANCHORS_H_
#define HASHI_CORE_SRC_ALIGN_ANCHORS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hashi/language_tag.h"

namespace hashi::align {

enum class AnchorKind : uint8_t {
  kNumber,       // a value, whatever the notation: n:218727, n:4.5
  kSmallNumber,  // an integer 0..10: common, so weighted low
  kDate,         // d:MONTH-DAY or m:MONTH (the year is a kNumber)
  kTime,         // t:HOUR:MINUTE on a 24-hour clock
  kAcronym,      // w:jica, w:tk01, w:nvt (N.V.T.)
  kLink,         // a URL host or path segment, an e-mail address
  kName,         // a capitalised Latin word, lower case, diacritics folded; neighbours joined
  kListMarker,   // l:1 (1. / １．), l:bullet (- / ・), l:q and l:a (Q. / Hỏi: / Ｑ．)
  kPunctuation,  // p:quote, p:paren, p:question, p:noend (no final punctuation: a heading)
};
inline constexpr int kAnchorKinds = 9;

struct Anchor {
  std::string key;
  AnchorKind kind = AnchorKind::kNumber;
  // The second reading of an ambiguous notation (1.200 in English, 2/3/2019): it may match,
  // but its absence on the other side is no evidence against a link.
  bool alternative = false;
};

// How a language writes numbers and dates.
struct AnchorConventions {
  bool comma_decimal = false;    // 46,2 and 218.727 (vi); else 46.2 and 218,727
  bool day_month_first = false;  // 20/2 is 20 February (vi); else month first, day-month as
                                 // the alternative reading
  bool month_names = false;      // English month names (Feb. 20, 20 February)
  bool all_latin_words = false;  // every Latin word is an anchor (Latin inside JA text), not
                                 // only capitalised ones
};

AnchorConventions ConventionsFor(const LanguageTag& lang);

// The anchors of one sentence (UTF-8, NFC or not), in text order; a key may repeat.
std::vector<Anchor> ExtractAnchors(std::string_view sentence, const AnchorConventions& conventions);

}  // namespace hashi::align

#endif  // HASHI_CORE_SRC_ALIGN_ANCHORS_H_
