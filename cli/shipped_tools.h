// The segmentation rules and cleaning patterns hashi ships (data/hashi.srx, data/boilerplate.txt),
// loaded the same way by every command that cleans or segments an article.
#ifndef HASHI_CLI_SHIPPED_TOOLS_H_
#define HASHI_CLI_SHIPPED_TOOLS_H_

#include <memory>

#include "hashi/cleaner.h"
#include "hashi/segmenter.h"
#include "hashi/status.h"

namespace hashi::cli {

// The shipped SRX rules; errors name the file (missing, unreadable, malformed).
Result<SrxRules> LoadShippedRules();

// A cleaner with the shipped boilerplate patterns; errors name the file.
Result<std::unique_ptr<Cleaner>> LoadShippedCleaner();

}  // namespace hashi::cli

#endif  // HASHI_CLI_SHIPPED_TOOLS_H_
