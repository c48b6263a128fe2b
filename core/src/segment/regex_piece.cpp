#include "segment/regex_piece.h"

#include <unicode/utf16.h>

#include <algorithm>

namespace hashi::segment {
namespace {

constexpr size_t kMaxStrings = 256;
constexpr size_t kMaxStringLength = 32;

constexpr size_t kMaxTail = 3;

std::vector<icu::UnicodeSet> UnionTails(const std::vector<icu::UnicodeSet>& a,
                                        const std::vector<icu::UnicodeSet>& b) {
  std::vector<icu::UnicodeSet> out;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    out.push_back(a[i]);
    out.back().addAll(b[i]);
  }
  return out;
}

Strings Cross(const Strings& a, const Strings& b) {
  if (!a || !b || a->size() * b->size() > kMaxStrings) return std::nullopt;
  std::vector<std::u16string> out;
  for (const std::u16string& x : *a) {
    for (const std::u16string& y : *b) {
      if (x.size() + y.size() > kMaxStringLength) return std::nullopt;
      out.push_back(x + y);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

icu::UnicodeSet AnyChar() { return icu::UnicodeSet(0, 0x10FFFF); }

Strings EndingsOf(const Piece& p) {
  if (p.strings) return p.strings;
  if (!p.suffixes) return std::nullopt;
  std::vector<std::u16string> out = *p.suffixes;
  if (p.nullable) out.push_back(u"");
  return out;
}

Piece CharPiece(const icu::UnicodeSet& set) {
  Piece p;
  p.nullable = false;
  p.first = p.last = set;
  p.max_length = set.containsSome(0x10000, 0x10FFFF) ? 2 : 1;
  p.min_chars = p.max_chars = 1;
  p.tail = {set};
  if (set.size() <= 4) {
    std::vector<std::u16string> strings;
    for (int32_t i = 0; i < set.getRangeCount(); ++i) {
      for (UChar32 c = set.getRangeStart(i); c <= set.getRangeEnd(i); ++c) {
        std::u16string s;
        if (c <= 0xFFFF) {
          s.push_back(static_cast<char16_t>(c));
        } else {
          s = {U16_LEAD(c), U16_TRAIL(c)};
        }
        strings.push_back(s);
      }
    }
    p.strings = strings;
  } else {
    p.strings.reset();
  }
  return p;
}

namespace {

std::vector<icu::UnicodeSet> SeqTail(const Piece& a, const Piece& b) {
  if (b.max_chars == 0) return a.tail;
  std::vector<icu::UnicodeSet> tail = b.tail;
  if (b.min_chars == b.max_chars && b.tail.size() == static_cast<size_t>(b.min_chars)) {
    // b is fully described, so a's tail continues it.
    for (size_t i = 0; i < a.tail.size() && tail.size() < kMaxTail; ++i) tail.push_back(a.tail[i]);
  }
  if (tail.size() > kMaxTail) tail.resize(kMaxTail);
  return tail;
}

// Endings of a+b when its exact strings are unknown: a's endings followed by each of b's
// strings, or b's own suffixes.
Strings SeqSuffixes(const Piece& a, const Piece& b) {
  if (!b.strings) return b.suffixes && !b.nullable ? b.suffixes : std::nullopt;
  const Strings ends_a = EndingsOf(a);
  std::vector<std::u16string> out;
  for (const std::u16string& y : *b.strings) {
    Strings part = ends_a ? Cross(ends_a, std::vector<std::u16string>{y})
                          : (y.empty() ? Strings() : Strings(std::vector{y}));
    if (!part) return std::nullopt;
    out.insert(out.end(), part->begin(), part->end());
  }
  out.erase(std::remove(out.begin(), out.end(), u""), out.end());  // non-empty matches only
  if (out.empty() || out.size() > kMaxStrings) return std::nullopt;
  return out;
}

}  // namespace

Piece Seq(const Piece& a, const Piece& b) {
  Piece p;
  p.nullable = a.nullable && b.nullable;
  p.first = a.first;
  if (a.nullable) p.first.addAll(b.first);
  p.last = b.last;
  if (b.nullable) p.last.addAll(a.last);
  p.max_length = a.max_length < 0 || b.max_length < 0 ? -1 : a.max_length + b.max_length;
  p.min_chars = a.min_chars + b.min_chars;
  p.max_chars = a.max_chars < 0 || b.max_chars < 0 ? -1 : a.max_chars + b.max_chars;
  p.line_start = a.line_start || (a.max_length == 0 && b.line_start);
  p.tail = SeqTail(a, b);
  if (a.star && !b.nullable) {
    p.skip = std::make_pair(*a.star, b.first);
  } else if (a.skip) {
    p.skip = a.skip;
  } else if (a.max_length == 0) {
    p.skip = b.skip;
  }
  p.strings = Cross(a.strings, b.strings);
  if (!p.strings) p.suffixes = SeqSuffixes(a, b);
  return p;
}

Piece Alt(const Piece& a, const Piece& b) {
  Piece p;
  p.nullable = a.nullable || b.nullable;
  p.first = a.first;
  p.first.addAll(b.first);
  p.last = a.last;
  p.last.addAll(b.last);
  p.max_length = a.max_length < 0 || b.max_length < 0 ? -1 : std::max(a.max_length, b.max_length);
  p.min_chars = std::min(a.min_chars, b.min_chars);
  p.max_chars = a.max_chars < 0 || b.max_chars < 0 ? -1 : std::max(a.max_chars, b.max_chars);
  p.line_start = a.line_start && b.line_start;
  p.tail = UnionTails(a.tail, b.tail);
  if (a.strings && b.strings && a.strings->size() + b.strings->size() <= kMaxStrings) {
    std::vector<std::u16string> out = *a.strings;
    out.insert(out.end(), b.strings->begin(), b.strings->end());
    p.strings = out;
  } else {
    p.strings.reset();
  }
  Strings ea = EndingsOf(a), eb = EndingsOf(b);
  if (ea && eb && ea->size() + eb->size() <= kMaxStrings) {
    std::vector<std::u16string> out = *ea;
    out.insert(out.end(), eb->begin(), eb->end());
    out.erase(std::remove(out.begin(), out.end(), u""), out.end());
    if (!out.empty()) p.suffixes = out;
  }
  return p;
}

Piece Repeat(const Piece& a, int32_t min, int32_t max) {
  Piece p;
  p.nullable = min == 0 || a.nullable;
  p.first = a.first;
  p.last = a.last;
  p.max_length = max < 0 || a.max_length < 0 ? -1 : a.max_length * max;
  p.min_chars = a.min_chars * min;
  p.max_chars = max < 0 || a.max_chars < 0 ? -1 : a.max_chars * max;
  p.line_start = a.line_start && min >= 1;
  if (min >= 1) p.tail = a.tail;
  if (min == 0 && max < 0 && a.min_chars == 1 && a.max_chars == 1 && a.tail.size() == 1) {
    p.star = a.tail[0];
  }
  p.strings.reset();
  if (a.strings && max >= 0 && max <= 4) {
    Strings all = std::vector<std::u16string>{};
    Strings power = std::vector<std::u16string>{u""};
    for (int32_t k = 0; k <= max && all; ++k) {
      if (k >= min) all->insert(all->end(), power->begin(), power->end());
      if (k == max) break;
      power = Cross(power, a.strings);
      if (!power || all->size() > kMaxStrings) all.reset();
    }
    p.strings = all;
  }
  if (!p.strings && min >= 1) {
    Strings ends = EndingsOf(a);
    if (ends) {
      ends->erase(std::remove(ends->begin(), ends->end(), u""), ends->end());
      if (!ends->empty()) p.suffixes = ends;
    }
  }
  return p;
}

Piece ZeroWidth(bool line_start) {
  Piece p;
  p.line_start = line_start;
  return p;
}

}  // namespace hashi::segment
