// The inputs of `pretranslate` and `analyze`: an article (plain text, cleaned and segmented as
// `segment --clean` does, paragraphs kept) or an XLIFF 1.2 file from a CAT tool.
#ifndef HASHI_CLI_JOB_INPUT_H_
#define HASHI_CLI_JOB_INPUT_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hashi/article.h"
#include "hashi/cleaner.h"
#include "hashi/formats/xliff.h"
#include "hashi/language_tag.h"
#include "hashi/segmenter.h"

namespace hashi::cli {

struct JobInput {
  std::string name;                             // the path as given ("stdin" for "-")
  std::optional<formats::XliffDocument> xliff;  // set for an XLIFF input
  Article article;                              // the sentences of a text input

  // The segments to look up, in order: an article's sentences, or the segments of the XLIFF
  // units that `only_needing_target` (XliffUnit::NeedsTarget) or else of every translatable
  // unit.
  std::vector<Segment> Segments(bool only_needing_target) const;
};

// Reads job inputs in one source language. Loads the segmentation rules and cleaning
// patterns (data files, see data_files.h) on first use. Not thread-safe.
class JobInputReader {
 public:
  explicit JobInputReader(LanguageTag from) : from_(std::move(from)) {}

  // Reads `path` ("-" = standard input): XLIFF if its content or name says so (root element
  // <xliff>, a name ending .xlf or .xliff, or an XML declaration: other XML is an error), else
  // UTF-8 text. An XLIFF file's <file>s must have the source language `from` and, with `to`,
  // a target-language (where given) matching `to`.
  Result<JobInput> Read(const std::string& path, const LanguageTag* to);
  // The same for input already in memory: `bytes`, named `name` (messages, the file name
  // test for XLIFF).
  Result<JobInput> ReadBytes(std::string bytes, const std::string& name, const LanguageTag* to);

 private:
  Result<Article> ReadArticle(std::string bytes, const std::string& name);
  Status CheckLanguages(const formats::XliffDocument& doc, const LanguageTag* to) const;
  Status LoadTools();

  LanguageTag from_;
  std::unique_ptr<Cleaner> cleaner_;
  std::unique_ptr<Segmenter> segmenter_;
};

}  // namespace hashi::cli

#endif  // HASHI_CLI_JOB_INPUT_H_
