// SqliteTmStore::Check and Vacuum: verifying a TM against its own units, and rebuilding what is
// derived from them (counters, match index).
//
// Check goes through the TM one chunk of 65,536 unit ids at a time, so that its memory stays
// that of one chunk: it counts the units' languages and pairs per origin, and rebuilds in
// memory what the match index should hold for the chunk (key lengths, key blocks, posting
// lists, made by the same code an import uses) and compares it with what is stored. Postings
// may hold more than expected (replaced units keep theirs until a vacuum: counts stay upper
// bounds), never less.
#include <algorithm>
#include <bit>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "hashi/normalizer.h"
#include "match/gram_tokens.h"
#include "match/levenshtein.h"
#include "match/posting_accumulator.h"
#include "match/posting_chunk.h"
#include "store/match_index_format.h"
#include "store/meta_codec.h"
#include "store/read_snapshot.h"
#include "store/sqlite_tm_store.h"

namespace hashi::store {
namespace {

// Problems listed in a report; the others are only counted.
constexpr size_t kListedProblems = 20;

constexpr int64_t kLowMask = (int64_t{1} << kLangShift) - 1;

// Problems as they are found; the few about counters are listed first, ahead of what may be
// thousands of units with missing postings.
class Findings {
 public:
  explicit Findings(CheckReport& report) : report_(report) {}
  void Add(std::string problem) { Keep(problems_, std::move(problem)); }
  void AddFirst(std::string problem) { Keep(first_, std::move(problem)); }
  // Moves them into the report, at most kListedProblems of them.
  void Finish() {
    for (std::vector<std::string>* list : {&first_, &problems_}) {
      for (std::string& p : *list) {
        if (report_.problems.size() < kListedProblems) {
          report_.problems.push_back(std::move(p));
        } else {
          ++report_.more_problems;
        }
      }
    }
    report_.more_problems += dropped_;
  }

 private:
  void Keep(std::vector<std::string>& list, std::string problem) {
    if (list.size() < kListedProblems) {
      list.push_back(std::move(problem));
    } else {
      ++dropped_;
    }
  }
  CheckReport& report_;
  std::vector<std::string> first_, problems_;
  int64_t dropped_ = 0;
};

std::string UnitName(int64_t unit) { return "unit " + std::to_string(unit); }

// What the index of one language should hold for one chunk.
struct ExpectedLang {
  std::vector<std::vector<KeyEntry>> entries;  // per slot
};

Result<sqlite::Statement> Prepare(sqlite3* db, const char* sql) {
  return sqlite::Statement::Prepare(db, sql);
}

int64_t FileBytes(const std::string& path) {
  std::error_code ec;
  int64_t bytes = 0;
  for (const char* suffix : {"", "-wal"}) {
    const auto size = std::filesystem::file_size(path + suffix, ec);
    if (!ec) bytes += static_cast<int64_t>(size);
  }
  return bytes;
}

// Checks one language of one chunk: lengths, key blocks and postings against `expected`.
class ChunkChecker {
 public:
  ChunkChecker(sqlite3* db, Findings& findings, CheckReport& report)
      : db_(db), findings_(findings), report_(report) {}

  Status Prepare() {
    struct Entry {
      sqlite::Statement* statement;
      const char* sql;
    };
    const Entry entries[] = {
        {&lengths_, "SELECT lengths FROM match_lengths WHERE id = ?1"},
        {&blocks_, "SELECT id, entries FROM match_keys WHERE id BETWEEN ?1 AND ?2"},
        {&postings_, "SELECT id, ids FROM match_postings WHERE id BETWEEN ?1 AND ?2"},
        {&vocabulary_, "SELECT gram, occ, id FROM match_tokens WHERE lang = ?1"},
    };
    for (const Entry& e : entries) {
      Result<sqlite::Statement> st = sqlite::Statement::Prepare(db_, e.sql);
      if (!st.ok()) return st.status();
      *e.statement = std::move(*st);
    }
    return Status::Ok();
  }

