#include "store/match_index_reader.h"

#include "match/posting_chunk.h"

namespace hashi::store {
namespace {

Status Damaged(const std::string& what) {
  return Status::InvalidInput("the TM's match index is damaged (" + what + ")");
}

// The UTF-8 string just after every string that starts with `prefix` (for a range scan).
std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

constexpr int64_t kLowMask = (int64_t{1} << kLangShift) - 1;
// Lists at least this long (the common bigrams', read by most queries) are cached, up to
// kPostingCacheBytes in all, from a connection's second query on: a one-shot `hashi lookup`
// would pay the copies and page faults (about 4,500 of its 9,800 at 1M units) for nothing.
constexpr size_t kCachedPostingBytes = 512;
constexpr size_t kPostingCacheBytes = size_t{256} << 20;

}  // namespace

Status MatchIndexReader::Ready() {
  if (prepared_) return Status::Ok();
  struct Entry {
    sqlite::Statement* statement;
    const char* sql;
  };
  const Entry entries[] = {
      {&lang_id_, "SELECT id FROM match_langs WHERE lang = ?1"},
      {&token_, "SELECT id, units FROM match_tokens WHERE lang = ?1 AND gram = ?2 AND occ = ?3"},
      {&chunks_, "SELECT id FROM match_lengths WHERE id BETWEEN ?1 AND ?2 ORDER BY id"},
      {&lengths_, "SELECT lengths FROM match_lengths WHERE id = ?1"},
      {&postings_, "SELECT ids FROM match_postings WHERE id = ?1"},
      {&block_, "SELECT entries FROM match_keys WHERE id = ?1"},
      {&chunk_blocks_, "SELECT id, entries FROM match_keys WHERE id BETWEEN ?1 AND ?2"},
      {&grams_from_,
       "SELECT gram, id FROM match_tokens WHERE lang = ?1 AND gram >= ?2 AND gram < ?3 "
       "AND occ = 1 ORDER BY gram"},
      {&any_gram_from_,
       "SELECT 1 FROM match_tokens WHERE lang = ?1 AND gram >= ?2 AND gram < ?3 LIMIT 1"},
      {&data_version_query_, "PRAGMA data_version"},
      {&langs_query_, "SELECT id, lang FROM match_langs"},
  };
  for (const Entry& e : entries) {
    Result<sqlite::Statement> st = sqlite::Statement::Prepare(db_, e.sql);
    if (!st.ok()) return st.status().WithContext("match index");
    *e.statement = std::move(*st);
  }
  // A TM of schema version 2, opened read-only, has no stamps (store/schema.h).
  Result<sqlite::Statement> stamps =
      sqlite::Statement::Prepare(db_, "SELECT id, stamp FROM match_stamps");
  has_stamps_ = stamps.ok();
  if (has_stamps_) stamps_query_ = std::move(*stamps);
  prepared_ = true;
  return Status::Ok();
}

void MatchIndexReader::Clear() {
  last_cache_ = nullptr;
  code_points_.clear();
  posting_cache_.Clear();
  lang_ids_.clear();
  caches_.clear();
  loaded_chunks_.clear();
  data_version_ = -1;  // the next Refresh reads the stamps again
  ++generation_;
}

Status MatchIndexReader::Refresh() {
  if (Status s = Ready(); !s.ok()) return s;
  Result<bool> row = data_version_query_.Step();
  const int64_t version = row.ok() && *row ? data_version_query_.ColumnInt(0) : -1;
  data_version_query_.Reset();
  if (!row.ok()) return row.status();
  if (version != data_version_) {
    if (Status s = DropChangedChunks(); !s.ok()) return s;
    ++generation_;
  }
  data_version_ = version;
  ++queries_;
  return Status::Ok();
}

// Compares the chunks' stamps and the languages' ids with those of the last look, and drops
// what is cached of each chunk whose stamp changed: a write that appends units to the last
// chunk leaves the caches of all the others, which at 1M units saves the next query on this
// connection about 25 ms (p50, cold against warm).
Status MatchIndexReader::DropChangedChunks() {
  if (!has_stamps_) {
    Clear();
    return Status::Ok();
  }
  std::map<int64_t, int64_t> stamps;
  std::map<int, std::string> langs;
  Status status = stamps_query_.ForEachRow(
      [&](const sqlite::Statement& row) { stamps[row.ColumnInt(0)] = row.ColumnInt(1); });
  if (!status.ok()) return status;
  status = langs_query_.ForEachRow([&](const sqlite::Statement& row) {
    langs[static_cast<int>(row.ColumnInt(0))] = std::string(row.ColumnText(1));
  });
  if (!status.ok()) return status;
  if (langs != lang_names_) Clear();  // a rebuilt index (vacuum) may number them anew
  lang_ids_.clear();
  code_points_.clear();
  std::set<int64_t> changed;  // chunk rows whose stamp differs (a missing row is stamp 0)
  for (const auto& [id, stamp] : stamps) {
    auto it = stamps_.find(id);
    if (it == stamps_.end() || it->second != stamp) changed.insert(id);
  }
  for (const auto& [id, stamp] : stamps_) {
    if (!stamps.count(id)) changed.insert(id);
  }
  for (int64_t row : changed) {
    auto lang = langs.find(static_cast<int>(row >> kLangShift));
    if (lang != langs.end()) DropChunk(lang->second, RowLowBits(row));
  }
  if (!changed.empty()) {
    posting_cache_.Forget([&](int64_t rowid) {  // lang << 56 | chunk << 32 | token
      return changed.count((rowid - RowLowBits(rowid)) | (RowLowBits(rowid) >> kChunkShift)) > 0;
    });
  }
  // Lists forgotten still take memory: past half the cache, start afresh.
  if (posting_cache_.forgotten_bytes() * 2 > posting_cache_.bytes()) posting_cache_.Clear();
  stamps_ = std::move(stamps);
  lang_names_ = std::move(langs);
  return Status::Ok();
}

void MatchIndexReader::DropChunk(const std::string& lang, int64_t chunk) {
  loaded_chunks_.erase({lang, chunk});
  auto cache = caches_.find(lang);
  if (cache == caches_.end()) return;
  LangCache& c = cache->second;
  if (static_cast<size_t>(chunk) < c.lengths.size()) c.lengths[static_cast<size_t>(chunk)].reset();
  if (static_cast<size_t>(chunk) < c.classes.size()) c.classes[static_cast<size_t>(chunk)].reset();
  const int64_t first = (chunk << match::kChunkBits) >> kBlockBits;
  const int64_t end = std::min<int64_t>(first + (match::kChunkSlots >> kBlockBits),
                                        static_cast<int64_t>(c.blocks.size()));
  for (int64_t block = first; block < end; ++block) c.blocks[static_cast<size_t>(block)].reset();
  if (static_cast<size_t>(chunk) < c.arenas.size()) c.arenas[static_cast<size_t>(chunk)].reset();
}

Result<int> MatchIndexReader::LangId(const std::string& lang) {
  auto it = lang_ids_.find(lang);
  if (it != lang_ids_.end()) return it->second;
  if (Status s = Ready(); !s.ok()) return s;
  lang_id_.Bind(1, lang);
  Result<bool> row = lang_id_.Step();
  const int id = row.ok() && *row ? static_cast<int>(lang_id_.ColumnInt(0)) : 0;
  lang_id_.Reset();
  if (!row.ok()) return row.status();
  lang_ids_[lang] = id;
  return id;
}

Result<MatchIndexReader::TokenInfo> MatchIndexReader::Token(const std::string& lang,
                                                            const std::string& gram,
                                                            int occurrence) {
  if (Status s = Ready(); !s.ok()) return s;
  token_.Bind(1, lang).Bind(2, gram).Bind(3, int64_t{occurrence});
  Result<bool> row = token_.Step();
  TokenInfo info;
  if (row.ok() && *row) info = {token_.ColumnInt(0), token_.ColumnInt(1)};
  token_.Reset();
  if (!row.ok()) return row.status();
  return info;
}

Result<std::vector<int64_t>> MatchIndexReader::Chunks(const std::string& lang) {
  Result<int> id = LangId(lang);
  if (!id.ok()) return id.status();
  std::vector<int64_t> chunks;
  if (*id == 0) return chunks;
  chunks_.Bind(1, LangRowBase(*id)).Bind(2, LangRowBase(*id) | kLowMask);
  Status status = chunks_.ForEachRow(
      [&](const sqlite::Statement& row) { chunks.push_back(RowLowBits(row.ColumnInt(0))); });
  if (!status.ok()) return status;
  return chunks;
}

MatchIndexReader::LangCache& MatchIndexReader::Cache(const std::string& lang) {
  if (last_cache_ == nullptr || last_lang_ != lang) {
    last_cache_ = &caches_[lang];  // references into an unordered_map stay valid
    last_lang_ = lang;
  }
  return *last_cache_;
}

// Grows `v` so that `index` is in range.
template <typename T>
static std::unique_ptr<T>& Slot(std::vector<std::unique_ptr<T>>& v, int64_t index) {
  if (static_cast<size_t>(index) >= v.size()) v.resize(static_cast<size_t>(index) + 1);
  return v[static_cast<size_t>(index)];
}

Result<const std::vector<uint16_t>*> MatchIndexReader::Lengths(const std::string& lang,
                                                               int64_t chunk) {
  std::unique_ptr<std::vector<uint16_t>>& cached = Slot(Cache(lang).lengths, chunk);
  if (cached) return cached.get();
  Result<int> id = LangId(lang);
  if (!id.ok()) return id.status();
  auto lengths = std::make_unique<std::vector<uint16_t>>(match::kChunkSlots, kNoEntry);
  bool ok = true;
  if (*id != 0) {
    lengths_.Bind(1, ChunkRow(*id, chunk));
    Result<bool> row = lengths_.Step();
    if (row.ok() && *row) ok = DecodeLengths(lengths_.ColumnBlob(0), *lengths);
    lengths_.Reset();
    if (!row.ok()) return row.status();
  }
  if (!ok) return Damaged("lengths of chunk " + std::to_string(chunk));
  cached = std::move(lengths);
  return cached.get();
}

Result<const LengthClasses*> MatchIndexReader::Classes(const std::string& lang, int64_t chunk) {
  std::unique_ptr<LengthClasses>& cached = Slot(Cache(lang).classes, chunk);
  if (cached) return cached.get();
  Result<const std::vector<uint16_t>*> lengths = Lengths(lang, chunk);  // another vector
  if (!lengths.ok()) return lengths.status();
  cached = std::make_unique<LengthClasses>(**lengths);
  return cached.get();
}

Result<std::string_view> MatchIndexReader::Postings(const std::string& lang, int64_t chunk,
                                                    int64_t token) {
  posting_blob_.clear();
  Result<int> id = LangId(lang);
  if (!id.ok()) return id.status();
  if (*id == 0 || token < 0) return std::string_view(posting_blob_);
  const int64_t rowid = PostingsRow(*id, chunk, token);
  if (const std::string_view* cached = posting_cache_.Find(rowid)) return *cached;
  postings_.Bind(1, rowid);
  Result<bool> row = postings_.Step();
  if (!row.ok()) {
    postings_.Reset();
    return row.status();
  }
  const std::string_view blob = *row ? postings_.ColumnBlob(0) : std::string_view();
  if (queries_ > 1 && blob.size() >= kCachedPostingBytes &&
      posting_cache_.bytes() + blob.size() <= kPostingCacheBytes) {
    // Long sparse lists are kept as bitmaps: decoding them into one for every query that
    // counts them was most of the counting time at 1M units.
    std::string kept;
    if (!match::ToCountingForm(blob, kept)) kept.assign(blob);  // damaged: Add reports it
    postings_.Reset();
    return posting_cache_.Insert(rowid, std::move(kept));
  }
  posting_blob_.assign(blob);
  postings_.Reset();
  return std::string_view(posting_blob_);
}

KeyArena& MatchIndexReader::ArenaOf(LangCache& cache, int64_t chunk) {
  std::unique_ptr<KeyArena>& arena = Slot(cache.arenas, chunk);
  if (!arena) arena = std::make_unique<KeyArena>();
  return *arena;
}

Status MatchIndexReader::LoadBlock(const std::string& lang, int lang_id, int64_t block) {
  auto view = std::make_unique<KeyBlockView>();
  bool ok = true;
  if (lang_id != 0) {
    block_.Bind(1, BlockRow(lang_id, block));
    Result<bool> row = block_.Step();
    if (row.ok() && *row) {
      KeyArena& arena = ArenaOf(Cache(lang), (block << kBlockBits) >> match::kChunkBits);
      ok = view->Parse(arena.Keep(block_.ColumnBlob(0)), lang);
    }
    block_.Reset();
    if (!row.ok()) return row.status();
  }
  if (!ok) return Damaged("keys of block " + std::to_string(block));
  Slot(Cache(lang).blocks, block) = std::move(view);
  return Status::Ok();
}

Result<const KeyBlockView*> MatchIndexReader::UnitBlock(const std::string& lang, int64_t unit) {
  const int64_t block = BlockOf(unit);
  std::vector<std::unique_ptr<KeyBlockView>>& blocks = Cache(lang).blocks;
  if (static_cast<size_t>(block) < blocks.size() && blocks[static_cast<size_t>(block)]) {
    return blocks[static_cast<size_t>(block)].get();
  }
  Result<int> id = LangId(lang);
  if (!id.ok()) return id.status();
  if (Status s = LoadBlock(lang, *id, block); !s.ok()) return s;
  return Cache(lang).blocks[static_cast<size_t>(block)].get();
}

// Calls row(block, blob) for each stored key block of language `lang_id` numbered first..last,
// in order, until it returns false; the blob is valid only during the call.
Status MatchIndexReader::ForEachBlockRow(
    int lang_id, int64_t first, int64_t last,
    const std::function<bool(int64_t block, std::string_view blob)>& row) {
  chunk_blocks_.Bind(1, BlockRow(lang_id, first)).Bind(2, BlockRow(lang_id, last));
  Status status;
  for (;;) {
    Result<bool> stepped = chunk_blocks_.Step();
    if (!stepped.ok()) status = stepped.status();
    if (!stepped.ok() || !*stepped) break;
    if (!row(RowLowBits(chunk_blocks_.ColumnInt(0)), chunk_blocks_.ColumnBlob(1))) break;
  }
  chunk_blocks_.Reset();
  return status;
}

Status MatchIndexReader::LoadChunkKeys(const std::string& lang, int64_t chunk) {
  if (!loaded_chunks_.insert({lang, chunk}).second) return Status::Ok();
  Result<int> id = LangId(lang);
  if (!id.ok()) return id.status();
  if (*id == 0) return Status::Ok();
  const int64_t first = (chunk << match::kChunkBits) >> kBlockBits;
  const int64_t last = first + (match::kChunkSlots >> kBlockBits) - 1;
  std::vector<std::unique_ptr<KeyBlockView>>& blocks = Cache(lang).blocks;
  KeyArena& arena = ArenaOf(Cache(lang), chunk);
  Status damaged;
  Status read = ForEachBlockRow(*id, first, last, [&](int64_t block, std::string_view blob) {
    std::unique_ptr<KeyBlockView>& slot = Slot(blocks, block);
    if (slot) return true;
    slot = std::make_unique<KeyBlockView>();
    if (slot->Parse(arena.Keep(blob), lang)) return true;
    damaged = Damaged("keys of block " + std::to_string(block));
    return false;
  });
  return read.ok() ? damaged : read;
}

Status MatchIndexReader::VisitBlocks(
    const std::string& lang, int64_t first, int64_t last,
    const std::function<bool(int64_t block, const KeyBlockView& view)>& visit) {
  Result<int> id = LangId(lang);
  if (!id.ok()) return id.status();
  if (*id == 0) return Status::Ok();
  KeyBlockView view;
  Status damaged;
  Status read = ForEachBlockRow(*id, first, last, [&](int64_t block, std::string_view blob) {
    if (view.Parse(blob, lang)) return visit(block, view);
    damaged = Damaged("keys of block " + std::to_string(block));
    return false;
  });
  return read.ok() ? damaged : read;
}

bool MatchIndexReader::ChunkKeysLoaded(const std::string& lang, int64_t chunk) const {
  return loaded_chunks_.count({lang, chunk}) > 0;
}

Result<bool> MatchIndexReader::HasCodePoint(const std::string& lang, const std::string& c) {
  auto key = std::make_pair(lang, c);
  auto it = code_points_.find(key);
  if (it != code_points_.end()) return it->second;
  if (Status s = Ready(); !s.ok()) return s;
  any_gram_from_.Bind(1, lang).Bind(2, c).Bind(3, PrefixEnd(c));
  Result<bool> row = any_gram_from_.Step();
  any_gram_from_.Reset();
  if (!row.ok()) return row.status();
  code_points_[key] = *row;
  return *row;
}

Result<std::vector<std::pair<std::string, int64_t>>> MatchIndexReader::GramsStartingWith(
    const std::string& lang, const std::string& prefix) {
  if (Status s = Ready(); !s.ok()) return s;
  std::vector<std::pair<std::string, int64_t>> grams;
  grams_from_.Bind(1, lang).Bind(2, prefix).Bind(3, PrefixEnd(prefix));
  Status status = grams_from_.ForEachRow([&](const sqlite::Statement& row) {
    grams.emplace_back(std::string(row.ColumnText(0)), row.ColumnInt(1));
  });
  if (!status.ok()) return status;
  return grams;
}

}  // namespace hashi::store
