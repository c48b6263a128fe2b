// Numbers, dates and times, read so that every notation of one value gives one key.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "align/anchor_reader.h"
#include "hashi/normalizer.h"

namespace hashi::align {
namespace {

using Next = std::optional<size_t>;

double CjkUnit(const AnchorContext& ctx, size_t k) {
  if (!ctx.Is(k, TokenType::kCjk)) return 0;
  switch (ctx.tokens[k].text[0]) {
    case U'千': return 1e3;
    case U'万': return 1e4;
    case U'億': return 1e8;
    case U'兆': return 1e12;
    default: return 0;
  }
}

void AddTime(AnchorContext& ctx, int hour, int minute) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "t:%d:%02d", hour % 24, minute % 60);
  ctx.Add(buffer, AnchorKind::kTime);
}

void AddDate(AnchorContext& ctx, int month, int day, bool alternative = false) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "d:%d-%d", month, day);
  ctx.Add(buffer, AnchorKind::kDate, alternative);
}

void AddMonth(AnchorContext& ctx, int month) { ctx.Add("m:" + std::to_string(month), AnchorKind::kDate); }

// 21万8,727 / 5,238万 / 1億2,000万 / 3.7兆: the units of a Japanese number add up.
Next ReadCjkMultiplied(AnchorContext& ctx, size_t k, const NumeralValue& n) {
  if (CjkUnit(ctx, k + 1) == 0) return std::nullopt;
  double total = 0;
  double current = n.value;
  size_t i = k;
  for (;;) {
    const double unit = CjkUnit(ctx, i + 1);
    if (unit == 0) {
      total += current;
      ++i;
      break;
    }
    total += current * unit;
    i += 2;
    std::optional<NumeralValue> next;
    if (ctx.Is(i, TokenType::kNumeral)) next = ParseNumeral(ctx.tokens[i].text, false);
    if (!next) break;
    current = next->value;
  }
  AddNumber(ctx, total);
  return i;
}

// 2025年 / 2月20日 / 11月 / 午後3時30分 (and 午後2時～5時, where 5時 is afternoon too).
Next ReadCjkDateTime(AnchorContext& ctx, size_t k, const NumeralValue& n) {
  if (!ctx.Is(k + 1, TokenType::kCjk) || !n.integer) return std::nullopt;
  const char32_t unit = ctx.tokens[k + 1].text[0];
  const int v = static_cast<int>(n.value);
  if (unit == U'年') {
    AddNumber(ctx, n.value);
    return k + 2;
  }
  if (unit == U'月' && v >= 1 && v <= 12) {
    if (ctx.Is(k + 2, TokenType::kNumeral) && ctx.IsChar(k + 3, U'日')) {
      std::optional<NumeralValue> day = ParseNumeral(ctx.tokens[k + 2].text, false);
      if (day) AddDate(ctx, v, static_cast<int>(day->value));
      return k + 4;
    }
    AddMonth(ctx, v);
    return k + 2;
  }
  if (unit != U'時' || v > 24) return std::nullopt;
  const bool afternoon = k >= 2 && ctx.IsChar(k - 2, U'午') && ctx.IsChar(k - 1, U'後');
  const bool morning = k >= 2 && ctx.IsChar(k - 2, U'午') && ctx.IsChar(k - 1, U'前');
  const bool range = k >= 1 && (ctx.IsChar(k - 1, U'~') || ctx.IsChar(k - 1, U'〜') ||
                                ctx.IsChar(k - 1, U'ら'));
  if (afternoon || morning) ctx.last_time_afternoon = afternoon;
  const bool pm = afternoon || (range && ctx.last_time_afternoon);
  int minute = 0;
  size_t next = k + 2;
  if (ctx.Is(k + 2, TokenType::kNumeral) && ctx.IsChar(k + 3, U'分')) {
    minute = static_cast<int>(DigitsValue(ctx.tokens[k + 2].text));
    next = k + 4;
  } else if (ctx.IsChar(k + 2, U'半')) {
    minute = 30;
    next = k + 3;
  }
  AddTime(ctx, pm && v < 12 ? v + 12 : v, minute);
  return next;
}

// The a.m. / p.m. after a time: the hour on a 24-hour clock, and where the time ends.
int TwentyFourHour(AnchorContext& ctx, int hour, size_t& i) {
  size_t j = i;
  if (ctx.Is(j, TokenType::kSpace)) ++j;
  if (!ctx.Is(j, TokenType::kWord)) return hour;
  const std::u32string word = AsciiLower(ctx.tokens[j].text);
  if (hour <= 12 && (word == U"p.m" || word == U"pm")) {
    i = j + 1;
    return hour == 12 ? 12 : hour + 12;
  }
  if (hour <= 12 && (word == U"a.m" || word == U"am")) {
    i = j + 1;
    return hour == 12 ? 0 : hour;
  }
  const std::string bare = BareWord(ctx.tokens[j].text);  // Vietnamese: 8h tối, 3h chiều
  if (hour < 12 && (bare == "chieu" || bare == "toi")) {
    i = j + 1;
    return hour + 12;
  }
  return hour;
}

