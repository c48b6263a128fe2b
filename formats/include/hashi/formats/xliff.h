// XLIFF 1.2: the reader of files from CAT tools, the pre-translating writer that gives such a
// file back with targets added, and the writer of a new XLIFF file for a segmented article.
//
// Reading. Any encoding (XML 1.0 appendix F: BOM, byte pattern, declaration; UTF-16 without a
// BOM included). XLIFF 1.0-1.2 (in the 1.2 or 1.1 namespace, or none); XLIFF 2.x is refused
// with a message that says which version the file is. Malformed XML is an error with file, line
// and column. Several <file> elements, nested <group>s, <trans-unit> with <source>, optional
// <seg-source> with <mrk mtype="seg"> segments, an existing <target>, translate="no" (also
// inherited from a <group>), and <note>s; trans-units inside a <bin-unit> too. <bin-source>,
// <bin-target>, <alt-trans>, <header>, extension elements and attributes are not interpreted
// (and never changed).
//
// Inline codes map to the unit model (hashi/unit.h): each code's `markup` is the element's exact
// bytes in the file (as UTF-8), so codes go back to the file unchanged:
//   x, ph, and any unknown element      CodeKind::kPh   (isolated)
//   bx, bpt                             CodeKind::kBpt  (opening)
//   ex, ept                             CodeKind::kEpt  (closing)
//   it                                  CodeKind::kIt   (isolated)
//   g, mrk (other than mtype="seg")     CodeKind::kHiStart for the start tag and kHiEnd for the
//                                       end tag, their content being text of the segment, as a
//                                       TMX <hi>; an empty <g/> is one kPh
//
// Writing back (WritePretranslatedXliff) changes nothing but adding, to each trans-unit that is
// translatable and has no target (or an empty one), a <target> and <alt-trans> elements: every
// other byte of the file is kept, in its encoding (characters it cannot encode are written as
// character references). TM codes in the new targets are renumbered to fit the source's codes.
#ifndef HASHI_FORMATS_XLIFF_H_
#define HASHI_FORMATS_XLIFF_H_

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hashi/pretranslator.h"
#include "hashi/status.h"
#include "hashi/unit.h"

namespace hashi::formats {

// One <file> element.
struct XliffFile {
  std::string original;         // "" when absent
  std::string source_language;  // as written
  std::string target_language;  // as written; "" when absent
  std::string datatype;
  Location where;  // the <file> start tag
};

// One segment of a trans-unit: a <mrk mtype="seg"> of <seg-source>, or the whole <source>.
struct XliffSegment {
  std::string mid;  // the mrk's mid; "" for a whole <source>
  Segment source;   // text with placeholders; codes hold the XLIFF markup as written
};

struct XliffUnit {
  std::string id;
  size_t file = 0;                     // index into XliffDocument::files()
  bool translate = true;               // false for translate="no" on the unit or an enclosing group
  Segment source;                      // the whole <source>
  bool segmented = false;              // true if <seg-source> holds <mrk mtype="seg"> segments
  std::vector<XliffSegment> segments;  // never empty: the mrks, or one with the whole source
  std::optional<Segment> target;       // the existing <target>, if any (maybe empty)
  // True if `target` holds no text and no codes (white space and empty <mrk mtype="seg">s do
  // not count).
  bool target_is_empty = false;
  std::vector<Note> notes;
  Location where;  // the <trans-unit> start tag

  // True if the unit gets a target from pre-translation: translatable, and no target or one
  // without any text.
  bool NeedsTarget() const;
};

// A parsed XLIFF document. Keeps the document's text so that it can be written back. Not
// thread-safe; immutable once read.
class XliffDocument {
 public:
  XliffDocument();
  ~XliffDocument();
  XliffDocument(XliffDocument&&) noexcept;
  XliffDocument& operator=(XliffDocument&&) noexcept;

  const std::string& name() const;     // as given to the reader, for messages
  const std::string& version() const;  // the version attribute, "" when absent
  const std::vector<XliffFile>& files() const;
  const std::vector<XliffUnit>& units() const;  // in document order

  struct Internal;  // the text and the byte positions the writer needs (xliff_internal.h)
  const Internal& internal() const { return *internal_; }
  Internal& internal() { return *internal_; }

 private:
  std::unique_ptr<Internal> internal_;
};

// Reads an XLIFF document from its bytes; `name` names it in messages.
Result<XliffDocument> ReadXliff(std::string_view bytes, const std::string& name);
// Reads the file at `path` ("-" = standard input).
Result<XliffDocument> ReadXliffFile(const std::filesystem::path& path);

// True if `bytes` (the start of a file) look like XML whose root element is <xliff>.
bool LooksLikeXliff(std::string_view bytes);

// What pre-translation adds to a document.
struct XliffLeverage {
  std::string target_lang;  // the key into Match::targets, and xml:lang of the targets
  int alternatives = 3;     // at most this many matches besides the best in <alt-trans>
  // For units()[u].segments[s], the matches to use, best first: the first fills the target
  // (state and state-qualifier from its score), it and up to `alternatives` more become
  // <alt-trans match-quality origin>. Units that do not NeedsTarget() are skipped, as are
  // units where no segment has a match. REQUIRES: the shape of units()/segments.
  std::vector<std::vector<std::vector<Match>>> matches;
};

// The document with the targets of `leverage` added, as bytes in the document's encoding.
Result<std::string> PretranslatedXliff(const XliffDocument& document,
                                       const XliffLeverage& leverage);
// The same, written to `path` ("-" = standard output) under a temporary name and renamed into
// place: never a half-written file.
Status WritePretranslatedXliff(const XliffDocument& document, const XliffLeverage& leverage,
                               const std::filesystem::path& path);

// A segmented article to write as a new XLIFF 1.2 file.
struct XliffArticle {
  std::string original;  // <file original>, e.g. the article's file name
  std::string source_lang;
  std::string target_lang;  // also the key into Match::targets
  int alternatives = 3;     // as in XliffLeverage
  struct Sentence {
    Segment source;
    std::vector<Match> matches;  // best first, as in XliffLeverage
  };
  std::vector<std::vector<Sentence>> paragraphs;
};

// The article as an XLIFF 1.2 document (UTF-8), valid against the OASIS XLIFF 1.2 strict and
// transitional schemas: one <group> per paragraph (id "p1", "p2", ...) holding one
// <trans-unit> per sentence (id "1", "2", ... through the file), xml:space="preserve".
std::string ArticleXliff(const XliffArticle& article);
// The same, written to `path` ("-" = standard output) atomically.
Status WriteArticleXliff(const XliffArticle& article, const std::filesystem::path& path);

}  // namespace hashi::formats

#endif  // HASHI_FORMATS_XLIFF_H_
