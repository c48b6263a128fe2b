#include "align_job.h"

#include <fstream>

#include "json_output.h"

namespace hashi::cli {
namespace {

// One version this many times longer (in sentences) than another is worth a word: the
// aligner then leaves many sentences without counterpart, which is right only if the
// versions really differ.
constexpr size_t kUnequalFactor = 2;

Status WriteTextFile(const std::string& path, const std::string& text) {
  if (path == "-") {
    Print(text);
    return Status::Ok();
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::Io("cannot create the file", {path});
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) return Status::Io("cannot write the file", {path});
  return Status::Ok();
}

// A warning when one version has many more sentences than another.
std::optional<std::string> UnequalWarning(const AlignedArticle& article) {
  size_t shortest = 0;
  size_t longest = 0;
  for (size_t v = 1; v < article.versions.size(); ++v) {
    const size_t n = article.versions[v].sentences.size();
    if (n < article.versions[shortest].sentences.size()) shortest = v;
    if (n > article.versions[longest].sentences.size()) longest = v;
  }
  const size_t few = article.versions[shortest].sentences.size();
  const size_t many = article.versions[longest].sentences.size();
  if (many < kUnequalFactor * few) return std::nullopt;
  return "hashi: warning: " + article.name + ": the versions differ much in length (" +
         article.versions[shortest].lang.str() + ": " + std::to_string(few) + " sentences, " +
         article.versions[longest].lang.str() + ": " + std::to_string(many) +
         "); sentences without counterpart are left in units of their own\n";
}

}  // namespace

Result<PreparedArticle> AlignVersions(const std::string& name, std::vector<VersionFile> files,
                                      std::vector<AlignerInput> versions, double min_confidence) {
  PreparedArticle prepared;
  AlignedArticle& article = prepared.article;
  article.name = name;
  article.files = std::move(files);
  article.versions = std::move(versions);
  if (Status s = CheckDistinctLanguages(article.files, article.versions); !s.ok()) return s;
  if (std::optional<std::string> warning = UnequalWarning(article)) {
    prepared.warnings.push_back(*warning);
  }
  Result<Alignment> alignment = Align(article.versions);
  if (!alignment.ok()) return alignment.status().WithContext(name);
  for (AlignedUnit& unit : alignment->units) {
    if (unit.confidence >= min_confidence) {
      article.alignment.units.push_back(std::move(unit));
    } else {
      ++article.below_min_confidence;
    }
  }
  return prepared;
}

Result<PreparedArticle> AlignJob::Prepare(const ArticleTask& task, ArticleReader& reader) const {
  if (task.files.size() < 2) {
    return Status::InvalidInput("needs at least two of en.txt, vi.txt, ja.txt",
                                {task.folder.empty() ? task.name : task.folder});
  }
  std::vector<AlignerInput> versions;
  for (const VersionFile& file : task.files) {
    Result<AlignerInput> version = reader.Read(file);
    if (!version.ok()) return version.status();
    versions.push_back(std::move(*version));
  }
  Result<PreparedArticle> prepared =
      AlignVersions(task.name, task.files, std::move(versions), settings_.min_confidence);
  if (!prepared.ok()) return prepared;
  if (!task.tmx.empty()) {
    const AlignedArticle& article = prepared->article;
    const std::string srclang = article.versions.front().lang.str();
    const bool sync = settings_.batch_dir.empty();  // a batch syncs its folder once at the end
    if (Status s = WriteTmx(task.tmx, ToUnits(article), srclang, sync); !s.ok()) {
      return s.WithFile(task.tmx);
    }
  }
  return prepared;
}

// Without any output option the units themselves go to stdout.
bool AlignJob::UnitsOnStdout() const {
  return settings_.batch_dir.empty() &&
         (settings_.tsv == "-" ||
          (settings_.tsv.empty() && settings_.tmx.empty() && !settings_.import));
}

Status AlignJob::WriteUnits(const AlignedArticle& article) const {
  const bool default_output = UnitsOnStdout() && settings_.tsv.empty();
  if (default_output && ctx_.json) {
    for (const QJsonObject& unit : ToJson(article)) PrintJsonLine(unit);
    return Status::Ok();
  }
  if (!default_output && settings_.tsv.empty()) return Status::Ok();
  return WriteTextFile(default_output ? "-" : settings_.tsv, ToTsv(article));
}

Status AlignJob::Import(const ArticleTask& task, const AlignedArticle& article,
                        std::string& line, QJsonObject& json) {
  if (store_ == nullptr) {
    Result<std::unique_ptr<TmStore>> store =
        OpenSqliteStore(ctx_.tm_path, OpenMode::kReadWrite, ctx_.WriterOptions());
    if (!store.ok()) return store.status().WithFile(ctx_.tm_path.string());
    store_ = std::move(*store);
  }
  const std::string srclang = article.versions.front().lang.str();
  Result<ImportStats> stats = ImportUnits(*store_, ToUnits(article), task.origin, srclang);
  if (!stats.ok()) return stats.status();
  line += "; " + std::to_string(stats->imported) + " units imported, " +
          std::to_string(stats->duplicates) + " duplicates skipped (origin " + task.origin + ")";
  json.insert("imported", static_cast<qint64>(stats->imported));
  json.insert("duplicates", static_cast<qint64>(stats->duplicates));
  json.insert("origin", FromUtf8(task.origin));
  return Status::Ok();
}

Status AlignJob::Finish(const ArticleTask& task, const PreparedArticle& prepared) {
  const AlignedArticle& article = prepared.article;
  if (!ctx_.quiet) {
    for (const std::string& warning : prepared.warnings) PrintError(warning);
  }
  if (Status s = WriteUnits(article); !s.ok()) return s;
  std::string line = Summary(article);
  QJsonObject json = SummaryJson(article);
  if (!task.tmx.empty()) {
    line += " -> " + task.tmx;
    json.insert("tmx", FromUtf8(task.tmx));
  }
  if (settings_.import) {
    if (Status s = Import(task, article, line, json); !s.ok()) return s;
  }
  if (UnitsOnStdout()) {
    if (!ctx_.quiet) PrintError(line + "\n");
  } else if (ctx_.json) {
    PrintJsonLine(json);
  } else {
    Print(line + "\n");
  }
  return Status::Ok();
}

}  // namespace hashi::cli
