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

class Cleaner {
 public:
  virtual ~Cleaner() = default;
  // The article text without boilerplate, paragraphs and line breaks otherwise kept.
  virtual std::string Clean(std::string_view page_text) const = 0;
};

// A cleaner from the patterns in `patterns_text` (named `file_name` in errors).
Result<std::unique_ptr<Cleaner>> MakeCleaner(std::string_view patterns_text,
                                             const std::string& file_name);

}  // namespace hashi

#endif  // HASHI_CLEANER_H_
