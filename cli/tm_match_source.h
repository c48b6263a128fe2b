// The translation memory as the MatchSource (hashi/pretranslator.h) of `pretranslate` and
// `analyze`: TmStore::Lookup on one read-only connection per worker thread.
#ifndef HASHI_CLI_TM_MATCH_SOURCE_H_
#define HASHI_CLI_TM_MATCH_SOURCE_H_

#include <filesystem>
#include <string>
#include <vector>

#include "hashi/language_tag.h"
#include "hashi/pretranslator.h"

namespace hashi::cli {

// Matches from `from` into the languages `to` (Match::targets keyed by these tags). Only units
// with a variant in every `to` language are matches. Each call of the factory opens the TM at
// `tm` read-only.
MatchSourceFactory TmMatchSourceFactory(const std::filesystem::path& tm, const LanguageTag& from,
                                        const std::vector<std::string>& to);

}  // namespace hashi::cli

#endif  // HASHI_CLI_TM_MATCH_SOURCE_H_