  Status Check(const std::string& lang, int lang_id, int64_t chunk, const ExpectedLang& expected) {
    const int64_t base = chunk << match::kChunkBits;
    // Key lengths: which units the index holds.
    std::vector<uint16_t> stored(match::kChunkSlots, kNoEntry);
    lengths_.Bind(1, ChunkRow(lang_id, chunk));
    Result<std::string> blob = sqlite::ReadBlob(lengths_);
    if (!blob.ok()) return blob.status();
    if (!blob->empty() && !DecodeLengths(*blob, stored)) {
      findings_.Add("match index (" + lang + "): the key lengths of units " + std::to_string(base) +
                    "-" + std::to_string(base + match::kChunkSlots - 1) + " are unreadable");
      return Status::Ok();
    }
    std::vector<uint16_t> wanted(match::kChunkSlots, kNoEntry);
    for (int slot = 0; slot < match::kChunkSlots; ++slot) {
      const std::vector<KeyEntry>& entries = expected.entries[slot];
      if (entries.size() == 1) {
        wanted[slot] =
            LengthValue(static_cast<int64_t>(match::ToCodePoints(entries[0].key).size()));
      } else if (entries.size() > 1) {
        wanted[slot] = kSeveral;
      }
      if (stored[slot] == wanted[slot]) continue;
      const int64_t unit = base + slot;
      if (wanted[slot] == kNoEntry) {
        findings_.Add(UnitName(unit) + " is in the match index (" + lang +
                      ") but not in the TM (deleted behind the index's back)");
      } else if (stored[slot] == kNoEntry) {
        findings_.Add(UnitName(unit) + " is missing from the match index (" + lang + ")");
      } else {
        findings_.Add(UnitName(unit) + ": the match index (" + lang + ") has a wrong key length");
      }
    }
    if (Status s = CheckKeys(lang, lang_id, chunk, expected); !s.ok()) return s;
    return CheckPostings(lang, lang_id, chunk, expected, stored, wanted);
  }

 private:
  Status CheckKeys(const std::string& lang, int lang_id, int64_t chunk,
                   const ExpectedLang& expected) {
    const int64_t first_block = (chunk << match::kChunkBits) >> kBlockBits;
    const int64_t blocks = match::kChunkSlots >> kBlockBits;
    std::vector<KeyBlock> stored(static_cast<size_t>(blocks));
    blocks_.Bind(1, BlockRow(lang_id, first_block))
        .Bind(2, BlockRow(lang_id, first_block + blocks - 1));
    Status status;
    for (;;) {
      Result<bool> row = blocks_.Step();
      if (!row.ok()) status = row.status();
      if (!row.ok() || !*row) break;
      const int64_t block = RowLowBits(blocks_.ColumnInt(0));
      KeyBlock& keys = stored[static_cast<size_t>(block - first_block)];
      if (!DecodeKeyBlock(blocks_.ColumnBlob(1), lang, keys)) {
        findings_.Add("match index (" + lang + "): the keys of units " +
                      std::to_string(block << kBlockBits) + "-" +
                      std::to_string(((block + 1) << kBlockBits) - 1) + " are unreadable");
        keys.clear();
      }
    }
    blocks_.Reset();
    if (!status.ok()) return status;
    for (int slot = 0; slot < match::kChunkSlots; ++slot) {
      const std::vector<KeyEntry>& want = expected.entries[slot];
      if (want.empty()) continue;
      const KeyBlock& block = stored[static_cast<size_t>(slot >> kBlockBits)];
      const size_t in_block = static_cast<size_t>(slot % kBlockSlots);
      const std::vector<KeyEntry> none;
      const std::vector<KeyEntry>& have = in_block < block.size() ? block[in_block] : none;
      bool same = have.size() == want.size();
      for (size_t i = 0; same && i < want.size(); ++i) {
        same =
            have[i].ord == want[i].ord && have[i].tag == want[i].tag && have[i].key == want[i].key;
      }
      if (!same) {
        findings_.Add(UnitName((chunk << match::kChunkBits) + slot) + ": the match index (" + lang +
                      ") holds a wrong or no key");
      }
    }
    return Status::Ok();
  }

