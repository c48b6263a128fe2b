// Reading one numeral ("218,727", "46,2", "4.5", "1.200") under a language's conventions.
#include <cmath>
#include <cstdio>

#include "align/anchor_reader.h"

namespace hashi::align {
namespace {

struct Groups {
  std::vector<std::u32string> digits;  // digit runs
  std::vector<char32_t> separators;    // separators[i] is between digits[i] and digits[i + 1]
};

Groups SplitGroups(std::u32string_view text) {
  Groups groups;
  groups.digits.emplace_back();
  for (const char32_t c : text) {
    if (IsAsciiDigit(c)) {
      groups.digits.back().push_back(c);
    } else {
      groups.separators.push_back(c);
      groups.digits.emplace_back();
    }
  }
  return groups;
}

double Decimal(const std::u32string& whole, const std::u32string& fraction) {
  return DigitsValue(whole) + DigitsValue(fraction) / std::pow(10.0, fraction.size());
}

// Every group after the first has three digits: the separators group thousands.
bool ThousandsGroups(const Groups& groups, size_t last) {
  if (groups.digits[0].empty() || groups.digits[0].size() > 3) return false;
  for (size_t i = 1; i < last; ++i) {
    if (groups.digits[i].size() != 3) return false;
  }
  return true;
}

double Thousands(const Groups& groups, size_t last) {
  std::u32string all;
  for (size_t i = 0; i < last; ++i) all += groups.digits[i];
  return DigitsValue(all);
}

// One separator. Three digits after it is the only ambiguous case (1.200 / 1,200): the
// language's convention decides and the other reading is kept as the alternative. A leading 0
// ("0.125") is always a decimal point.
NumeralValue SingleSeparator(const Groups& groups, bool comma_decimal) {
  const std::u32string& whole = groups.digits[0];
  const std::u32string& fraction = groups.digits[1];
  NumeralValue n;
  n.digits = static_cast<int>(whole.size());
  const double as_decimal = Decimal(whole, fraction);
  if (fraction.size() != 3 || whole == U"0") {
    n.value = as_decimal;
    n.integer = false;
    return n;
  }
  const bool separator_is_decimal = (groups.separators[0] == ',') == comma_decimal;
  const double as_thousands = DigitsValue(whole + fraction);
  n.value = separator_is_decimal ? as_decimal : as_thousands;
  n.integer = !separator_is_decimal;
  n.alternative = separator_is_decimal ? as_thousands : as_decimal;
  return n;
}

}  // namespace

double DigitsValue(std::u32string_view digits) {
  double value = 0;
  for (const char32_t c : digits) value = value * 10 + static_cast<double>(c - '0');
  return value;
}

std::optional<NumeralValue> ParseNumeral(std::u32string_view text, bool comma_decimal) {
  const Groups groups = SplitGroups(text);
  const size_t count = groups.digits.size();
  if (count == 1) {
    return NumeralValue{DigitsValue(groups.digits[0]), true,
                        static_cast<int>(groups.digits[0].size()), std::nullopt};
  }
  if (count == 2) return SingleSeparator(groups, comma_decimal);
  const char32_t last = groups.separators.back();
  bool same = true;
  for (const char32_t s : groups.separators) same = same && s == groups.separators[0];
  NumeralValue n;
  n.digits = static_cast<int>(groups.digits[0].size());
  if (same && ThousandsGroups(groups, count)) {  // 52,380,000 / 52.380.000
    n.value = Thousands(groups, count);
    return n;
  }
  bool earlier_differ = true;  // 1,234.5 / 1.234,5: the last separator is the decimal one
  for (size_t i = 0; i + 1 < groups.separators.size(); ++i) {
    earlier_differ = earlier_differ && groups.separators[i] != last;
  }
  if (!earlier_differ || !ThousandsGroups(groups, count - 1)) return std::nullopt;
  n.value = Thousands(groups, count - 1) + DigitsValue(groups.digits.back()) /
                                              std::pow(10.0, groups.digits.back().size());
  n.integer = false;
  return n;
}

std::string NumberKey(double value) {
  char buffer[40];
  const double rounded = std::round(value);
  if (std::fabs(value) < 1e15 && std::fabs(value - rounded) <= 1e-6 * std::fmax(1.0, value)) {
    std::snprintf(buffer, sizeof buffer, "n:%.0f", rounded);
  } else {
    std::snprintf(buffer, sizeof buffer, "n:%.6g", value);
  }
  return buffer;
}

void AddNumber(AnchorContext& ctx, double value, bool alternative) {
  const bool small = value >= 0 && value <= 10 && value == std::round(value);
  ctx.Add(NumberKey(value), small ? AnchorKind::kSmallNumber : AnchorKind::kNumber, alternative);
}

int MonthNumber(std::u32string_view word) {
  static const char32_t* const kNames[] = {U"jan", U"feb", U"mar", U"apr", U"may", U"jun",
                                           U"jul", U"aug", U"sep", U"oct", U"nov", U"dec"};
  static const char32_t* const kFull[] = {U"january", U"february", U"march", U"april",
                                          U"may", U"june", U"july", U"august",
                                          U"september", U"october", U"november", U"december"};
  const std::u32string lower = AsciiLower(word);
  for (int m = 0; m < 12; ++m) {
    if (lower == kNames[m] || lower == kFull[m] || (m == 8 && lower == U"sept")) return m + 1;
  }
  return 0;
}

}  // namespace hashi::align