// 9:30 a.m. / 3 p.m. / 15h / 9h30 / 8h tối.
Next ReadClockTime(AnchorContext& ctx, size_t k, const NumeralValue& n) {
  if (!n.integer || n.value > 24) return std::nullopt;
  int minute = 0;
  size_t i = k + 1;
  if (ctx.IsChar(i, U':') && ctx.Is(i + 1, TokenType::kNumeral) &&
      ctx.tokens[i + 1].text.size() == 2) {
    minute = static_cast<int>(DigitsValue(ctx.tokens[i + 1].text));
    i += 2;
  } else if (ctx.Is(i, TokenType::kWord) && ctx.tokens[i].text[0] == U'h' &&
             ctx.tokens[i].text.size() <= 3 &&
             std::all_of(ctx.tokens[i].text.begin() + 1, ctx.tokens[i].text.end(), IsAsciiDigit)) {
    minute = static_cast<int>(DigitsValue(ctx.tokens[i].text.substr(1)));
    ++i;
  }
  const int hour = TwentyFourHour(ctx, static_cast<int>(n.value), i);
  if (i == k + 1) return std::nullopt;  // a bare number: no ':', 'h' or a.m./p.m.
  AddTime(ctx, hour, minute);
  return i;
}

// 20/2/2025 and 20/2 (day first in Vietnamese; month first elsewhere, with the day-first
// reading as the alternative), 11/2023 (month and year).
Next ReadSlashDate(AnchorContext& ctx, size_t k, const NumeralValue& n) {
  if (!ctx.IsChar(k + 1, U'/') || !ctx.Is(k + 2, TokenType::kNumeral) || !n.integer) {
    return std::nullopt;
  }
  std::optional<NumeralValue> second = ParseNumeral(ctx.tokens[k + 2].text, false);
  if (!second || !second->integer) return std::nullopt;
  const int a = static_cast<int>(n.value);
  const int b = static_cast<int>(second->value);
  if (second->digits == 4 && a >= 1 && a <= 12) {
    AddMonth(ctx, a);
    AddNumber(ctx, second->value);
    return k + 3;
  }
  const bool day_month = a >= 1 && a <= 31 && b >= 1 && b <= 12;
  const bool month_day = a >= 1 && a <= 12 && b >= 1 && b <= 31;
  if (!day_month && !month_day) return std::nullopt;
  const bool first_is_day = ctx.conventions.day_month_first ? day_month : !month_day;
  AddDate(ctx, first_is_day ? b : a, first_is_day ? a : b);
  if (!ctx.conventions.day_month_first && day_month && month_day && a != b) AddDate(ctx, b, a, true);
  if (ctx.IsChar(k + 3, U'/') && ctx.Is(k + 4, TokenType::kNumeral)) {
    AddNumber(ctx, DigitsValue(ctx.tokens[k + 4].text));
    return k + 5;
  }
  return k + 3;
}

double WordMultiplier(const std::string& bare) {
  if (bare == "thousand" || bare == "nghin" || bare == "ngan") return 1e3;
  if (bare == "million" || bare == "trieu") return 1e6;
  if (bare == "billion" || bare == "ty" || bare == "ti") return 1e9;
  if (bare == "trillion") return 1e12;
  return 0;
}

// 46.2 billion / 46,2 tỷ / 1,2 triệu; and an English day before its month (20 February).
Next ReadNumberWord(AnchorContext& ctx, size_t k, const NumeralValue& n) {
  size_t i = k + 1;
  if (ctx.Is(i, TokenType::kSpace)) ++i;
  if (!ctx.Is(i, TokenType::kWord)) return std::nullopt;
  const double multiplier = WordMultiplier(BareWord(ctx.tokens[i].text));
  if (multiplier > 0) {
    AddNumber(ctx, n.value * multiplier);
    if (n.alternative) AddNumber(ctx, *n.alternative * multiplier, true);
    return i + 1;
  }
  const int month = ctx.conventions.month_names ? MonthNumber(ctx.tokens[i].text) : 0;
  if (month == 0 || i == k + 1 || !n.integer || n.value < 1 || n.value > 31) return std::nullopt;
  AddDate(ctx, month, static_cast<int>(n.value));
  return i + 1;
}

}  // namespace

size_t ReadNumeral(AnchorContext& ctx, size_t k) {
  const std::optional<NumeralValue> n =
      ParseNumeral(ctx.tokens[k].text, ctx.conventions.comma_decimal);
  if (!n) {  // 192.168.0.1, 1.2.3: kept as written
    ctx.Add("r:" + ToUtf8(ctx.tokens[k].text), AnchorKind::kNumber);
    return k + 1;
  }
  for (Next (*reader)(AnchorContext&, size_t, const NumeralValue&) :
       {ReadCjkMultiplied, ReadCjkDateTime, ReadClockTime, ReadSlashDate, ReadNumberWord}) {
    if (const Next next = reader(ctx, k, *n)) return *next;
  }
  AddNumber(ctx, n->value);
  if (n->alternative) AddNumber(ctx, *n->alternative, true);
  return k + 1;
}

}  // namespace hashi::align
