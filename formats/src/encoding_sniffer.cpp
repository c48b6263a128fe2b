#include "encoding_sniffer.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace hashi::formats {
namespace {

struct Signature {
  std::string_view bytes;
  const char* name;
  size_t bom_length;
};

// Longest patterns first: FF FE 00 00 (UTF-32LE BOM) also starts like FF FE (UTF-16LE BOM).
constexpr std::array<Signature, 9> kSignatures = {{
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE", 4},
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE", 4},
    {std::string_view("\x00\x00\x00\x3C", 4), "UTF-32BE", 0},
    {std::string_view("\x3C\x00\x00\x00", 4), "UTF-32LE", 0},
    {std::string_view("\xEF\xBB\xBF", 3), "UTF-8", 3},
    {std::string_view("\xFE\xFF", 2), "UTF-16BE", 2},
    {std::string_view("\xFF\xFE", 2), "UTF-16LE", 2},
    {std::string_view("\x00\x3C\x00\x3F", 4), "UTF-16BE", 0},
    {std::string_view("\x3C\x00\x3F\x00", 4), "UTF-16LE", 0},
}};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

SniffedEncoding SniffEncoding(std::string_view head) {
  for (const Signature& s : kSignatures) {
    if (head.starts_with(s.bytes)) return {s.name, s.bom_length, true};
  }
  SniffedEncoding result;
  const std::string declared = DeclaredEncoding(head);
  if (!declared.empty()) result.name = declared;
  return result;
}

std::string DeclaredEncoding(std::string_view head) {
  if (!head.starts_with("<?xml") || head.size() < 6 || !IsSpace(head[5])) return "";
  const size_t end = head.find("?>");
  if (end == std::string_view::npos) return "";
  const std::string_view decl = head.substr(0, end);
  size_t pos = decl.find("encoding");
  if (pos == std::string_view::npos) return "";
  pos += 8;
  while (pos < decl.size() && IsSpace(decl[pos])) ++pos;
  if (pos >= decl.size() || decl[pos] != '=') return "";
  ++pos;
  while (pos < decl.size() && IsSpace(decl[pos])) ++pos;
  if (pos >= decl.size() || (decl[pos] != '"' && decl[pos] != '\'')) return "";
  const size_t close = decl.find(decl[pos], pos + 1);
  if (close == std::string_view::npos) return "";
  return std::string(decl.substr(pos + 1, close - pos - 1));
}

bool IsUtf8Name(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "utf-8" || lower == "utf8";
}

}  // namespace hashi::formats
