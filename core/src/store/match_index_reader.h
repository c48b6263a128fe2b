// MatchIndexReader: reads the match index (store/match_index_format.h) for lookups and
// concordance, and caches what it has read (chunk lengths, units' keys) so that a run of
// queries on one connection reads each piece once. When the TM changes (PRAGMA data_version,
// checked by Refresh()), what is cached of each chunk whose stamp (match_stamps: drawn afresh
// by each write of the chunk) changed is dropped. Not thread-safe.
#ifndef HASHI_CORE_STORE_MATCH_INDEX_READER_H_
#define HASHI_CORE_STORE_MATCH_INDEX_READER_H_

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "hashi/status.h"
#include "sqlite/statement.h"
#include "store/key_arena.h"
#include "store/length_classes.h"
#include "store/match_index_format.h"
#include "store/posting_cache.h"

namespace hashi::store {

class MatchIndexReader {
 public:
  explicit MatchIndexReader(sqlite3* db) : db_(db) {}

  // Drops what is cached of the chunks another connection changed since the last call. Call at
  // the start of each query, inside its read transaction.
  Status Refresh();
  // Drops the caches unconditionally (after a write through this connection).
  void Clear();
  // Moves on each time Refresh() finds the TM changed (by any connection) or after Clear():
  // what was computed in one generation holds for as long as it lasts.
  int64_t generation() const { return generation_; }
  // The stamp of every chunk (of every language) as the last Refresh() saw them: equal stamps,
  // equal index. Null on a TM without stamps (schema version 2).
  const std::map<int64_t, int64_t>* stamps() const { return has_stamps_ ? &stamps_ : nullptr; }

  // The chunks that hold units of `lang`, ascending.
  Result<std::vector<int64_t>> Chunks(const std::string& lang);
  // The slot values of a chunk (kNoEntry, key length + 1 or kSeveral), all kNoEntry when the
  // chunk has none. The pointer stays valid until Refresh() or Clear().
  Result<const std::vector<uint16_t>*> Lengths(const std::string& lang, int64_t chunk);
  // The units of a chunk by key length, made from its Lengths. Valid as long as they are.
  Result<const LengthClasses*> Classes(const std::string& lang, int64_t chunk);
  // A token of the vocabulary: its number, and how many units held it when they were indexed
  // (deleted units not subtracted). number -1: no key of the language ever held it.
  struct TokenInfo {
    int64_t number = -1;
    int64_t units = 0;
  };
  Result<TokenInfo> Token(const std::string& lang, const std::string& gram, int occurrence);
  // The encoded posting list of a token in a chunk, or "" when no unit there holds it.
  // Valid until the next call, or until Refresh() or Clear() if Kept().
  Result<std::string_view> Postings(const std::string& lang, int64_t chunk, int64_t token);
  // Whether a list Postings() returned outlives the next call (the cache keeps it).
  bool Kept(std::string_view postings) const { return postings.data() != posting_blob_.data(); }
  // The key block holding `unit` in `lang` (ForEachEntry(unit % kBlockSlots, ...) then lists
  // the unit's entries; none if it has no variant there). Valid until Refresh() or Clear().
  Result<const KeyBlockView*> UnitBlock(const std::string& lang, int64_t unit);
  // The key block holding `unit` if it has been read already, else null. For prefetching.
  const KeyBlockView* CachedUnitBlock(const std::string& lang, int64_t unit) {
    const size_t block = static_cast<size_t>(BlockOf(unit));
    const auto& blocks = Cache(lang).blocks;
    return block < blocks.size() ? blocks[block].get() : nullptr;
  }
  // Reads the keys of every unit of a chunk at once: cheaper than block by block when a query
  // needs many of them.
  Status LoadChunkKeys(const std::string& lang, int64_t chunk);
  bool ChunkKeysLoaded(const std::string& lang, int64_t chunk) const;
  // Calls visit(block, view) for each stored key block of `lang` numbered first..last, in
  // order, with a view of the bytes where SQLite reads them: nothing is copied or kept, and
  // the view is valid only during the call. For a lookup no other will follow (copying a big
  // TM's keys into fresh memory was most of such a lookup's time). visit returns false to stop.
  // `visit` must not call this reader.
  Status VisitBlocks(const std::string& lang, int64_t first, int64_t last,
                     const std::function<bool(int64_t block, const KeyBlockView& view)>& visit);

  // Whether some key of `lang` holds the code point `c` (UTF-8) other than at its very end.
  // Cached.
  Result<bool> HasCodePoint(const std::string& lang, const std::string& c);
  // The grams starting with `prefix` (UTF-8) that some key of `lang` holds, with the numbers
  // of their first-occurrence tokens.
  Result<std::vector<std::pair<std::string, int64_t>>> GramsStartingWith(const std::string& lang,
                                                                         const std::string& prefix);

 private:
  Status Ready();
  Result<int> LangId(const std::string& lang);  // 0 when the language has no index
  Status LoadBlock(const std::string& lang, int lang_id, int64_t block);
  Status ForEachBlockRow(int lang_id, int64_t first, int64_t last,
                         const std::function<bool(int64_t block, std::string_view blob)>& row);
  Status DropChangedChunks();
  void DropChunk(const std::string& lang, int64_t chunk);

  sqlite3* db_;
  bool prepared_ = false;
  int64_t data_version_ = -1;
  int64_t queries_ = 0;  // calls of Refresh(): one per query
  int64_t generation_ = 0;
  sqlite::Statement lang_id_;
  sqlite::Statement token_;
  sqlite::Statement chunks_;
  sqlite::Statement lengths_;
  sqlite::Statement postings_;
  sqlite::Statement block_;
  sqlite::Statement chunk_blocks_;
  sqlite::Statement grams_from_;
  sqlite::Statement any_gram_from_;
  std::map<std::pair<std::string, std::string>, bool> code_points_;
  sqlite::Statement data_version_query_;
  sqlite::Statement stamps_query_;
  bool has_stamps_ = false;  // false: a TM of schema version 2, read-only
  sqlite::Statement langs_query_;
  std::map<int64_t, int64_t> stamps_;      // chunk row -> stamp, at the last look
  std::map<int, std::string> lang_names_;  // match_langs, at the last look
  std::string posting_blob_;
  // Posting lists read before, by rowid, kept across queries up to kPostingCacheBytes: a run
  // of lookups reads the lists of common bigrams over and over.
  PostingCache posting_cache_;
  std::map<std::string, int> lang_ids_;
  // What has been read of one language, indexed by chunk and by block.
  struct LangCache {
    std::vector<std::unique_ptr<std::vector<uint16_t>>> lengths;
    std::vector<std::unique_ptr<LengthClasses>> classes;
    std::vector<std::unique_ptr<KeyBlockView>> blocks;
    std::vector<std::unique_ptr<KeyArena>> arenas;  // per chunk: the bytes of its blocks
  };
  LangCache& Cache(const std::string& lang);
  // Where the key blocks of `chunk` are kept.
  static KeyArena& ArenaOf(LangCache& cache, int64_t chunk);
  std::unordered_map<std::string, LangCache> caches_;
  std::set<std::pair<std::string, int64_t>> loaded_chunks_;
  LangCache* last_cache_ = nullptr;  // caches_[last_lang_]: most queries stay in one language
  std::string last_lang_;
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_MATCH_INDEX_READER_H_
