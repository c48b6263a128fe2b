// AnswerCache (hashi/tm_store.h): the answers recent lookups on one TM gave, so that a query
// asked again on an unchanged TM is answered without searching. Translators ask again all the
// time: a press release repeats its boilerplate, a CAT tool asks for a segment each time the
// translator comes back to it, the page asks again when a query is typed back.
//
// An answer is kept with the cache's generation, read before the lookup's read transaction
// began; any store that finds the TM changed when its lookup starts (MatchIndexReader::
// generation() moved on: a commit by another connection, or a write through its own) starts a
// new generation, and only answers of the current generation are given. So an answer given was
// computed from a snapshot that holds every commit any lookup has seen since: the one a search
// would give. (Were the generation read after the snapshot began, a commit between the two,
// seen and counted by another store meanwhile, would hide behind the newer generation.)
// Least recently used answers go first past kAnswerCacheBytes. Thread-safe.
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

class AnswerCache {
 public:
  // What identifies a request's answer on the TM at `tm_path`: everything in the request but
  // how it is computed (threads, memory). Exhaustive requests are not cached (they exist to
  // check the search).
  static std::string KeyOf(const std::string& tm_path, const LookupRequest& request);

  int64_t generation() const { return generation_.load(); }
  // A store found the TM changed: every answer kept so far is stale.
  void Changed() { ++generation_; }

  // The answer kept for `key` if `generation` is still the current one.
  std::optional<std::vector<Match>> Find(const std::string& key, int64_t generation);
  // Keeps `answer` unless `generation` is no longer the current one.
  void Put(const std::string& key, int64_t generation, const std::vector<Match>& answer);

  size_t bytes() const;
  size_t size() const;

 private:
  struct Entry {
    std::string key;
    std::vector<Match> answer;
    size_t bytes;
  };
  // Under mutex_: drops the entries if they are of another generation than `generation`.
  bool Current(int64_t generation);
  void Evict(std::list<Entry>::iterator entry);

  std::atomic<int64_t> generation_{0};
  mutable std::mutex mutex_;
  int64_t entries_generation_ = 0;  // that of every entry
  std::list<Entry> entries_;        // the most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
};

}  // namespace hashi

#endif  // HASHI_CORE_STORE_ANSWER_CACHE_H_
