// AnswerCache: the answers a store connection gave to recent lookups, so that a query asked
// again on an unchanged TM is answered without searching. Translators ask again all the time:
// a press release repeats its boilerplate, a CAT tool asks for a segment each time the
// translator comes back to it, the page asks again when a query is typed back. An answer is
// valid only for the TM generation it was computed in (MatchIndexReader::generation(): it moves
// on with every commit, by this connection or any other), so a cached answer is always the one
// a search would give. Least recently used answers go first past kAnswerCacheBytes.
// Private to hashi_core. Not thread-safe (one per connection, as the reader).
#ifndef HASHI_CORE_STORE_ANSWER_CACHE_H_
#define HASHI_CORE_STORE_ANSWER_CACHE_H_

#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "hashi/matcher.h"

namespace hashi::store {

// About this many bytes of answers per connection (a lookup's answer is a few KB).
inline constexpr size_t kAnswerCacheBytes = 16 << 20;

class AnswerCache {
 public:
  // What identifies a request's answer: everything in it but how it is computed (threads,
  // memory). Exhaustive requests are not cached (they exist to check the search).
  static std::string KeyOf(const LookupRequest& request);

  // The answer kept for `key` in `generation`, or null. Valid until the next Put or Clear.
  const std::vector<Match>* Find(const std::string& key, int64_t generation);
  void Put(const std::string& key, int64_t generation, const std::vector<Match>& answer);
  void Clear();

  size_t bytes() const { return bytes_; }
  size_t size() const { return index_.size(); }

 private:
  struct Entry {
    std::string key;
    std::vector<Match> answer;
    size_t bytes;
  };
  void Evict(std::list<Entry>::iterator entry);

  int64_t generation_ = -1;   // that of every entry
  std::list<Entry> entries_;  // the most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_ANSWER_CACHE_H_
