// SqliteTmStore::Lookup: the indexed search (store/match_search.cpp) or, with `exhaustive`, a
// scan of every unit; both feed the same scorer and the same final ranking.
#include <algorithm>
#include <iterator>
#include <string_view>
#include <tuple>

#include "hashi/normalizer.h"
#include "store/meta_codec.h"
#include "store/read_snapshot.h"
#include "store/second_reader.h"
#include "store/sqlite_tm_store.h"

namespace hashi::store {
namespace {

// The order of an answer, compared with >: by score, then the latest change, then the newest
// unit.
using Rank = std::tuple<int, std::string_view, int64_t>;

}  // namespace

Result<std::vector<Match>> SqliteTmStore::Lookup(const LookupRequest& request) {
  if (Status s = ValidateLookup(request); !s.ok()) return s;
  // Inside a transaction of this connection the answer may hold writes not committed yet; a
  // lookup that keeps no keys is the only one its process makes.
  const bool cacheable = answers_ && !request.exhaustive && request.keep_keys &&
                         sqlite3_get_autocommit(db_.get()) != 0;
  const int64_t generation = cacheable ? answers_->generation() : 0;  // before the snapshot
  ReadSnapshot snapshot(db_.get());
  if (!snapshot.status().ok()) return snapshot.status().WithFile(path_);
  if (!request.exhaustive) {
    if (Status s = match_reader_->Refresh(); !s.ok()) return s.WithFile(path_);
  }
  if (!cacheable) return Search(request, 0);
  // A change this connection saw (here, in a concordance search, or its own write) and has
  // not told the cache of yet.
  if (match_reader_->generation() != told_generation_) {
    answers_->Changed();
    told_generation_ = match_reader_->generation();
  }
  const std::string cache_key = AnswerCache::KeyOf(path_, request);
  std::optional<AnswerCache::Kept> kept = answers_->Find(cache_key, generation);
  if (kept && kept->current) return std::move(kept->answer);
  Result<UnitsState> state = ReadUnitsState();
  if (!state.ok()) return state.status().WithFile(path_);
  // An answer of band mode is one unit of the best band, not the best unit: it does not merge.
  Result<std::vector<Match>> answer =
      kept && request.band_floors.empty() && kept->state.ExtendedBy(*state)
          ? Extend(request, std::move(kept->answer), kept->state.last_unit, state->last_unit)
          : Search(request, 0);
  if (answer.ok()) answers_->Put(cache_key, generation, *state, *answer);
  return answer;
}

Result<UnitsState> SqliteTmStore::ReadUnitsState() {
  if (!units_state_) {
    Result<sqlite::Statement> st = sqlite::Statement::Prepare(
        db_.get(), "SELECT (SELECT count FROM rewrites), (SELECT max(id) FROM units)");
    if (!st.ok()) return UnitsState{};  // a TM older than schema version 4 (read-only)
    units_state_ = std::move(*st);
  }
  Result<bool> row = units_state_->Step();
  UnitsState state;
  if (row.ok() && *row) {
    state = {true, units_state_->ColumnInt(0), units_state_->ColumnInt(1)};
  }
  units_state_->Reset();
  if (!row.ok()) return row.status();
  return state;
}

Result<std::vector<Match>> SqliteTmStore::Extend(const LookupRequest& request,
                                                 std::vector<Match> answer, int64_t last_unit,
                                                 int64_t last_unit_now) {
  answers_->CountExtended();
  if (last_unit_now == last_unit) return answer;
  // A unit added since enters a full answer only with at least the score of its last match.
  LookupRequest added = request;
  if (!answer.empty() && answer.size() >= static_cast<size_t>(request.limit)) {
    added.min_score = std::max(added.min_score, answer.back().score);
  }
  Result<std::vector<Match>> more = Search(added, last_unit);
  if (!more.ok()) return more;
  answer.insert(answer.end(), std::make_move_iterator(more->begin()),
                std::make_move_iterator(more->end()));
  std::sort(answer.begin(), answer.end(), [](const Match& a, const Match& b) {
    return Rank{a.score, a.changed, a.unit} > Rank{b.score, b.changed, b.unit};
  });
  if (answer.size() > static_cast<size_t>(request.limit)) answer.resize(request.limit);
  return answer;
}

Result<std::vector<Match>> SqliteTmStore::Search(const LookupRequest& request, int64_t after_unit) {
  SearchQuery query;
  query.from = *LanguageTag::Parse(request.from);
  query.lang = query.from.primary();
  query.key = match::ToCodePoints(MatchKey(request.query.text));
  query.identity = MatchIdentity(request.query);
  query.threads = std::max(1, request.threads);
  query.keep_keys = request.keep_keys;
  query.memory = request.memory.get();
  query.after_unit = after_unit;
  match::TopUnits top = request.band_floors.empty()
                            ? match::TopUnits(request.limit, request.min_score)
                            : match::TopUnits(request.min_score, request.band_floors);
  CandidateChecks checks;
  checks.identity = [this](int64_t unit, int ord) { return VariantIdentity(unit, ord); };
  if (request.require_all_targets) {
    checks.admit = [this, &request](int64_t unit) { return HasEveryTarget(request, unit); };
  }
  VariantScorer scorer(query, checks, top);
  if (request.exhaustive) {
    if (Status s = ScanAllUnits(scorer); !s.ok()) return s.WithFile(path_);
    return RankContenders(request, top.Contenders());
  }
  // A lookup that keeps no keys reads them with a second connection too, where it may use a
  // second thread (MatchIndexReader is not thread-safe).
  if (!request.keep_keys && query.threads > 1 && !second_reader_) {
    second_reader_ = std::make_unique<SecondReader>(path_);
  }
  search_->set_second_reader(request.keep_keys ? nullptr : second_reader_.get());
  if (Status s = search_->Run(query, scorer, top); !s.ok()) return s.WithFile(path_);
  return RankContenders(request, top.Contenders());
}

// The reference: every variant of every unit, keyed from its stored text, not from the index.
Status SqliteTmStore::ScanAllUnits(VariantScorer& scorer) {
  Result<sqlite::Statement> st =
      sqlite::Statement::Prepare(db_.get(), "SELECT id, variants FROM units ORDER BY id");
  if (!st.ok()) return st.status();
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    std::vector<Variant> variants;
    std::vector<std::string> tags;
    if (Status s = DecodeVariants(st->ColumnBlob(1), variants, &tags); !s.ok()) return s;
    for (size_t i = 0; i < variants.size(); ++i) {
      if (!scorer.TagMatches(tags[i])) continue;
      Status s = scorer.Score(st->ColumnInt(0), static_cast<int>(i), tags[i],
                              MatchKey(variants[i].segment.text));
      if (!s.ok()) return s;
    }
  }
}

