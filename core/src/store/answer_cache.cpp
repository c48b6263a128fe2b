#include "store/answer_cache.h"

#include "hashi/tm_store.h"

namespace hashi {
namespace {

// Appends `field` after its length, so that no two requests' fields run together alike.
void AddField(std::string& key, std::string_view field) {
  key.append(std::to_string(field.size())).push_back(':');
  key.append(field);
}

size_t SegmentBytes(const Segment& segment) {
  size_t bytes = sizeof(Segment) + segment.text.size();
  for (const Code& code : segment.codes) bytes += sizeof(Code) + code.markup.size();
  return bytes;
}

size_t AnswerBytes(const std::string& key, const std::vector<Match>& answer) {
  size_t bytes = sizeof(std::vector<Match>) + 2 * key.size() + 128;  // the key is kept twice
  for (const Match& match : answer) {
    bytes += sizeof(Match) + match.origin.size() + match.changed.size() + match.source_lang.size() +
             SegmentBytes(match.source);
    for (const auto& [tag, target] : match.targets) bytes += 64 + tag.size() + SegmentBytes(target);
  }
  return bytes;
}

}  // namespace

std::shared_ptr<AnswerCache> NewAnswerCache() { return std::make_shared<AnswerCache>(); }

std::string AnswerCache::KeyOf(const std::string& tm_path, const LookupRequest& request) {
  std::string key;
  AddField(key, tm_path);
  AddField(key, request.from);
  for (const std::string& to : request.to) AddField(key, to);
  AddField(key, "");
  AddField(key, request.query.text);
  for (const Code& code : request.query.codes) {
    AddField(key, std::to_string(static_cast<int>(code.kind)));
    AddField(key, code.markup);
  }
  AddField(key, "");
  AddField(key, std::to_string(request.min_score));
  AddField(key, std::to_string(request.limit));
  AddField(key, request.require_all_targets ? "all" : "any");
  for (int floor : request.band_floors) AddField(key, std::to_string(floor));
  return key;
}

std::optional<AnswerCache::Kept> AnswerCache::Find(const std::string& key, int64_t generation) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, it->second);  // now the most recently used
  const Entry& entry = *it->second;
  const bool current = entry.generation == generation && generation == generation_.load();
  return Kept{entry.answer, entry.state, current};
}

void AnswerCache::Put(const std::string& key, int64_t generation, const UnitsState& state,
                      const std::vector<Match>& answer) {
  const size_t bytes = AnswerBytes(key, answer);
  if (bytes > kAnswerCacheBytes / 4) return;  // one huge answer must not flush the others
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = index_.find(key); it != index_.end()) {
    if (it->second->generation > generation) return;  // a later lookup's
    Evict(it->second);
  }
  while (!entries_.empty() && bytes_ + bytes > kAnswerCacheBytes) Evict(std::prev(entries_.end()));
  entries_.push_front(Entry{key, generation, state, answer, bytes});
  index_.emplace(key, entries_.begin());
  bytes_ += bytes;
}

void AnswerCache::Evict(std::list<Entry>::iterator entry) {
  bytes_ -= entry->bytes;
  index_.erase(entry->key);
  entries_.erase(entry);
}

size_t AnswerCache::bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

size_t AnswerCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return index_.size();
}

}  // namespace hashi