  Result<const std::unordered_map<match::TokenId, int64_t>*> Vocabulary(const std::string& lang) {
    auto it = vocabularies_.find(lang);
    if (it != vocabularies_.end()) return &it->second;
    std::unordered_map<match::TokenId, int64_t>& vocabulary = vocabularies_[lang];
    vocabulary_.Bind(1, lang);
    for (;;) {
      Result<bool> row = vocabulary_.Step();
      if (!row.ok() || !*row) {
        vocabulary_.Reset();
        if (!row.ok()) return row.status();
        break;
      }
      char32_t first = 0, second = 0;
      if (!match::ParseGram(std::string(vocabulary_.ColumnText(0)), first, second)) continue;
      vocabulary[match::MakeToken(first, second, static_cast<int>(vocabulary_.ColumnInt(1)))] =
          vocabulary_.ColumnInt(2);
    }
    return &vocabulary;
  }

  Status CheckPostings(const std::string& lang, int lang_id, int64_t chunk,
                       const ExpectedLang& expected, const std::vector<uint16_t>& stored,
                       const std::vector<uint16_t>& wanted) {
    Result<const std::unordered_map<match::TokenId, int64_t>*> vocabulary = Vocabulary(lang);
    if (!vocabulary.ok()) return vocabulary.status();
    // The lists the chunk's keys make, by token number.
    match::PostingAccumulator accumulator;
    for (int slot = 0; slot < match::kChunkSlots; ++slot) {
      for (const KeyEntry& entry : expected.entries[slot]) {
        accumulator.AddKey(match::ToCodePoints(entry.key), static_cast<uint16_t>(slot));
      }
    }
    std::unordered_map<int64_t, std::vector<uint16_t>> lists;
    std::vector<int> missing(match::kChunkSlots, 0);
    int64_t unknown_tokens = 0;
    accumulator.ForEachSorted([&](match::TokenId token, std::vector<uint16_t>& slots) {
      auto number = (*vocabulary)->find(token);
      if (number == (*vocabulary)->end()) {
        ++unknown_tokens;
        for (uint16_t s : slots) ++missing[s];
        return;
      }
      std::sort(slots.begin(), slots.end());
      slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
      lists[number->second] = std::move(slots);
    });
    // Every stored list of the chunk, in token order.
    const int64_t low = PostingsRow(lang_id, chunk, 0);
    const int64_t high = PostingsRow(lang_id, chunk, (int64_t{1} << kChunkShift) - 1);
    postings_.Bind(1, low).Bind(2, high);
    match::ChunkBits bits = match::EmptyChunkBits();
    Status status;
    for (;;) {
      Result<bool> row = postings_.Step();
      if (!row.ok()) status = row.status();
      if (!row.ok() || !*row) break;
      const int64_t number = postings_.ColumnInt(0) & ((int64_t{1} << kChunkShift) - 1);
      std::fill(bits.begin(), bits.end(), 0);
      if (!match::OrPostings(postings_.ColumnBlob(1), bits)) {
        findings_.Add("match index (" + lang + "): the postings of token " +
                      std::to_string(number) + " in units from " +
                      std::to_string(chunk << match::kChunkBits) + " are unreadable");
        continue;
      }
      auto list = lists.find(number);
      if (list != lists.end()) {
        for (uint16_t s : list->second) {
          if (!((bits[s >> 6] >> (s & 63)) & 1)) ++missing[s];
        }
        lists.erase(list);
      }
      for (int w = 0; w < match::kChunkWords; ++w) {
        for (uint64_t word = bits[w]; word != 0; word &= word - 1) {
          const int s = w * 64 + std::countr_zero(word);
          // A unit marked absent (replaced, or never there) keeps its postings until a vacuum.
          if (stored[s] == kNoEntry && wanted[s] == kNoEntry) ++report_.stale_postings;
        }
      }
    }
    postings_.Reset();
    if (!status.ok()) return status;
    for (const auto& [number, slots] : lists) {  // lists with no row at all
      for (uint16_t s : slots) ++missing[s];
    }
    if (unknown_tokens > 0) {
      findings_.Add("match index (" + lang + "): " + std::to_string(unknown_tokens) +
                    " tokens of the keys of units from " +
                    std::to_string(chunk << match::kChunkBits) + " are not in its vocabulary");
    }
    for (int slot = 0; slot < match::kChunkSlots; ++slot) {
      if (missing[slot] == 0) continue;
      findings_.Add(UnitName((chunk << match::kChunkBits) + slot) + ": " +
                    std::to_string(missing[slot]) +
                    " of its postings are missing from the match index (" + lang + ")");
    }
    return Status::Ok();
  }

