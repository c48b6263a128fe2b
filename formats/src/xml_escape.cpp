#include "xml_escape.h"

#include <array>
#include <cstdint>
#include <cstdio>

namespace hashi::formats {
namespace {

// What to do with a byte: most bytes are copied as they are, so the loop below copies runs.
enum Action : uint8_t { kCopy, kEscape, kInvalid, kCheckEf };

constexpr std::array<Action, 256> MakeTable(bool attribute) {
  std::array<Action, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = kInvalid;
  table['\t'] = attribute ? kEscape : kCopy;
  table['\n'] = attribute ? kEscape : kCopy;
  table['\r'] = kEscape;
  table['&'] = kEscape;
  table['<'] = kEscape;
  table['>'] = kEscape;
  if (attribute) table['"'] = kEscape;
  table[0xEF] = kCheckEf;  // lead byte of U+F000..U+FFFF, which holds U+FFFE and U+FFFF
  return table;
}

constexpr std::array<Action, 256> kTextTable = MakeTable(false);
constexpr std::array<Action, 256> kAttributeTable = MakeTable(true);

std::string_view EscapeOf(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\t':
      return "&#9;";
    case '\n':
      return "&#10;";
    default:
      return "&#13;";
  }
}

// True if utf8[i] starts U+FFFE or U+FFFF (EF BF BE / EF BF BF).
bool IsNonCharacterAt(std::string_view utf8, size_t i) {
  return i + 2 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0xBF &&
         (static_cast<unsigned char>(utf8[i + 2]) & 0xFE) == 0xBE;
}

bool AppendEscaped(std::string& out, std::string_view utf8, const std::array<Action, 256>& table) {
  bool valid = true;
  size_t run_start = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    const Action action = table[static_cast<unsigned char>(utf8[i])];
    if (action == kCopy || (action == kCheckEf && !IsNonCharacterAt(utf8, i))) continue;
    out.append(utf8.data() + run_start, i - run_start);
    if (action == kEscape) {
      out.append(EscapeOf(utf8[i]));
    } else {
      valid = false;
      out.append("\xEF\xBF\xBD");  // U+FFFD
      if (action == kCheckEf) i += 2;
    }
    run_start = i + 1;
  }
  out.append(utf8.data() + run_start, utf8.size() - run_start);
  return valid;
}

}  // namespace

bool AppendEscapedText(std::string& out, std::string_view utf8) {
  return AppendEscaped(out, utf8, kTextTable);
}

bool AppendEscapedAttribute(std::string& out, std::string_view utf8) {
  return AppendEscaped(out, utf8, kAttributeTable);
}

bool AppendAttribute(std::string& out, std::string_view name, std::string_view value) {
  out.push_back(' ');
  out.append(name);
  out.append("=\"");
  const bool valid = AppendEscapedAttribute(out, value);
  out.push_back('"');
  return valid;
}

std::string FirstInvalidXmlChar(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size(); ++i) {
    const Action action = kTextTable[static_cast<unsigned char>(utf8[i])];
    unsigned code = 0;
    if (action == kInvalid) {
      code = static_cast<unsigned char>(utf8[i]);
    } else if (action == kCheckEf && IsNonCharacterAt(utf8, i)) {
      code = 0xFFFE + (static_cast<unsigned char>(utf8[i + 2]) & 1);
    } else {
      continue;
    }
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", code);
    return buffer;
  }
  return "";
}

}  // namespace hashi::formats
