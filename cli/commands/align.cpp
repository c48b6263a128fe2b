// hashi align --en FILE --vi FILE --ja FILE (any two or three) | --batch DIR: aligns the
// language versions of articles into units (TSV, TMX, the TM).
#include <QDir>
#include <algorithm>
#include <filesystem>

#include "align_batch.h"
#include "align_job.h"
#include "command.h"
#include "hashi/formats/tmx.h"
#include "progress.h"

namespace hashi::cli {
namespace {

// The versions, in the order the aligner takes them: EN is the best pivot (it shares Latin
// names with VI and acronyms with both), then VI.
constexpr const char* kLanguages[] = {"en", "vi", "ja"};

class AlignCommand : public Command {
 public:
  QString Name() const override { return "align"; }
  QString Summary() const override {
    return "Align the EN/VI/JA versions of articles into units (TSV, TMX, TM)";
  }
  QString Usage() const override {
    return "align --en FILE --vi FILE --ja FILE [--tsv OUT] [--tmx OUT] [--import]\n"
           "       hashi align --batch DIR [--tmx-dir OUT] [--import]";
  }

  void Define(QCommandLineParser& parser) const override {
    parser.setApplicationDescription(
        "Cleans, segments and aligns the versions of an article (any two or all three of\n"
        "--en, --vi, --ja) into units: one row across the languages, a cell holding the\n"
        "sentences of one language (joined by a space where they align as a group) or nothing.\n"
        "Without --tsv, --tmx or --import the TSV goes to standard output (with --json: one\n"
        "object per unit), and the summary line to standard error.\n"
        "--batch DIR aligns every folder under DIR that holds en.txt, vi.txt, ja.txt (any two\n"
        "or three), printing one summary line per article.\n"
        "Each unit keeps its confidence (0-1, the link's posterior probability) in the TMX\n"
        "and the TM as <prop type=\"x-hashi-confidence\">.");
    for (const char* lang : kLanguages) {
      parser.addOption({lang, QString("The %1 version of the article.").arg(lang), "FILE"});
    }
    parser.addOption({"tsv", "Write the units as TSV (header: the languages) to OUT ('-': "
                             "standard output).", "OUT"});
    parser.addOption({"tmx", "Write the units as TMX 1.4b to OUT.", "OUT"});
    parser.addOption({"import", "Store the units in the TM (one transaction per article)."});
    parser.addOption({"origin", "Label of the imported units (default: the English file as "
                                "given; with --batch, ARTICLE/en.txt, or NAME/ARTICLE with "
                                "--origin NAME).", "NAME"});
    parser.addOption({"presegmented", "The files hold one sentence per line already (a blank "
                                      "line between paragraphs): no cleaning, no segmenting."});
    parser.addOption({"batch", "Align every article (folder with en.txt, vi.txt, ja.txt) "
                               "under DIR.", "DIR"});
    parser.addOption({"tmx-dir", "With --batch: write ARTICLE.tmx for each article into OUT.",
                      "OUT"});
    parser.addOption({"min-confidence", "Leave out units whose confidence is below X (0-1).",
                      "X", "0"});
  }

  Status Run(const QCommandLineParser& parser, CliContext& ctx) override {
    Result<AlignSettings> settings = ParseSettings(parser);
    if (!settings.ok()) return settings.status();
    AlignJob job(*settings, ctx);
    if (!settings->batch_dir.empty()) return RunBatch(*settings, ctx, job);
    // One article: named after its English file (else its first), which is also the origin.
    const std::vector<VersionFile>& files = settings->files;
    const auto english = std::find_if(files.begin(), files.end(), [](const VersionFile& f) {
      return f.lang.primary() == "en";
    });
    ArticleTask task;
    task.name = english != files.end() ? english->path : files.front().path;
    task.files = files;
    task.tmx = settings->tmx;
    task.origin = settings->origin.value_or(task.name);
    ArticleReader reader(settings->presegmented);
    Result<PreparedArticle> prepared = job.Prepare(task, reader);
    if (!prepared.ok()) return prepared.status();
    return job.Finish(task, *prepared);
  }

