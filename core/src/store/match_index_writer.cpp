#include "store/match_index_writer.h"

#include <algorithm>

#include "hashi/normalizer.h"
#include "match/levenshtein.h"
#include "match/posting_accumulator.h"
#include "match/posting_chunk.h"
#include "store/meta_codec.h"

namespace hashi::store {

struct MatchIndexWriter::LangState {
  std::string lang;
  int id = 0;              // match_langs.id
  int64_t next_token = 0;  // the number the next new token gets
  bool next_token_dirty = false;
  std::unordered_map<match::TokenId, int64_t> token_numbers;  // cache of match_tokens
  int64_t chunk = -1;
  bool chunk_stored = false;           // the chunk had rows before this writer opened it
  std::vector<uint16_t> lengths;       // of `chunk`
  match::PostingAccumulator postings;  // of `chunk`, not written yet
  // Keys waiting to go into `postings`: added a batch at a time, so that one language's
  // tables stay in the cache while its postings are made.
  std::vector<std::pair<uint16_t, std::u32string>> pending;
  size_t pending_used = 0;
  int64_t block = -1;
  KeyBlock keys;  // of `block`
  bool keys_dirty = false;
  // The key blocks of `chunk` done with (rowid, encoded), written together with its postings:
  // written one by one as each filled, a language's blocks lay interleaved with the other
  // languages' in the file, and a lookup that verifies many units of one language faulted in
  // the pages of all three (a 1M-unit TM's hardest one-off lookup: 700 MB mapped, 0.2 s).
  std::vector<std::pair<int64_t, std::string>> blocks;
  // Slots to mark absent in chunks other than `chunk`, applied when the chunk is next opened
  // or at Flush(): replacing duplicates must not make the import hop between chunks.
  std::map<int64_t, std::vector<uint16_t>> removals;
};

namespace {

// Keys a language gathers before they go into its posting lists (see LangState::pending).
constexpr size_t kPendingKeys = 512;

Status Damaged(const std::string& what) {
  return Status::InvalidInput("the TM's match index is damaged (" + what + ")");
}

}  // namespace

MatchIndexWriter::MatchIndexWriter(sqlite3* db) : db_(db) {}
MatchIndexWriter::~MatchIndexWriter() = default;

Result<std::unique_ptr<MatchIndexWriter>> MatchIndexWriter::Create(sqlite3* db) {
  std::unique_ptr<MatchIndexWriter> writer(new MatchIndexWriter(db));
  if (Status s = writer->Prepare(); !s.ok()) return s;
  return writer;
}

Status MatchIndexWriter::Prepare() {
  struct Entry {
    sqlite::Statement* statement;
    const char* sql;
  };
  const Entry entries[] = {
      {&select_lang_, "SELECT id, next_token FROM match_langs WHERE lang = ?1"},
      {&insert_lang_,
       "INSERT INTO match_langs(id, lang) SELECT coalesce(max(id), 0) + 1, ?1 FROM match_langs "
       "RETURNING id"},
      {&save_next_token_, "UPDATE match_langs SET next_token = ?2 WHERE id = ?1"},
      {&select_token_, "SELECT id FROM match_tokens WHERE lang = ?1 AND gram = ?2 AND occ = ?3"},
      {&insert_token_,
       "INSERT INTO match_tokens(lang, gram, occ, id, units) VALUES(?1, ?2, ?3, ?4, ?5) "
       "ON CONFLICT(lang, gram, occ) DO UPDATE SET units = units + excluded.units"},
      {&select_lengths_, "SELECT lengths FROM match_lengths WHERE id = ?1"},
      {&upsert_lengths_, "INSERT OR REPLACE INTO match_lengths(id, lengths) VALUES(?1, ?2)"},
      {&upsert_stamp_, "INSERT OR REPLACE INTO match_stamps(id, stamp) VALUES(?1, ?2)"},
      {&select_postings_, "SELECT ids FROM match_postings WHERE id = ?1"},
      {&upsert_postings_, "INSERT OR REPLACE INTO match_postings(id, ids) VALUES(?1, ?2)"},
      {&select_block_, "SELECT entries FROM match_keys WHERE id = ?1"},
      {&upsert_block_, "INSERT OR REPLACE INTO match_keys(id, entries) VALUES(?1, ?2)"},
  };
  for (const Entry& e : entries) {
    Result<sqlite::Statement> st = sqlite::Statement::Prepare(db_, e.sql);
    if (!st.ok()) return st.status().WithContext("match index");
    *e.statement = std::move(*st);
  }
  return Status::Ok();
}

Result<MatchIndexWriter::LangState*> MatchIndexWriter::State(const std::string& lang) {
  std::unique_ptr<LangState>& state = langs_[lang];
  if (state) return state.get();
  auto fresh = std::make_unique<LangState>();
  fresh->lang = lang;
  select_lang_.Bind(1, lang);
  Result<bool> row = select_lang_.Step();
  if (row.ok() && *row) {
    fresh->id = static_cast<int>(select_lang_.ColumnInt(0));
    fresh->next_token = select_lang_.ColumnInt(1);
  }
  select_lang_.Reset();
  if (!row.ok()) return row.status();
  if (fresh->id == 0) {
    insert_lang_.Bind(1, lang);
    Result<bool> inserted = insert_lang_.Step();
    if (inserted.ok() && *inserted) fresh->id = static_cast<int>(insert_lang_.ColumnInt(0));
    insert_lang_.Reset();
    if (!inserted.ok()) return inserted.status();
  }
  if (fresh->id <= 0 || fresh->id > kMaxLangs) {
    return Status::InvalidInput("the TM holds more than " + std::to_string(kMaxLangs) +
                                " languages: the match index has no room for '" + lang + "'");
  }
  state = std::move(fresh);
  return state.get();
}

Result<int64_t> MatchIndexWriter::TokenNumber(LangState& state, match::TokenId token,
                                              int64_t units) {
  const std::string gram = match::GramText(match::TokenFirst(token), match::TokenSecond(token));
  const int64_t occurrence = match::TokenOccurrence(token);
  auto it = state.token_numbers.find(token);
  int64_t number = it == state.token_numbers.end() ? -1 : it->second;
  if (number < 0) {
    select_token_.Bind(1, state.lang).Bind(2, gram).Bind(3, occurrence);
    Result<bool> row = select_token_.Step();
    if (row.ok() && *row) number = select_token_.ColumnInt(0);
    select_token_.Reset();
    if (!row.ok()) return row.status();
  }
  if (number < 0) {
    number = state.next_token++;
    state.next_token_dirty = true;
  }
  state.token_numbers.emplace(token, number);
  // Inserts a new token, or adds to the unit count of a known one.
  insert_token_.Bind(1, state.lang).Bind(2, gram).Bind(3, occurrence).Bind(4, number);
  insert_token_.Bind(5, units);
  if (Status s = insert_token_.Run(); !s.ok()) return s;
  return number;
}

Status MatchIndexWriter::EnterChunk(LangState& state, int64_t chunk) {
  if (state.chunk == chunk) return Status::Ok();
  if (Status s = FlushChunk(state); !s.ok()) return s;
  select_lengths_.Bind(1, ChunkRow(state.id, chunk));
  Result<std::string> blob = sqlite::ReadBlob(select_lengths_);
  if (!blob.ok()) return blob.status();
  state.chunk = chunk;
  state.chunk_stored = !blob->empty();
  if (!state.chunk_stored) {
    state.lengths.assign(match::kChunkSlots, kNoEntry);
  } else if (!DecodeLengths(*blob, state.lengths)) {
    return Damaged("lengths of chunk " + std::to_string(chunk));
  }
  auto pending = state.removals.find(chunk);
  if (pending != state.removals.end()) {
    for (uint16_t slot : pending->second) state.lengths[slot] = kNoEntry;
    state.removals.erase(pending);
  }
  return Status::Ok();
}

Status MatchIndexWriter::WritePostings(LangState& state, match::TokenId token,
                                       std::vector<uint16_t>& slots) {
  if (!std::is_sorted(slots.begin(), slots.end())) std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  Result<int64_t> number = TokenNumber(state, token, static_cast<int64_t>(slots.size()));
  if (!number.ok()) return number.status();
  const int64_t row = PostingsRow(state.id, state.chunk, *number);
  std::string ids = match::EncodePostings(slots);
  if (state.chunk_stored) {  // an earlier write filled part of this chunk: merge with it
    select_postings_.Bind(1, row);
    Result<std::string> old = sqlite::ReadBlob(select_postings_);
    if (!old.ok()) return old.status();
    if (!old->empty()) ids = match::MergePostings(*old, ids);
  }
  upsert_postings_.Bind(1, row).BindBlob(2, ids);
  return upsert_postings_.Run();
}

void MatchIndexWriter::DrainPending(LangState& state) {
  for (size_t i = 0; i < state.pending_used; ++i) {
    state.postings.AddKey(state.pending[i].second, state.pending[i].first);
  }
  state.pending_used = 0;
}

Status MatchIndexWriter::FlushChunk(LangState& state) {
  if (state.chunk < 0) return Status::Ok();
  SetBlockAside(state);  // the chunk's last block
  for (auto& [row, blob] : state.blocks) {
    upsert_block_.Bind(1, row).BindBlob(2, blob);
    if (Status s = upsert_block_.Run(); !s.ok()) return s;
  }
  state.blocks.clear();
  DrainPending(state);
  Status status;
  state.postings.ForEachSorted([&](match::TokenId token, std::vector<uint16_t>& slots) {
    if (status.ok()) status = WritePostings(state, token, slots);
  });
  if (!status.ok()) return status;
  state.postings.Clear();
  upsert_lengths_.Bind(1, ChunkRow(state.id, state.chunk))
      .BindBlob(2, EncodeLengths(state.lengths));
  if (Status s = upsert_lengths_.Run(); !s.ok()) return s;
  // A new stamp tells reading connections that what they cached of this chunk is stale.
  int64_t stamp = 0;
  while (stamp == 0) sqlite3_randomness(sizeof stamp, &stamp);
  upsert_stamp_.Bind(1, ChunkRow(state.id, state.chunk)).Bind(2, stamp);
  if (Status s = upsert_stamp_.Run(); !s.ok()) return s;
  state.chunk_stored = true;
  if (!state.next_token_dirty) return Status::Ok();
  save_next_token_.Bind(1, int64_t{state.id}).Bind(2, state.next_token);
  state.next_token_dirty = false;
  return save_next_token_.Run();
}

Status MatchIndexWriter::EnterBlock(LangState& state, int64_t block) {
  if (state.block == block) return Status::Ok();
  SetBlockAside(state);
  const int64_t row = BlockRow(state.id, block);
  // Units come in id order, so a block set aside is not entered again; were it, it would be
  // taken back rather than read from the table, which does not have it yet.
  auto aside = std::find_if(state.blocks.rbegin(), state.blocks.rend(),
                            [row](const auto& b) { return b.first == row; });
  Result<std::string> blob = std::string();
  if (aside != state.blocks.rend()) {
    blob = std::move(aside->second);
    state.blocks.erase(std::next(aside).base());
  } else {
    select_block_.Bind(1, row);
    blob = sqlite::ReadBlob(select_block_);
  }
  if (!blob.ok()) return blob.status();
  state.block = block;
  state.keys.assign(kBlockSlots, {});
  if (!blob->empty() && !DecodeKeyBlock(*blob, state.lang, state.keys)) {
    return Damaged("keys of block " + std::to_string(block));
  }
  return Status::Ok();
}

void MatchIndexWriter::SetBlockAside(LangState& state) {
  if (state.block < 0 || !state.keys_dirty) return;
  state.blocks.emplace_back(BlockRow(state.id, state.block),
                            EncodeKeyBlock(state.keys, state.lang));
  state.keys_dirty = false;
}

Status MatchIndexWriter::AddToLang(LangState& state, int64_t unit_id,
                                   std::vector<KeyEntry> entries) {
  if (Status s = EnterChunk(state, match::ChunkOf(unit_id)); !s.ok()) return s;
  if (Status s = EnterBlock(state, BlockOf(unit_id)); !s.ok()) return s;
  const uint16_t slot = match::SlotOf(unit_id);
  for (const KeyEntry& entry : entries) {
    if (state.pending_used == state.pending.size()) state.pending.emplace_back();
    auto& [pending_slot, key] = state.pending[state.pending_used++];
    pending_slot = slot;
    key.clear();
    match::AppendCodePoints(entry.key, key);
    state.lengths[slot] =
        entries.size() == 1 ? LengthValue(static_cast<int64_t>(key.size())) : kSeveral;
  }
  if (state.pending_used >= kPendingKeys) DrainPending(state);
  state.keys[static_cast<size_t>(unit_id % kBlockSlots)] = std::move(entries);
  state.keys_dirty = true;
  return Status::Ok();
}

Status MatchIndexWriter::Add(int64_t unit_id, std::vector<IndexedVariant> variants) {
  // Variants grouped by language, in unit order within each (a unit rarely has two of one).
  std::vector<std::pair<LangState*, std::vector<KeyEntry>>> by_lang;
  for (size_t i = 0; i < variants.size(); ++i) {
    Result<LangState*> state = State(Primary(variants[i].tag));
    if (!state.ok()) return state.status();
    auto group = std::find_if(by_lang.begin(), by_lang.end(),
                              [&](const auto& g) { return g.first == *state; });
    if (group == by_lang.end()) group = by_lang.insert(by_lang.end(), {*state, {}});
    group->second.push_back(
        {static_cast<int>(i), std::move(variants[i].tag), std::move(variants[i].key)});
  }
  for (auto& [state, entries] : by_lang) {
    if (Status s = AddToLang(*state, unit_id, std::move(entries)); !s.ok()) return s;
  }
  return Status::Ok();
}

const std::string& MatchIndexWriter::Primary(const std::string& tag) {
  auto it = primaries_.find(tag);
  if (it == primaries_.end()) it = primaries_.emplace(tag, PrimaryLanguage(tag)).first;
  return it->second;
}

Status MatchIndexWriter::Remove(int64_t unit_id, const std::vector<std::string>& tags) {
  const int64_t chunk = match::ChunkOf(unit_id);
  const uint16_t slot = match::SlotOf(unit_id);
  for (const std::string& tag : tags) {
    Result<LangState*> state = State(Primary(tag));
    if (!state.ok()) return state.status();
    if ((*state)->chunk == chunk) {
      (*state)->lengths[slot] = kNoEntry;
    } else {
      (*state)->removals[chunk].push_back(slot);
    }
  }
  return Status::Ok();
}

Status MatchIndexWriter::Flush() {
  for (auto& [lang, state] : langs_) {
    if (Status s = FlushChunk(*state); !s.ok()) return s;
    while (!state->removals.empty()) {  // chunks this write did not otherwise touch
      if (Status s = EnterChunk(*state, state->removals.begin()->first); !s.ok()) return s;
      if (Status s = FlushChunk(*state); !s.ok()) return s;
    }
  }
  return Status::Ok();
}

Status BuildMatchIndex(sqlite3* db) {
  Result<std::unique_ptr<MatchIndexWriter>> writer = MatchIndexWriter::Create(db);
  if (!writer.ok()) return writer.status();
  Result<sqlite::Statement> st =
      sqlite::Statement::Prepare(db, "SELECT id, variants FROM units ORDER BY id");
  if (!st.ok()) return st.status();
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::vector<Variant> variants;
    std::vector<std::string> tags;
    if (Status s = DecodeVariants(st->ColumnBlob(1), variants, &tags); !s.ok()) return s;
    std::vector<IndexedVariant> indexed;
    for (size_t i = 0; i < variants.size(); ++i) {
      indexed.push_back({tags[i], MatchKey(variants[i].segment.text)});
    }
    if (Status s = (*writer)->Add(st->ColumnInt(0), std::move(indexed)); !s.ok()) return s;
  }
  return (*writer)->Flush();
}

}  // namespace hashi::store
