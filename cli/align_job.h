// The work of `hashi align` for one article, in two halves: Prepare (read the versions, align
// them, write the article's TMX) can run on a worker thread; Finish (the units on stdout, the
// TM import, the summary line) runs on the main thread, in article order.
#ifndef HASHI_CLI_ALIGN_JOB_H_
#define HASHI_CLI_ALIGN_JOB_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "align_input.h"
#include "align_output.h"
#include "command.h"
#include "hashi/tm_store.h"

namespace hashi::cli {

struct AlignSettings {
  std::vector<VersionFile> files;  // single article: the versions given, in EN, VI, JA order
  std::string batch_dir;           // --batch: every article under it
  std::string tsv;                 // --tsv OUT ("-" = standard output)
  std::string tmx;                 // --tmx OUT
  std::string tmx_dir;             // --tmx-dir OUT (batch)
  bool import = false;             // --import
  std::optional<std::string> origin;
  bool presegmented = false;
  double min_confidence = 0;
};

// One article to align and where its results go.
struct ArticleTask {
  std::string name;                // for messages and the summary line
  std::string folder;              // a batch article's folder, for messages ("" otherwise)
  std::vector<VersionFile> files;  // its versions (a batch article may have fewer than two)
  std::string tmx;                 // the TMX file to write, "" for none
  std::string origin;              // the TM label, for --import
};

// What Prepare made of an article.
struct PreparedArticle {
  AlignedArticle article;
  std::vector<std::string> warnings;  // for stderr
};

// Checks that the read `versions` (of `files`, in order) are in distinct languages and aligns
// them, leaving out units below `min_confidence`. The steps of AlignJob::Prepare after reading;
// `hashi serve` calls it for versions posted to it. Thread-safe.
Result<PreparedArticle> AlignVersions(const std::string& name, std::vector<VersionFile> files,
                                      std::vector<AlignerInput> versions, double min_confidence);

class AlignJob {
 public:
  AlignJob(const AlignSettings& settings, const CliContext& ctx)
      : settings_(settings), ctx_(ctx) {}

  // Reads and aligns the task's versions with `reader` (one per thread) and writes its TMX.
  // Thread-safe: it touches nothing but `reader` and the task's own files.
  Result<PreparedArticle> Prepare(const ArticleTask& task, ArticleReader& reader) const;

  // Prints the warnings, writes the TSV (or JSON units), imports the units, prints the summary
  // line (on stdout, or on stderr when stdout carries the units themselves). Main thread only.
  Status Finish(const ArticleTask& task, const PreparedArticle& prepared);

 private:
  bool UnitsOnStdout() const;
  // The TSV (or the JSON units) where the settings say: a file, stdout, or nowhere.
  Status WriteUnits(const AlignedArticle& article) const;
  // Stores the units in the TM and adds what happened to the summary.
  Status Import(const ArticleTask& task, const AlignedArticle& article, std::string& line,
                QJsonObject& json);

  const AlignSettings& settings_;
  const CliContext& ctx_;
  std::unique_ptr<TmStore> store_;  // opened on first --import
};

}  // namespace hashi::cli

#endif  // HASHI_CLI_ALIGN_JOB_H_
