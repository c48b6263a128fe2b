// MatchIndexWriter: keeps the match index (store/match_index_format.h) in step with the units
// table, inside the transaction of the write that changes the units. Units are added in id
// order as an import inserts them; deleted units are marked absent (their postings stay, and
// only ever make a count too high, which the search tolerates: counts are upper bounds).
// Postings and key blocks of the chunk being filled stay in memory until the import moves to
// the next chunk or Flush() is called, so an import writes each posting list once, and each
// language's key blocks of a chunk together. Not thread-safe; one per
// transaction (its state is only valid until the transaction ends).
#ifndef HASHI_CORE_STORE_MATCH_INDEX_WRITER_H_
#define HASHI_CORE_STORE_MATCH_INDEX_WRITER_H_

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "hashi/status.h"
#include "match/gram_tokens.h"
#include "sqlite/statement.h"
#include "store/match_index_format.h"

namespace hashi::store {

// A variant to index: its language (canonical tag) and its matching key.
struct IndexedVariant {
  std::string tag;  // canonical BCP-47 tag
  std::string key;  // MatchKey of the variant's text
};

class MatchIndexWriter {
 public:
  static Result<std::unique_ptr<MatchIndexWriter>> Create(sqlite3* db);
  ~MatchIndexWriter();

  // Indexes the variants of a unit just inserted (variant i has ord i).
  Status Add(int64_t unit_id, std::vector<IndexedVariant> variants);
  // Marks a unit as gone in each language of `tags` (its variants' canonical tags).
  Status Remove(int64_t unit_id, const std::vector<std::string>& tags);
  // Writes everything still in memory. REQUIRES: called before the transaction commits.
  Status Flush();

 private:
  struct LangState;
  explicit MatchIndexWriter(sqlite3* db);
  Status Prepare();
  Result<LangState*> State(const std::string& lang);
  // The token's number (a new one for a token never seen), after adding `units` to its count.
  Result<int64_t> TokenNumber(LangState& state, match::TokenId token, int64_t units);
  Status EnterChunk(LangState& state, int64_t chunk);
  Status FlushChunk(LangState& state);
  void DrainPending(LangState& state);
  const std::string& Primary(const std::string& tag);  // PrimaryLanguage, cached
  Status WritePostings(LangState& state, match::TokenId token, std::vector<uint16_t>& slots);
  Status EnterBlock(LangState& state, int64_t block);
  // Encodes the current block, if changed, into the chunk's blocks to write (FlushChunk).
  void SetBlockAside(LangState& state);
  Status AddToLang(LangState& state, int64_t unit_id, std::vector<KeyEntry> entries);

  sqlite3* db_;
  std::unordered_map<std::string, std::string> primaries_;  // tag -> primary subtag
  std::map<std::string, std::unique_ptr<LangState>> langs_;
  sqlite::Statement select_lang_;
  sqlite::Statement insert_lang_;
  sqlite::Statement save_next_token_;
  sqlite::Statement select_token_;
  sqlite::Statement insert_token_;
  sqlite::Statement select_lengths_;
  sqlite::Statement upsert_lengths_;
  sqlite::Statement upsert_stamp_;
  sqlite::Statement select_postings_;
  sqlite::Statement upsert_postings_;
  sqlite::Statement select_block_;
  sqlite::Statement upsert_block_;
};

// Indexes every stored unit from scratch (the migration to schema version 2 runs it on a TM
// that has units). REQUIRES: an open write transaction; the index tables empty.
Status BuildMatchIndex(sqlite3* db);

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_MATCH_INDEX_WRITER_H_