 private:
  static Result<AlignSettings> ParseSettings(const QCommandLineParser& parser) {
    AlignSettings s;
    for (const char* lang : kLanguages) {
      if (parser.isSet(lang)) s.files.push_back({*LanguageTag::Parse(lang), ToUtf8(parser.value(lang))});
    }
    s.batch_dir = ToUtf8(parser.value("batch"));
    s.tsv = ToUtf8(parser.value("tsv"));
    s.tmx = ToUtf8(parser.value("tmx"));
    s.tmx_dir = ToUtf8(parser.value("tmx-dir"));
    s.import = parser.isSet("import");
    if (parser.isSet("origin")) s.origin = ToUtf8(parser.value("origin"));
    s.presegmented = parser.isSet("presegmented");
    bool number = false;
    s.min_confidence = parser.value("min-confidence").toDouble(&number);
    if (!number || s.min_confidence < 0 || s.min_confidence > 1) {
      return Status::Usage("--min-confidence takes a number from 0 to 1, not '" +
                           ToUtf8(parser.value("min-confidence")) + "'");
    }
    if (!parser.positionalArguments().isEmpty()) {
      return Status::Usage("align takes its files as --en, --vi, --ja (or --batch DIR)");
    }
    if (s.batch_dir.empty()) {
      if (s.files.size() < 2) return Status::Usage("give at least two of --en, --vi, --ja");
      if (!s.tmx_dir.empty()) return Status::Usage("--tmx-dir goes with --batch; use --tmx");
    } else {
      if (!s.files.empty()) return Status::Usage("--batch does not take --en, --vi or --ja");
      if (!s.tsv.empty() || !s.tmx.empty()) {
        return Status::Usage("with --batch, write TMX files with --tmx-dir (no --tsv or --tmx)");
      }
    }
    return s;
  }

  // The articles under `dir`: its sub-folders holding at least one of en.txt, vi.txt,
  // ja.txt, in name order; or `dir` itself when it holds them and has no such sub-folder.
  static std::vector<std::filesystem::path> Articles(const std::filesystem::path& dir) {
    const auto holds_version = [](const std::filesystem::path& folder) {
      std::error_code ec;
      return std::any_of(std::begin(kLanguages), std::end(kLanguages), [&](const char* lang) {
        return std::filesystem::is_regular_file(folder / (std::string(lang) + ".txt"), ec);
      });
    };
    std::vector<std::filesystem::path> articles;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.is_directory(ec) && holds_version(entry.path())) articles.push_back(entry.path());
    }
    std::sort(articles.begin(), articles.end());
    if (articles.empty() && holds_version(dir)) articles.push_back(dir);
    return articles;
  }

  static std::vector<VersionFile> VersionsOf(const std::filesystem::path& article) {
    std::vector<VersionFile> files;
    std::error_code ec;
    for (const char* lang : kLanguages) {
      const std::filesystem::path path = article / (std::string(lang) + ".txt");
      if (std::filesystem::is_regular_file(path, ec)) {
        files.push_back({*LanguageTag::Parse(lang), path.string()});
      }
    }
    return files;
  }

  static Status RunBatch(const AlignSettings& settings, const CliContext& ctx, AlignJob& job) {
    const std::filesystem::path dir = settings.batch_dir;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return Status::Io("not a folder", {dir.string()});
    const std::vector<std::filesystem::path> articles = Articles(dir);
    if (articles.empty()) {
      return Status::InvalidInput("no article here (an article is a folder holding en.txt, "
                                  "vi.txt, ja.txt, any two or three)", {dir.string()});
    }
    if (!settings.tmx_dir.empty()) {
      std::filesystem::create_directories(settings.tmx_dir, ec);
      if (ec) return Status::Io("cannot create the folder: " + ec.message(), {settings.tmx_dir});
    }
    std::vector<ArticleTask> tasks;
    for (const std::filesystem::path& article : articles) {
      ArticleTask task;
      task.name = article.filename().string();
      task.folder = article.string();
      task.files = VersionsOf(article);
      if (!settings.tmx_dir.empty()) {
        task.tmx = (std::filesystem::path(settings.tmx_dir) / (task.name + ".tmx")).string();
      }
      const std::string first =
          task.files.empty() ? "" : std::filesystem::path(task.files[0].path).filename().string();
      task.origin = settings.origin ? *settings.origin + "/" + task.name : task.name + "/" + first;
      tasks.push_back(std::move(task));
    }
    Progress progress(ctx.ShowProgress());
    const size_t failed = RunArticles(job, tasks, settings.presegmented, progress);
    if (!settings.tmx_dir.empty()) {
      if (Status s = formats::SyncFileSystem(settings.tmx_dir); !s.ok()) return s;
    }
    // Each failure was reported as it happened; an empty message tells main not to repeat it.
    return failed == 0 ? Status::Ok() : Status::InvalidInput("");
  }
};

}  // namespace

std::unique_ptr<Command> MakeAlignCommand() { return std::make_unique<AlignCommand>(); }

}  // namespace hashi::cli