Result<SqliteTmStore::UnitRow> SqliteTmStore::ReadUnitRow(int64_t unit) {
  unit_row_.Bind(1, unit);
  Result<bool> row = unit_row_.Step();
  UnitRow out;
  Status status = row.status();
  if (row.ok() && !*row) status = Status::NotFound("unit " + std::to_string(unit) + " is gone");
  if (status.ok()) {
    out.changed = unit_row_.ColumnText(0);
    out.origin = unit_row_.ColumnText(1);
    status = DecodeVariants(unit_row_.ColumnBlob(2), out.variants, &out.tags);
  }
  unit_row_.Reset();
  if (!status.ok()) return status;
  return out;
}

Result<std::string> SqliteTmStore::VariantIdentity(int64_t unit, int ord) {
  Result<UnitRow> row = ReadUnitRow(unit);
  if (!row.ok()) return row.status();
  if (ord < 0 || ord >= static_cast<int>(row->variants.size())) {
    return Status::InvalidInput("the TM's match index is damaged (unit " + std::to_string(unit) +
                                " has no variant " + std::to_string(ord) + ")");
  }
  return MatchIdentity(row->variants[ord].segment);
}

Result<bool> SqliteTmStore::HasEveryTarget(const LookupRequest& request, int64_t unit) {
  Result<UnitRow> row = ReadUnitRow(unit);
  if (!row.ok()) return row.status();
  for (const std::string& to : request.to) {
    const LanguageTag wanted = *LanguageTag::Parse(to);
    bool found = false;
    for (const std::string& tag : row->tags) {
      Result<LanguageTag> have = LanguageTag::Parse(tag);
      found |= have.ok() && have->Matches(wanted);
    }
    if (!found) return false;
  }
  return true;
}

Result<std::vector<Match>> SqliteTmStore::RankContenders(
    const LookupRequest& request, std::vector<match::ScoredUnit> contenders) {
  std::vector<std::pair<match::ScoredUnit, UnitRow>> ranked;
  for (const match::ScoredUnit& c : contenders) {
    Result<UnitRow> row = ReadUnitRow(c.unit);
    if (!row.ok()) return row.status().WithFile(path_);
    ranked.emplace_back(c, std::move(*row));
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return Rank{a.first.score, a.second.changed, a.first.unit} >
           Rank{b.first.score, b.second.changed, b.first.unit};
  });
  if (ranked.size() > static_cast<size_t>(request.limit)) ranked.resize(request.limit);
  std::vector<LanguageTag> to;
  for (const std::string& tag : request.to) to.push_back(*LanguageTag::Parse(tag));
  std::vector<Match> matches;
  for (auto& [scored, row] : ranked) {
    Match& match = matches.emplace_back();
    match.score = scored.score;
    match.unit = scored.unit;
    match.origin = row.origin;
    match.changed = row.changed;
    match.source_lang = row.tags[scored.ord];
    match.source = row.variants[scored.ord].segment;
    for (size_t t = 0; t < to.size(); ++t) {
      for (size_t i = 0; i < row.variants.size(); ++i) {
        Result<LanguageTag> tag = LanguageTag::Parse(row.tags[i]);
        if (!tag.ok() || !tag->Matches(to[t]) || match.targets.count(request.to[t])) continue;
        match.targets[request.to[t]] = row.variants[i].segment;
      }
    }
  }
  return matches;
}

}  // namespace hashi::store
