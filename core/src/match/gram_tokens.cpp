#include "match/gram_tokens.h"

#include "utf8_scan.h"

namespace hashi::match {
namespace {

// Decodes one code point at text[i]; returns false on a malformed or truncated sequence.
bool DecodeOne(const std::string& text, size_t& i, char32_t& c) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const int size = lead < 0x80 ? 1 : lead < 0xC0 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (size == 0 || i + size > text.size()) return false;
  c = size == 1 ? lead : lead & (0xFF >> (size + 1));
  for (int k = 1; k < size; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += size;
  return true;
}

}  // namespace

std::string GramText(char32_t first, char32_t second) {
  std::string out;
  AppendUtf8(first, out);
  AppendUtf8(second, out);
  return out;
}

std::string CodePointText(char32_t c) {
  std::string out;
  AppendUtf8(c, out);
  return out;
}

bool ParseGram(const std::string& text, char32_t& first, char32_t& second) {
  size_t i = 0;
  return DecodeOne(text, i, first) && i < text.size() && DecodeOne(text, i, second) &&
         i == text.size();
}

int GramTokenizer::Next(uint64_t gram) {
  const size_t mask = table_.size() - 1;
  size_t i = (gram * 0x9E3779B97F4A7C15ULL) >> 40 & mask;
  for (;; i = (i + 1) & mask) {
    Slot& slot = table_[i];
    if (slot.stamp != stamp_) {
      slot = {gram, stamp_, 1};
      return 1;
    }
    if (slot.gram == gram) return ++slot.count;
  }
}

void GramTokenizer::Tokens(const char32_t* text, size_t size, std::vector<TokenId>& tokens,
                           int* overflow) {
  tokens.clear();
  int extra = 0;
  if (size >= 2) {
    size_t capacity = 1024;
    while (capacity < 2 * size) capacity *= 2;
    if (table_.size() < capacity) {
      table_.assign(capacity, Slot{});
      stamp_ = 0;
    }
    if (++stamp_ == 0) {  // the stamp wrapped: forget every old sighting
      table_.assign(table_.size(), Slot{});
      stamp_ = 1;
    }
    for (size_t i = 0; i + 1 < size; ++i) {
      const int occurrence = Next((uint64_t{text[i]} << 21) | text[i + 1]);
      if (occurrence > kMaxOccurrence) {
        ++extra;
      } else {
        tokens.push_back(MakeToken(text[i], text[i + 1], occurrence));
      }
    }
  }
  if (overflow) *overflow = extra;
}

void GramTokenizer::PaddedTokens(const std::u32string& key, std::vector<TokenId>& tokens,
                                 int* overflow) {
  std::u32string padded;
  padded.reserve(key.size() + 2);
  padded.push_back(kKeyStart);
  padded += key;
  padded.push_back(kKeyEnd);
  Tokens(padded.data(), padded.size(), tokens, overflow);
}

void GramTokenizer::PhraseTokens(const std::u32string& phrase, std::vector<TokenId>& tokens) {
  Tokens(phrase.data(), phrase.size(), tokens, nullptr);
}

}  // namespace hashi::match
