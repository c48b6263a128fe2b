// hashi segment --lang LANG [--srx FILE.srx] [--clean] [--lossy] FILE|-: one sentence a line.
#include <QJsonObject>
#include <QString>

#include "article_text.h"
#include "command.h"
#include "data_files.h"
#include "hashi/cleaner.h"
#include "hashi/formats/srx.h"
#include "hashi/language_tag.h"
#include "hashi/normalizer.h"
#include "hashi/segmenter.h"
#include "json_output.h"
#include "shipped_tools.h"

namespace hashi::cli {
namespace {

class SegmentCommand : public Command {
 public:
  QString Name() const override { return "segment"; }
  QString Summary() const override { return "Split an article into sentences, one per line"; }
  QString Usage() const override {
    return "segment --lang LANG [--srx FILE.srx] [--clean] [--lossy] FILE|-";
  }

  void Define(QCommandLineParser& parser) const override {
    parser.setApplicationDescription(
        "Prints the sentences of a UTF-8 text file ('-': standard input), one per line, NFC,\n"
        "a line break inside a sentence replaced by one space. A blank line always ends a\n"
        "sentence. Rules: the shipped hashi.srx (en, vi, ja) unless --srx is given.\n"
        "A language tag without rules of its own in the SRX file (e.g. fr) is segmented with\n"
        "the generic rules and ICU's, with a warning; a malformed tag is a usage error.\n"
        "Data files are looked up in $HASHI_DATA_DIR, else the installed data folder, else\n"
        "the source tree's data/. With --json: objects {\"n\", \"sentence\"}.");
    parser.addOption({"lang", "Language of the text (BCP-47 tag: en, vi, ja, en-US...).", "LANG"});
    parser.addOption({"srx", "Segmentation rules (SRX 1.0 or 2.0) instead of hashi.srx.", "FILE"});
    parser.addOption({"clean",
                      "Strip the page boilerplate first (contact footer, page-view "
                      "counter, standalone photo credits: data/boilerplate.txt)."});
    parser.addOption({"lossy", "Replace invalid UTF-8 with U+FFFD instead of failing."});
    parser.addPositionalArgument("FILE", "The text to segment ('-' for standard input).", "FILE|-");
  }

  Status Run(const QCommandLineParser& parser, CliContext& ctx) override {
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) return Status::Usage("segment takes one FILE (or - for stdin)");
    if (!parser.isSet("lang")) return Status::Usage("--lang LANG is required");
    Result<LanguageTag> lang = LanguageTag::Parse(ToUtf8(parser.value("lang")));
    if (!lang.ok()) return Status::Usage("--lang: " + lang.status().message());
    const std::string path = ToUtf8(files.first());
    const std::string name = path == "-" ? "stdin" : path;

    Result<std::string> bytes = ReadAll(path);
    if (!bytes.ok()) return bytes.status();
    Result<std::string> text = PrepareArticleText(std::move(*bytes), name, parser.isSet("lossy"));
    if (!text.ok()) return text.status();
    Result<SrxRules> rules = LoadRules(parser);
    if (!rules.ok()) return rules.status();
    if (!HasSpecificSrxRules(*rules, *lang)) {
      PrintError("hashi: warning: " + rules->file + " has no rules for '" + lang->str() +
                 "'; using its generic rules and ICU's\n");
    }
    if (parser.isSet("clean")) {
      Result<std::string> cleaned = Clean(*text);
      if (!cleaned.ok()) return cleaned.status();
      text = std::move(*cleaned);
    }
    Result<std::unique_ptr<Segmenter>> segmenter = MakeSegmenter(*lang, &*rules);
    if (!segmenter.ok()) return segmenter.status();
    const std::vector<std::string> sentences = (*segmenter)->Sentences(*text);
    std::string out;
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (ctx.json) {
        PrintJsonLine({{"n", static_cast<qint64>(i + 1)}, {"sentence", FromUtf8(sentences[i])}});
      } else {
        out += sentences[i] + "\n";
      }
    }
    Print(out);
    return Status::Ok();
  }

 private:
  static Result<SrxRules> LoadRules(const QCommandLineParser& parser) {
    if (parser.isSet("srx")) return formats::ReadSrxFile(ToUtf8(parser.value("srx")));
    return LoadShippedRules();
  }

  static Result<std::string> Clean(const std::string& text) {
    Result<std::unique_ptr<Cleaner>> cleaner = LoadShippedCleaner();
    if (!cleaner.ok()) return cleaner.status();
    return (*cleaner)->Clean(text);
  }
};

}  // namespace

std::unique_ptr<Command> MakeSegmentCommand() { return std::make_unique<SegmentCommand>(); }

}  // namespace hashi::cli
