// Generated translation memories and queries for the matcher's tests: trilingual press-release
// style units built from templates (so that many units are near each other, as in a real TM),
// plus short headings, units with inline codes, units with two English variants, and queries
// of every kind: exact, re-spaced or re-cased, edited a little or a lot, short, and unrelated.
#ifndef HASHI_TESTS_CORE_MATCH_TEST_UTIL_H_
#define HASHI_TESTS_CORE_MATCH_TEST_UTIL_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "hashi/matcher.h"
#include "hashi/tm_store.h"
#include "hashi/unit.h"

namespace hashi::testing {

// `count` units; deterministic for a seed. Variants: en (sometimes en-US and en-GB both),
// vi, ja; now and then a unit lacks one language or has an inline code.
std::vector<Unit> GenerateUnits(int count, uint32_t seed);

struct GeneratedQuery {
  std::string lang;  // "en", "vi" or "ja"
  std::string text;
};
// `count` queries against `units` (a third per language).
std::vector<GeneratedQuery> GenerateQueries(const std::vector<Unit>& units, int count,
                                            uint32_t seed);

// A UnitStream over a vector.
class VectorUnitStream : public UnitStream {
 public:
  explicit VectorUnitStream(std::vector<Unit> units) : units_(std::move(units)) {}
  std::optional<Unit> Next() override;
  const Status& status() const override { return status_; }

 private:
  std::vector<Unit> units_;
  size_t next_ = 0;
  Status status_;
};

// Imports `units` into `store` under `origin`; fails the test on error.
ImportStats ImportUnits(TmStore& store, std::vector<Unit> units, const std::string& origin,
                        DuplicatePolicy policy = DuplicatePolicy::kSkip);

Variant MakeVariant(const std::string& lang, const std::string& text);

// `pattern` with each "{i}" (i in 0..3) replaced by slots[i].
std::string FillSlots(const std::string& pattern, const std::string slots[4]);

// The lowest score of the band `score` falls in, of ascending `floors` (-1: below them all).
int BandFloorOf(int score, const std::vector<int>& floors);

// Opens the TM at `path`; fails the test (and returns null) on error.
std::unique_ptr<TmStore> OpenTm(const std::filesystem::path& path, OpenMode mode,
                                StoreOptions options = {});

// A TM of `count` generated units (GenerateUnits) at `path`, imported as "tm.tmx"; `path`.
std::filesystem::path GeneratedTmAt(const std::filesystem::path& path, int count, uint32_t seed);

// A lookup of `text` from `from` into en, vi and ja, with the defaults otherwise.
LookupRequest TrilingualRequest(const std::string& from, const std::string& text);

}  // namespace hashi::testing

#endif  // HASHI_TESTS_CORE_MATCH_TEST_UTIL_H_
