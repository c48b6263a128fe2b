// Cleaning of article page text before segmentation: strips the site boilerplate (contact
// footer, page-view counter, photo credits that stand alone), driven by patterns from a data
// file so users can add other sites.
#ifndef HASHI_CLEANER_H_
#define HASHI_CLEANER_H_

#include <memory>
#include <string>
#include <string_view>

#include "hashi/status.h"

namespace hashi {

// The cleaning patterns (the parsed content of a patterns file). Plain value; its format is
// documented in the shipped file (data/boilerplate.txt).
struct CleaningRules;

// Thread-safe: Clean() is const and keeps no state between calls.
class Cleaner {
 public:
  virtual ~Cleaner() = default;
  // The article text without boilerplate: whole lines are removed, the others kept byte for
  // byte (LF line ends; a CR before LF stays with its line). Runs of blank lines become one
  // blank line, none at the start or end; a non-empty result ends with a line break. Lines
  // are matched in NFC, so an NFD page is cleaned too.
  virtual std::string Clean(std::string_view page_text) const = 0;
};

// A cleaner from the patterns in `patterns_text` (named `file_name` in errors). An unknown
// pattern kind or a regex ICU rejects is an error naming the file, the line (and column).
Result<std::unique_ptr<Cleaner>> MakeCleaner(std::string_view patterns_text,
                                             const std::string& file_name);

}  // namespace hashi

#endif  // HASHI_CLEANER_H_
