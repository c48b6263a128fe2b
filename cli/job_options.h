// Options and steps shared by `pretranslate` and `analyze`.
#ifndef HASHI_CLI_JOB_OPTIONS_H_
#define HASHI_CLI_JOB_OPTIONS_H_

#include <QCommandLineParser>
#include <string>
#include <vector>

#include "command.h"
#include "hashi/language_tag.h"
#include "hashi/pretranslator.h"

namespace hashi::cli {

// The language tag of the required option `name` (a kUsage error if missing or malformed).
Result<LanguageTag> LanguageOption(const QCommandLineParser& parser, const QString& name);

// The integer value of option `name`, `fallback` when not given; kUsage outside [low, high].
Result<int> IntOption(const QCommandLineParser& parser, const QString& name, int fallback, int low,
                      int high);

// Declares --threads N.
void AddThreadsOption(QCommandLineParser& parser);

// An error if `path` ("-" = standard output) cannot be an output file: its folder is missing,
// or it is a folder.
Status CheckOutputPath(const std::string& path);

// An error if the TM at `path` cannot be opened for reading (checked before any work).
Status CheckTmReadable(const std::filesystem::path& path);

// FindAllMatches with a progress line on a terminal.
Result<std::vector<std::vector<Match>>> LookUpAll(const std::vector<Segment>& segments,
                                                  const MatchSourceFactory& factory,
                                                  FindOptions options, const CliContext& ctx);

}  // namespace hashi::cli

#endif  // HASHI_CLI_JOB_OPTIONS_H_
