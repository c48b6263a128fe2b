// The one unit model: what every reader produces, the store keeps and every writer consumes.
//
// Vocabulary (used the same way everywhere in hashi):
//   unit     one translation unit (TMX <tu>): the same content in several languages.
//   variant  one language version of a unit (TMX <tuv>).
//   segment  a variant's text with its inline codes (TMX <seg>).
//   code     one inline element of a segment (bpt ept ph it ut hi), kept as its original markup.
//
// A Segment's text holds one placeholder per code, Okapi style: a marker character saying whether
// the code opens, closes or stands alone, followed by an index character naming codes[index].
// Matchers see the placeholders; keys and plain text leave them out. Text is UTF-8, NFC once it
// has passed the store. Plain values: copyable, no hidden sharing, thread-compatible.
#ifndef HASHI_UNIT_H_
#define HASHI_UNIT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hashi/status.h"

namespace hashi {

// One XML attribute, name as written (e.g. "xml:lang", "tuid", "x-custom"), value unescaped.
struct Attribute {
  std::string name;
  std::string value;
  bool operator==(const Attribute&) const = default;
};
using Attributes = std::vector<Attribute>;  // in document order

// Value of the attribute called `name`, or nullptr.
const std::string* FindAttribute(const Attributes& attrs, std::string_view name);
// Sets (replaces or appends) the attribute `name`.
void SetAttribute(Attributes& attrs, std::string_view name, std::string_view value);

// <prop type="...">text</prop> and <note>text</note>; attrs hold every attribute as written.
struct Prop {
  Attributes attrs;
  std::string text;
  bool operator==(const Prop&) const = default;
};
struct Note {
  Attributes attrs;
  std::string text;
  bool operator==(const Note&) const = default;
};

enum class CodeKind { kBpt, kEpt, kPh, kIt, kUt, kHiStart, kHiEnd };

// One inline code. `markup` is the complete original element as XML (for kHiStart the start tag
// `<hi ...>`, for kHiEnd `</hi>`), nested <sub> content included, so writing it back is lossless.
struct Code {
  CodeKind kind = CodeKind::kPh;
  std::string markup;
  bool operator==(const Code&) const = default;
};

// Placeholder characters (UTF-8 encoded private-use code points), as Okapi's TextFragment.
inline constexpr char32_t kMarkerOpening = 0xE101;   // bpt, hi start
inline constexpr char32_t kMarkerClosing = 0xE102;   // ept, hi end
inline constexpr char32_t kMarkerIsolated = 0xE103;  // ph, it, ut
inline constexpr char32_t kIndexBase = 0xE110;       // index character = kIndexBase + index
inline constexpr int kMaxCodesPerSegment = 0xF8FF - 0xE110;

struct Segment {
  std::string text;  // UTF-8 with placeholders
  std::vector<Code> codes;
  bool operator==(const Segment&) const = default;

  // Appends text / a code (with its placeholder). AppendCode fails past kMaxCodesPerSegment.
  void AppendText(std::string_view utf8) { text.append(utf8); }
  Status AppendCode(Code code);
  // The text without placeholders.
  std::string PlainText() const;
};

// Calls on_text(string_view) for each run of text and on_code(const Code&) for each placeholder,
// in order. Used by writers to put the markup back.
template <typename OnText, typename OnCode>
void ForEachPiece(const Segment& segment, OnText on_text, OnCode on_code);

// True if `c` (a decoded code point) is a placeholder marker or index character.
inline bool IsPlaceholderChar(char32_t c) { return c >= kMarkerOpening && c <= 0xF8FF; }

struct Variant {
  std::string lang;  // the language tag as written in the source (e.g. "en-US", "EN-US")
  Segment segment;
  Attributes attrs;  // every other attribute, as written (creationdate, changeid, unknown ones)
  std::vector<Prop> props;
  std::vector<Note> notes;
  bool operator==(const Variant&) const = default;
};

struct Unit {
  int64_t id = 0;    // store id; 0 for a unit not yet stored
  Attributes attrs;  // tuid, srclang, creationdate ... and unknown ones, as written
  std::vector<Prop> props;
  std::vector<Note> notes;
  std::vector<Variant> variants;
  bool operator==(const Unit&) const = default;
};

// What a file says about itself (TMX <header>, XLIFF <file>): kept per origin in the store.
struct DocumentInfo {
  std::string format;   // "tmx", "xliff"
  std::string version;  // "1.4", "1.1", "" when absent
  Attributes attrs;     // header attributes as written
  std::vector<Prop> props;
  std::vector<Note> notes;
  std::vector<std::string> extra_markup;  // other header children (<ude>) as XML
  bool operator==(const DocumentInfo&) const = default;
};

// A warning about input that was read anyway (a TMX rule broken in a well-formed file).
struct Warning {
  Location where;
  std::string message;
};

// A pull-style source of units: readers implement it, the store consumes it.
// Not thread-safe. Memory is bounded by one unit, never by the input.
class UnitStream {
 public:
  virtual ~UnitStream() = default;
  // The next unit, or nullopt at the end of the input *or* on error: check status() after.
  virtual std::optional<Unit> Next() = 0;
  // OK, or the first error met (file, line, column, message). Stays set once failed.
  virtual const Status& status() const = 0;
};

// ---- implementation of the template above ----
namespace unit_internal {
// The code point of the 3-byte UTF-8 sequence at text[i], or 0 if there is none there.
inline char32_t DecodeThreeByte(std::string_view text, size_t i) {
  if (i + 3 > text.size()) return 0;
  const auto b0 = static_cast<unsigned char>(text[i]);
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  const auto b2 = static_cast<unsigned char>(text[i + 2]);
  if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
  return (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | char32_t(b2 & 0x3F);
}
}  // namespace unit_internal

template <typename OnText, typename OnCode>
void ForEachPiece(const Segment& segment, OnText on_text, OnCode on_code) {
  const std::string_view text = segment.text;
  size_t run_start = 0;
  size_t i = 0;
  while (i < text.size()) {
    const char32_t marker = unit_internal::DecodeThreeByte(text, i);
    if (marker >= kMarkerOpening && marker <= kMarkerIsolated) {
      const char32_t index_char = unit_internal::DecodeThreeByte(text, i + 3);
      if (index_char >= kIndexBase && index_char - kIndexBase < segment.codes.size()) {
        if (i > run_start) on_text(text.substr(run_start, i - run_start));
        on_code(segment.codes[index_char - kIndexBase]);
        i += 6;
        run_start = i;
        continue;
      }
    }
    ++i;
  }
  if (run_start < text.size()) on_text(text.substr(run_start));
}

}  // namespace hashi

#endif  // HASHI_UNIT_H_
