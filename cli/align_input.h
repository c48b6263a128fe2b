// The versions of one article, read for `hashi align`: checked as text, then cleaned and
// segmented (paragraphs kept), or taken one sentence a line with --presegmented.
#ifndef HASHI_CLI_ALIGN_INPUT_H_
#define HASHI_CLI_ALIGN_INPUT_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hashi/aligner.h"
#include "hashi/cleaner.h"
#include "hashi/language_tag.h"
#include "hashi/segmenter.h"
#include "hashi/status.h"

namespace hashi::cli {

// One version as named on the command line (or found in a batch folder).
struct VersionFile {
  LanguageTag lang;
  std::string path;
};

// Reads versions. Loads the cleaning patterns and segmentation rules (data_files.h) on first
// use and keeps one segmenter per language. Not thread-safe.
class ArticleReader {
 public:
  explicit ArticleReader(bool presegmented) : presegmented_(presegmented) {}

  // The sentences of `file` (with paragraph numbers: blank lines separate paragraphs, in
  // presegmented input too). Errors name the file: missing or unreadable, binary, UTF-16,
  // invalid UTF-8 (with line and column), or no sentence at all.
  Result<AlignerInput> Read(const VersionFile& file);
  // The same for a version already in memory: `bytes` stands for `file` (its language, and
  // its path as the name in messages).
  Result<AlignerInput> ReadBytes(const VersionFile& file, std::string bytes);

 private:
  Result<AlignerInput> Segment(const std::string& text, const VersionFile& file);
  Status LoadCleaner();

  bool presegmented_;
  std::unique_ptr<SrxRules> rules_;
  std::unique_ptr<Cleaner> cleaner_;
  std::map<std::string, std::unique_ptr<Segmenter>> segmenters_;  // by language tag
};

// Refuses two versions written in the same language, judged by their script (the same file
// given twice, or a Vietnamese file given as --en): an error naming both files.
Status CheckDistinctLanguages(const std::vector<VersionFile>& files,
                              const std::vector<AlignerInput>& versions);

}  // namespace hashi::cli

#endif  // HASHI_CLI_ALIGN_INPUT_H_
