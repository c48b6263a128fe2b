// hashi export OUT.tmx: the TM (or a filtered part of it) as TMX 1.4b, streamed.
#include <QJsonObject>
#include <set>

#include "command.h"
#include "hashi/formats/tmx.h"
#include "hashi/language_tag.h"
#include "hashi/tm_store.h"
#include "json_output.h"
#include "progress.h"

namespace hashi::cli {
namespace {

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= list.size()) {
    const size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) items.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

// The header children of the origins being exported, each kept once.
void CollectHeaders(const std::vector<OriginInfo>& origins, const std::string& only,
                    formats::TmxWriterOptions& options) {
  std::set<std::string> seen_markup;
  for (const OriginInfo& origin : origins) {
    if (!only.empty() && origin.name != only) continue;
    for (const Prop& p : origin.header.props) {
      if (std::find(options.header_props.begin(), options.header_props.end(), p) ==
          options.header_props.end()) {
        options.header_props.push_back(p);
      }
    }
    for (const Note& n : origin.header.notes) {
      if (std::find(options.header_notes.begin(), options.header_notes.end(), n) ==
          options.header_notes.end()) {
        options.header_notes.push_back(n);
      }
    }
    for (const std::string& m : origin.header.extra_markup) {
      if (seen_markup.insert(m).second) options.header_extra_markup.push_back(m);
    }
  }
}

class ExportCommand : public Command {
 public:
  QString Name() const override { return "export"; }
  QString Summary() const override { return "Export the TM as TMX 1.4b"; }
  QString Usage() const override { return "export [options] OUT.tmx"; }

  void Define(QCommandLineParser& parser) const override {
    parser.setApplicationDescription(
        "Writes the translation memory as TMX 1.4b (UTF-8, valid against tmx14.dtd), streamed.\n"
        "'-' writes to standard output. The file appears only when complete.");
    parser.addOption({"langs",
                      "Only these languages (e.g. en,vi,ja; en matches en-US); units left with "
                      "fewer than two variants are dropped.",
                      "LIST"});
    parser.addOption({"srclang",
                      "Header srclang: a language tag or *all* (default: the TM's most common "
                      "source language).",
                      "LANG"});
    parser.addOption({"origin", "Only the units of this origin.", "NAME"});
    parser.addPositionalArgument("OUT", "Output TMX file, or - for standard output.", "OUT.tmx");
  }

  Status Run(const QCommandLineParser& parser, CliContext& ctx) override {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1) return Status::Usage("export takes one output file (or -)");
    const std::string out = ToUtf8(args.first());
    ExportFilter filter;
    filter.langs = SplitList(ToUtf8(parser.value("langs")));
    filter.origin = ToUtf8(parser.value("origin"));
    for (const std::string& lang : filter.langs) {
      if (Result<LanguageTag> tag = LanguageTag::Parse(lang); !tag.ok()) {
        return Status::Usage("--langs: " + tag.status().message());
      }
    }
    if (parser.isSet("langs") && filter.langs.empty()) return Status::Usage("--langs is empty");
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(ctx.tm_path, OpenMode::kReadOnly);
    if (!store.ok()) return store.status();
    Result<formats::TmxWriterOptions> options = WriterOptions(parser, **store, filter.origin);
    if (!options.ok()) return options.status();
    Result<std::unique_ptr<formats::UnitWriter>> writer =
        formats::OpenTmxFileWriter(out, *options);
    if (!writer.ok()) return writer.status();
    Progress progress(ctx.ShowProgress() && out != "-");
    int64_t units = 0;
    Status s = (*store)->ForEachUnit(filter, [&](const Unit& unit) {
      if (++units % 4096 == 0) progress.Update(out + ": " + std::to_string(units) + " units");
      return (*writer)->Write(unit);
    });
    progress.Clear();
    if (s.ok()) s = (*writer)->Finish();
    if (!s.ok()) return s.WithFile(out);
    if (ctx.json) {
      PrintJsonLine({{"file", FromUtf8(out)}, {"exported", static_cast<qint64>(units)}});
    } else if (out != "-" && !ctx.quiet) {
      Print(out + ": " + std::to_string(units) + " units exported\n");
    }
    return Status::Ok();
  }

 private:
  static Result<formats::TmxWriterOptions> WriterOptions(const QCommandLineParser& parser,
                                                         TmStore& store,
                                                         const std::string& origin) {
    formats::TmxWriterOptions options;
    Result<std::vector<OriginInfo>> origins = store.Origins();
    if (!origins.ok()) return origins.status();
    if (!origin.empty() &&
        std::none_of(origins->begin(), origins->end(),
                     [&](const OriginInfo& o) { return o.name == origin; })) {
      return Status::NotFound("no origin named '" + origin + "' in the TM (see hashi stats)");
    }
    CollectHeaders(*origins, origin, options);
    if (parser.isSet("srclang")) {
      options.srclang = ToUtf8(parser.value("srclang"));
      if (options.srclang != "*all*") {
        Result<LanguageTag> tag = LanguageTag::Parse(options.srclang);
        if (!tag.ok()) return Status::Usage("--srclang: " + tag.status().message());
      }
    } else {
      Result<std::string> srclang = store.MostCommonSourceLanguage();
      if (!srclang.ok()) return srclang.status();
      options.srclang = *srclang;
    }
    return options;
  }
};

}  // namespace

std::unique_ptr<Command> MakeExportCommand() { return std::make_unique<ExportCommand>(); }

}  // namespace hashi::cli
