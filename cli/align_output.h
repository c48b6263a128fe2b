// What `hashi align` does with an aligned article: TSV, TMX units, import into the TM, and the
// summary line.
#ifndef HASHI_CLI_ALIGN_OUTPUT_H_
#define HASHI_CLI_ALIGN_OUTPUT_H_

#include <QJsonObject>
#include <string>
#include <vector>

#include "align_input.h"
#include "hashi/aligner.h"
#include "hashi/tm_store.h"
#include "hashi/unit.h"

namespace hashi::cli {

// The unit property that keeps a link's confidence (0.00 to 1.00).
inline constexpr const char* kConfidenceProp = "x-hashi-confidence";

struct AlignedArticle {
  std::string name;                    // for messages and the summary line
  std::vector<VersionFile> files;      // in the order of the versions
  std::vector<AlignerInput> versions;
  Alignment alignment;                 // units at or above --min-confidence only
  size_t below_min_confidence = 0;     // units dropped by --min-confidence
};

// A header row of the versions' language tags, then one unit per row: each cell the unit's
// sentences of that version joined by one space ("" if none). Tabs and line breaks inside a
// sentence become spaces.
std::string ToTsv(const AlignedArticle& article);

// One JSON object per unit: {"en": .., "vi": .., "ja": .., "confidence": ..}.
std::vector<QJsonObject> ToJson(const AlignedArticle& article);

// The units as TM units: a variant for each version with sentences, the confidence as the prop
// x-hashi-confidence. The first version is the source language.
std::vector<Unit> ToUnits(const AlignedArticle& article);

// One reviewed row as a TM unit: a variant for each (language, text) pair whose text is not
// empty, the confidence as the prop x-hashi-confidence. ToUnits makes its units with it.
Unit AlignedTmUnit(const std::vector<std::pair<std::string, std::string>>& texts,
                   double confidence);

// One TSV line (with its line end) of `cells`, tabs and line breaks in them made spaces.
std::string TsvRow(const std::vector<std::string>& cells);

// Writes `units` as TMX 1.4b to `path` ("-" = standard output). Without `sync` the file is not
// synced to disk before it is renamed into place (a batch syncs once at its end).
Status WriteTmx(const std::string& path, const std::vector<Unit>& units,
                const std::string& srclang, bool sync = true);

// Stores `units` in the TM in one transaction, labelled `origin`.
Result<ImportStats> ImportUnits(TmStore& store, std::vector<Unit> units,
                                const std::string& origin, const std::string& srclang);

// "NAME: 16 units (15 in every language, 1 missing one), mean confidence 0.97" and what was
// dropped; the caller appends what it did with them.
std::string Summary(const AlignedArticle& article);
QJsonObject SummaryJson(const AlignedArticle& article);

}  // namespace hashi::cli

#endif  // HASHI_CLI_ALIGN_OUTPUT_H_