  sqlite3* db_;
  Findings& findings_;
  CheckReport& report_;
  sqlite::Statement lengths_;
  sqlite::Statement blocks_;
  sqlite::Statement postings_;
  sqlite::Statement vocabulary_;
  std::map<std::string, std::unordered_map<match::TokenId, int64_t>> vocabularies_;
};

// The counters as stored: (origin, key) -> n, zero rows left out.
template <typename Key>
void DropZeros(std::map<Key, int64_t>& counts) {
  std::erase_if(counts, [](const auto& entry) { return entry.second == 0; });
}

}  // namespace

Result<CheckReport> SqliteTmStore::Check() {
  sqlite3* db = db_.get();
  CheckReport report;
  Findings findings(report);
  // 1. The file itself.
  {
    Result<sqlite::Statement> st = Prepare(db, "PRAGMA integrity_check(20)");
    if (!st.ok()) return st.status().WithFile(path_);
    for (;;) {
      Result<bool> row = st->Step();
      if (!row.ok()) {
        report.file_damaged = true;
        findings.Add("SQLite cannot read the file: " + row.status().message());
        findings.Finish();
        return report;
      }
      if (!*row) break;
      const std::string line(st->ColumnText(0));
      if (line == "ok") break;
      report.file_damaged = true;
      findings.Add("SQLite integrity check: " + line);
    }
    if (report.file_damaged) {
      findings.Finish();
      return report;
    }
  }
  ReadSnapshot snapshot(db);  // one consistent view, even while another process imports
  if (!snapshot.status().ok()) return snapshot.status().WithFile(path_);
  // 2. Units, chunk by chunk: counters and match index.
  std::map<std::string, int> lang_ids;  // match_langs
  {
    Result<sqlite::Statement> st = Prepare(db, "SELECT lang, id FROM match_langs");
    if (!st.ok()) return st.status().WithFile(path_);
    for (;;) {
      Result<bool> row = st->Step();
      if (!row.ok()) return row.status().WithFile(path_);
      if (!*row) break;
      lang_ids[std::string(st->ColumnText(0))] = static_cast<int>(st->ColumnInt(1));
    }
  }
  // The chunks to look at: every chunk with units, and every chunk the index has lengths for.
  std::set<int64_t> chunks;
  {
    Result<sqlite::Statement> st =
        Prepare(db, "SELECT DISTINCT id >> 16 FROM units UNION SELECT id & ?1 FROM match_lengths");
    if (!st.ok()) return st.status().WithFile(path_);
    st->Bind(1, kLowMask);
    for (;;) {
      Result<bool> row = st->Step();
      if (!row.ok()) return row.status().WithFile(path_);
      if (!*row) break;
      chunks.insert(st->ColumnInt(0));
    }
  }
  Result<sqlite::Statement> units =
      Prepare(db, "SELECT id, origin_id, variants FROM units WHERE id BETWEEN ?1 AND ?2");
  if (!units.ok()) return units.status().WithFile(path_);
  ChunkChecker checker(db, findings, report);
  if (Status s = checker.Prepare(); !s.ok()) return s.WithFile(path_);
  CounterDeltas counted;
  std::map<std::string, std::string> primaries;
  for (int64_t chunk : chunks) {
    std::map<std::string, ExpectedLang> expected;
    for (const auto& [lang, id] : lang_ids) {
      expected[lang].entries.resize(match::kChunkSlots);
    }
    units->Bind(1, chunk << match::kChunkBits).Bind(2, ((chunk + 1) << match::kChunkBits) - 1);
    for (;;) {
      Result<bool> row = units->Step();
      if (!row.ok()) return row.status().WithFile(path_);
      if (!*row) break;
      const int64_t unit = units->ColumnInt(0);
      ++report.units;
      std::vector<Variant> variants;
      std::vector<std::string> tags;
      if (Status s = DecodeVariants(units->ColumnBlob(2), variants, &tags); !s.ok()) {
        findings.Add(UnitName(unit) + ": its variants are unreadable (" + s.message() + ")");
        continue;
      }
      std::vector<std::string> sorted = tags;
      std::sort(sorted.begin(), sorted.end());
      counted.Add(units->ColumnInt(1), sorted, +1);
      for (size_t i = 0; i < variants.size(); ++i) {
        auto primary = primaries.find(tags[i]);
        if (primary == primaries.end()) {
          primary = primaries.emplace(tags[i], PrimaryLanguage(tags[i])).first;
        }
        ExpectedLang& lang = expected[primary->second];
        if (lang.entries.empty()) lang.entries.resize(match::kChunkSlots);
        lang.entries[static_cast<size_t>(unit & 0xFFFF)].push_back(
            {static_cast<int>(i), tags[i], MatchKey(variants[i].segment.text)});
      }
    }
    units->Reset();
    for (const auto& [lang, want] : expected) {
      auto id = lang_ids.find(lang);
      if (id == lang_ids.end()) {
        findings.Add("the match index has no '" + lang + "' although units have variants in it");
        continue;
      }
      if (Status s = checker.Check(lang, id->second, chunk, want); !s.ok())
        return s.WithFile(path_);
    }
  }
  // 3. The counters against what was counted.
  std::map<int64_t, std::string> origin_names;
  std::map<int64_t, int64_t> stored_units;
  std::map<std::pair<int64_t, std::string>, int64_t> stored_langs, stored_pairs;
  struct CounterQuery {
    const char* sql;
    std::function<void(sqlite::Statement&)> take;
  };
  const CounterQuery queries[] = {
      {"SELECT id, name, units FROM origins",
       [&](sqlite::Statement& st) {
         origin_names[st.ColumnInt(0)] = std::string(st.ColumnText(1));
         stored_units[st.ColumnInt(0)] = st.ColumnInt(2);
       }},
      {"SELECT origin_id, lang, variants FROM lang_counts",
       [&](sqlite::Statement& st) {
         stored_langs[{st.ColumnInt(0), std::string(st.ColumnText(1))}] = st.ColumnInt(2);
       }},
      {"SELECT origin_id, pair, units FROM pair_counts",
       [&](sqlite::Statement& st) {
         stored_pairs[{st.ColumnInt(0), std::string(st.ColumnText(1))}] = st.ColumnInt(2);
       }},
  };
  for (const CounterQuery& q : queries) {
    Result<sqlite::Statement> st = Prepare(db, q.sql);
    if (!st.ok()) return st.status().WithFile(path_);
    for (;;) {
      Result<bool> row = st->Step();
      if (!row.ok()) return row.status().WithFile(path_);
      if (!*row) break;
      q.take(*st);
    }
  }
  auto origin = [&](int64_t id) {
    auto it = origin_names.find(id);
    return it == origin_names.end() ? "origin #" + std::to_string(id)
                                    : "origin '" + it->second + "'";
  };
  DropZeros(stored_units);
  DropZeros(counted.units);
  for (int64_t id : [&] {
         std::set<int64_t> ids;
         for (const auto& [k, n] : stored_units) ids.insert(k);
         for (const auto& [k, n] : counted.units) ids.insert(k);
         return ids;
       }()) {
    const int64_t have = stored_units.count(id) ? stored_units[id] : 0;
    const int64_t want = counted.units.count(id) ? counted.units[id] : 0;
    if (have != want) {
      findings.AddFirst("counters: " + origin(id) + " is counted with " + std::to_string(have) +
                        " units, the TM holds " + std::to_string(want));
    }
  }
  auto compare = [&](std::map<std::pair<int64_t, std::string>, int64_t>& have,
                     std::map<std::pair<int64_t, std::string>, int64_t>& want, const char* what) {
    DropZeros(have);
    DropZeros(want);
    std::set<std::pair<int64_t, std::string>> keys;
    for (const auto& [k, n] : have) keys.insert(k);
    for (const auto& [k, n] : want) keys.insert(k);
    for (const auto& key : keys) {
      const int64_t h = have.count(key) ? have[key] : 0;
      const int64_t w = want.count(key) ? want[key] : 0;
      if (h == w) continue;
      findings.AddFirst("counters: " + origin(key.first) + ", " + what + " " + key.second +
                        " is counted as " + std::to_string(h) + ", the TM holds " +
                        std::to_string(w));
    }
  };
  compare(stored_langs, counted.langs, "variants in");
  compare(stored_pairs, counted.pairs, "units with the pair");
  findings.Finish();
  return report;
}

Result<VacuumStats> SqliteTmStore::Vacuum() {
  sqlite3* db = db_.get();
  VacuumStats stats;
  stats.bytes_before = FileBytes(path_);
  {
    Result<sqlite::Transaction> txn = sqlite::Transaction::Begin(db);
    if (!txn.ok()) return txn.status().WithFile(path_);
    if (Status s = sqlite::Exec(db,
                                "DELETE FROM match_postings; DELETE FROM match_lengths; DELETE FROM match_stamps; "
                                "DELETE FROM match_keys; DELETE FROM match_tokens; "
                                "DELETE FROM match_langs; DELETE FROM lang_counts; "
                                "DELETE FROM pair_counts; UPDATE origins SET units = 0;");
        !s.ok()) {
      return s.WithFile(path_);
    }
    CounterDeltas deltas;
    Result<sqlite::Statement> st = Prepare(db, "SELECT origin_id, variants FROM units");
    if (!st.ok()) return st.status().WithFile(path_);
    for (;;) {
      Result<bool> row = st->Step();
      if (!row.ok()) return row.status().WithFile(path_);
      if (!*row) break;
      std::vector<Variant> variants;
      std::vector<std::string> tags;
      if (Status s = DecodeVariants(st->ColumnBlob(1), variants, &tags); !s.ok()) {
        return s.WithFile(path_);
      }
      std::sort(tags.begin(), tags.end());
      deltas.Add(st->ColumnInt(0), tags, +1);
      ++stats.units;
    }
    if (Status s = ApplyDeltas(deltas); !s.ok()) return s.WithFile(path_);
    if (Status s = BuildMatchIndex(db); !s.ok()) return s.WithFile(path_);
    if (Status s = txn->Commit(); !s.ok()) return s.WithFile(path_);
  }
  match_reader_->Clear();
  if (Status s = sqlite::Exec(db, "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);"); !s.ok()) {
    return s.WithFile(path_);
  }
  stats.bytes_after = FileBytes(path_);
  return stats;
}

}  // namespace hashi::store
