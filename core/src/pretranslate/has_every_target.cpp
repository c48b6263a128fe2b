#include <algorithm>

#include "hashi/pretranslator.h"

namespace hashi {

bool HasEveryTarget(const Match& match, const std::vector<std::string>& langs) {
  return std::all_of(langs.begin(), langs.end(),
                     [&](const std::string& lang) { return match.targets.count(lang) > 0; });
}

}  // namespace hashi
