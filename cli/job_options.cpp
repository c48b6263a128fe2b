#include "job_options.h"

#include <filesystem>

#include "hashi/tm_store.h"
#include "progress.h"

namespace hashi::cli {

Result<LanguageTag> LanguageOption(const QCommandLineParser& parser, const QString& name) {
  const std::string flag = "--" + ToUtf8(name);
  if (!parser.isSet(name)) return Status::Usage(flag + " LANG is required");
  Result<LanguageTag> tag = LanguageTag::Parse(ToUtf8(parser.value(name)));
  if (!tag.ok()) return Status::Usage(flag + ": " + tag.status().message());
  return tag;
}

Result<int> IntOption(const QCommandLineParser& parser, const QString& name, int fallback, int low,
                      int high) {
  if (!parser.isSet(name)) return fallback;
  bool ok = false;
  const int value = parser.value(name).toInt(&ok);
  if (!ok || value < low || value > high) {
    return Status::Usage("--" + ToUtf8(name) + " must be a whole number from " +
                         std::to_string(low) + " to " + std::to_string(high) + " (not '" +
                         ToUtf8(parser.value(name)) + "')");
  }
  return value;
}

void AddThreadsOption(QCommandLineParser& parser) {
  parser.addOption({"threads", "Lookups run on N threads (default: one per core).", "N"});
}

Status CheckOutputPath(const std::string& path) {
  if (path == "-") return Status::Ok();
  if (path.empty()) return Status::Usage("-o needs a file name");
  std::error_code ec;
  const std::filesystem::path out(path);
  if (std::filesystem::is_directory(out, ec)) {
    return Status::Io("is a folder; give a file name", {path});
  }
  const std::filesystem::path folder = out.has_parent_path() ? out.parent_path() : ".";
  if (!std::filesystem::is_directory(folder, ec)) {
    return Status::Io("cannot write: the folder " + folder.string() + " does not exist", {path});
  }
  return Status::Ok();
}

Status CheckTmReadable(const std::filesystem::path& path) {
  Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(path, OpenMode::kReadOnly);
  if (!store.ok()) return store.status().WithFile(path.string());
  return Status::Ok();
}

Result<std::vector<std::vector<Match>>> LookUpAll(const std::vector<Segment>& segments,
                                                  const MatchSourceFactory& factory,
                                                  FindOptions options, const CliContext& ctx) {
  Progress progress(ctx.ShowProgress());
  if (ctx.ShowProgress()) {
    options.on_progress = [&progress](int64_t done, int64_t total) {
      progress.Update("looking up: " + std::to_string(done) + " / " + std::to_string(total) +
                      " segments");
    };
  }
  Result<std::vector<std::vector<Match>>> found = FindAllMatches(segments, factory, options);
  progress.Clear();
  return found;
}

}  // namespace hashi::cli
