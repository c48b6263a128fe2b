// SqliteTmStore::Concord. The phrase is folded like the keys; each of its bigrams must be in a
// unit's key for the unit to contain it, so the posting lists of the phrase's bigrams, ANDed
// chunk by chunk from the newest chunk down, give the candidates, which are then checked for
// the phrase itself. A phrase typed without diacritics is matched against bare keys: each of
// its bigrams stands for every indexed bigram whose letters fold to it ("ho" for "hò", "hợ"
// ...), ORed. A one-character phrase stands for every indexed bigram starting with it, which
// covers every occurrence, since keys are indexed with their end padded.
#include <algorithm>
#include <bit>

#include "hashi/normalizer.h"
#include "match/gram_tokens.h"
#include "match/levenshtein.h"
#include "match/phrase_fold.h"
#include "match/posting_chunk.h"
#include "store/read_snapshot.h"
#include "store/sqlite_tm_store.h"

namespace hashi::store {
namespace {

struct PhrasePlan {
  bool bare = false;
  std::string pattern;  // the folded phrase (BareKey or MatchKey), UTF-8
  // Per bigram of the pattern (or the one character), the first-occurrence tokens of the
  // indexed grams that stand for it.
  std::vector<std::vector<int64_t>> positions;
};

// The code points a phrase's `c` stands for: itself, and in a bare phrase every letter with
// diacritics that folds to it, as far as the language's keys hold it (every code point that
// is not a key's last is the first of some indexed bigram).
Result<std::vector<char32_t>> Letters(MatchIndexReader& reader, const std::string& lang, char32_t c,
                                      bool bare) {
  if (!bare) return std::vector<char32_t>{c};
  std::vector<char32_t> letters;
  for (char32_t x : match::BarePreimages(c)) {
    Result<bool> present = reader.HasCodePoint(lang, match::CodePointText(x));
    if (!present.ok()) return present.status();
    if (*present) letters.push_back(x);
  }
  return letters;
}

Result<std::vector<int64_t>> TokensFor(MatchIndexReader& reader, const std::string& lang,
                                       char32_t a, char32_t b, bool bare) {
  Result<std::vector<char32_t>> firsts = Letters(reader, lang, a, bare);
  if (!firsts.ok()) return firsts.status();
  // A second letter may also end a key, so it is not filtered by HasCodePoint.
  const std::vector<char32_t> seconds = bare ? match::BarePreimages(b) : std::vector{b};
  std::vector<int64_t> tokens;
  for (char32_t first : *firsts) {
    for (char32_t second : seconds) {
      Result<MatchIndexReader::TokenInfo> token =
          reader.Token(lang, match::GramText(first, second), 1);
      if (!token.ok()) return token.status();
      if (token->number >= 0) tokens.push_back(token->number);
    }
  }
  return tokens;
}

Result<std::vector<int64_t>> TokensStartingWith(MatchIndexReader& reader, const std::string& lang,
                                                char32_t c, bool bare) {
  Result<std::vector<char32_t>> firsts = Letters(reader, lang, c, bare);
  if (!firsts.ok()) return firsts.status();
  std::vector<int64_t> tokens;
  for (char32_t first : *firsts) {
    Result<std::vector<std::pair<std::string, int64_t>>> grams =
        reader.GramsStartingWith(lang, match::CodePointText(first));
    if (!grams.ok()) return grams.status();
    for (const auto& [gram, token] : *grams) tokens.push_back(token);
  }
  return tokens;
}

Result<PhrasePlan> Plan(MatchIndexReader& reader, const std::string& lang,
                        const std::string& phrase) {
  PhrasePlan plan;
  const std::string key = MatchKey(phrase);
  const std::string bare = BareKey(phrase);
  plan.bare = key == bare;
  plan.pattern = plan.bare ? bare : key;
  const std::u32string chars = match::ToCodePoints(plan.pattern);
  if (chars.size() == 1) {
    Result<std::vector<int64_t>> tokens = TokensStartingWith(reader, lang, chars[0], plan.bare);
    if (!tokens.ok()) return tokens.status();
    plan.positions.push_back(std::move(*tokens));
    return plan;
  }
  for (size_t i = 0; i + 1 < chars.size(); ++i) {
    Result<std::vector<int64_t>> tokens =
        TokensFor(reader, lang, chars[i], chars[i + 1], plan.bare);
    if (!tokens.ok()) return tokens.status();
    plan.positions.push_back(std::move(*tokens));
  }
  return plan;
}

// The units of `chunk` whose keys hold, for every position of the plan, one of its grams.
Result<match::ChunkBits> Candidates(MatchIndexReader& reader, const std::string& lang,
                                    int64_t chunk, const PhrasePlan& plan) {
  match::ChunkBits all(match::kChunkWords, ~uint64_t{0});
  for (const std::vector<int64_t>& tokens : plan.positions) {
    match::ChunkBits any = match::EmptyChunkBits();
    for (int64_t token : tokens) {
      Result<std::string_view> blob = reader.Postings(lang, chunk, token);
      if (!blob.ok()) return blob.status();
      if (!blob->empty() && !match::OrPostings(*blob, any)) {
        return Status::InvalidInput("the TM's match index is damaged (postings of token " +
                                    std::to_string(token) + ")");
      }
    }
    bool left = false;
    for (int w = 0; w < match::kChunkWords; ++w) left |= (all[w] &= any[w]) != 0;
    if (!left) break;
  }
  return all;
}

bool Contains(const PhrasePlan& plan, std::string_view key) {
  if (!plan.bare) return key.find(plan.pattern) != std::string_view::npos;
  return BareKey(key).find(plan.pattern) != std::string::npos;
}

// Appends to `found` the units of `chunk` that contain the phrase, newest first, up to `limit`.
Status FindInChunk(MatchIndexReader& reader, const std::string& lang, const LanguageTag& wanted,
                   int64_t chunk, const PhrasePlan& plan, size_t limit,
                   std::vector<std::pair<int64_t, int>>& found) {
  Result<match::ChunkBits> candidates = Candidates(reader, lang, chunk, plan);
  if (!candidates.ok()) return candidates.status();
  Result<const std::vector<uint16_t>*> lengths = reader.Lengths(lang, chunk);
  if (!lengths.ok()) return lengths.status();
  for (int w = match::kChunkWords - 1; w >= 0 && found.size() < limit; --w) {
    for (uint64_t bits = (*candidates)[w]; bits != 0 && found.size() < limit;) {
      const int bit = 63 - std::countl_zero(bits);
      bits &= ~(uint64_t{1} << bit);
      const int slot = w * 64 + bit;
      if ((**lengths)[slot] == kNoEntry) continue;
      const int64_t unit = (chunk << match::kChunkBits) | slot;
      Result<const KeyBlockView*> block = reader.UnitBlock(lang, unit);
      if (!block.ok()) return block.status();
      (*block)->ForEachEntry(
          static_cast<int>(unit % kBlockSlots),
          [&](int ord, std::string_view tag, std::string_view key) {
            Result<LanguageTag> parsed = LanguageTag::Parse(tag);
            if (!parsed.ok() || !parsed->Matches(wanted) || !Contains(plan, key)) {
              return true;  // try the unit's next variant
            }
            found.emplace_back(unit, ord);
            return false;
          });
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<ConcordHit>> SqliteTmStore::Concord(const ConcordRequest& request) {
  if (Status s = ValidateConcord(request); !s.ok()) return s;
  const LanguageTag wanted = *LanguageTag::Parse(request.lang);
  ReadSnapshot snapshot(db_.get());
  if (!snapshot.status().ok()) return snapshot.status().WithFile(path_);
  if (Status s = match_reader_->Refresh(); !s.ok()) return s.WithFile(path_);
  MatchIndexReader& reader = *match_reader_;
  const std::string lang = wanted.primary();
  Result<PhrasePlan> plan = Plan(reader, lang, request.phrase);
  if (!plan.ok()) return plan.status().WithFile(path_);
  Result<std::vector<int64_t>> chunks = reader.Chunks(lang);
  if (!chunks.ok()) return chunks.status().WithFile(path_);
  const size_t limit = static_cast<size_t>(request.limit);
  std::vector<std::pair<int64_t, int>> found;  // (unit, ord), newest first
  for (auto chunk = chunks->rbegin(); chunk != chunks->rend() && found.size() < limit; ++chunk) {
    if (Status s = FindInChunk(reader, lang, wanted, *chunk, *plan, limit, found); !s.ok()) {
      return s.WithFile(path_);
    }
  }
  std::vector<ConcordHit> hits;
  for (const auto& [unit, ord] : found) {
    Result<UnitRow> row = ReadUnitRow(unit);
    if (!row.ok()) return row.status().WithFile(path_);
    ConcordHit& hit = hits.emplace_back();
    hit.unit = unit;
    hit.origin = row->origin;
    hit.lang = row->tags[ord];
    hit.text = row->variants[ord].segment;
    for (size_t i = 0; i < row->variants.size(); ++i) {
      Result<LanguageTag> tag = LanguageTag::Parse(row->tags[i]);
      if (tag.ok() && tag->Matches(wanted)) continue;
      hit.targets.try_emplace(row->tags[i], row->variants[i].segment);
    }
  }
  return hits;
}

}  // namespace hashi::store
