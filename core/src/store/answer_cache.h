// AnswerCache (hashi/tm_store.h): the answers recent lookups on one TM gave, so that a query
// asked again on an unchanged TM is answered without searching. Translators ask again all the
// time: a press release repeats its boilerplate, a CAT tool asks for a segment each time the
// translator comes back to it, the page asks again when a query is typed back.
//
// An answer is kept with the cache's generation, read before the lookup's read transaction
// began; any store that finds the TM changed when its lookup starts (MatchIndexReader::
// generation() moved on: a commit by another connection, or a write through its own) starts a
// new generation, and an answer is current only in its own. So a current answer was computed
// from a snapshot that holds every commit any lookup has seen since: the one a search would
// give. (Were the generation read after the snapshot began, a commit between the two, seen and
// counted by another store meanwhile, would hide behind the newer generation.)
//
// An answer of an earlier generation is still given, with the state of the units it was
// computed on (UnitsState): when the TM has only gained units since, the store searches just
// those and merges (an import into a TM that a server answers from leaves its answers good
// for the units they saw). Least recently used answers go first past kAnswerCacheBytes.
// Thread-safe.
#ifndef HASHI_CORE_STORE_ANSWER_CACHE_H_
#define HASHI_CORE_STORE_ANSWER_CACHE_H_

#include <atomic>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "hashi/matcher.h"

namespace hashi {

// About this many bytes of answers per cache (a lookup's answer is a few KB).
inline constexpr size_t kAnswerCacheBytes = 16 << 20;

// The units of a TM as a read transaction saw them: how many rewrites (schema version 4: the
// writes that changed or removed a unit or an origin) the TM had had, and its greatest unit id.
// Unknown on an older TM.
struct UnitsState {
  bool known = false;
  int64_t rewrites = 0;
  int64_t last_unit = 0;
  // Whether `later` still holds this state's units unchanged, beside units added since (with
  // ids above last_unit).
  bool ExtendedBy(const UnitsState& later) const {
    return known && later.known && later.rewrites == rewrites && later.last_unit >= last_unit;
  }
};

class AnswerCache {
 public:
  // What identifies a request's answer on the TM at `tm_path`: everything in the request but
  // how it is computed (threads, memory). Exhaustive requests are not cached (they exist to
  // check the search).
  static std::string KeyOf(const std::string& tm_path, const LookupRequest& request);

  int64_t generation() const { return generation_.load(); }
  // A store found the TM changed: every answer kept so far is stale.
  void Changed() { ++generation_; }

  struct Kept {
    std::vector<Match> answer;
    UnitsState state;  // of the units it was computed on
    bool current;      // of `generation`, which is still the current one: the answer as it stands
  };
  // The answer kept for `key`, if any.
  std::optional<Kept> Find(const std::string& key, int64_t generation);
  // Keeps `answer`, computed on `state` by a lookup that read `generation` before it began
  // (unless an answer of a later generation is kept already).
  void Put(const std::string& key, int64_t generation, const UnitsState& state,
           const std::vector<Match>& answer);

  size_t bytes() const;
  size_t size() const;
  // How many answers of an earlier generation a store extended to the units added since.
  int64_t extended() const { return extended_.load(); }
  void CountExtended() { ++extended_; }

 private:
  struct Entry {
    std::string key;
    int64_t generation;
    UnitsState state;
    std::vector<Match> answer;
    size_t bytes;
  };
  void Evict(std::list<Entry>::iterator entry);

  std::atomic<int64_t> generation_{0};
  std::atomic<int64_t> extended_{0};
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // the most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
};

}  // namespace hashi

#endif  // HASHI_CORE_STORE_ANSWER_CACHE_H_
