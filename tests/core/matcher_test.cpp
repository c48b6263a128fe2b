// The score (hashi/matcher.h) and the pieces of the match index: tokens, posting lists, the
// bit-sliced counter, the accumulator that builds posting lists, and the top-k collector.
#include "hashi/matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "match/gram_tokens.h"
#include "match/levenshtein.h"
#include "match/posting_accumulator.h"
#include "match/posting_chunk.h"
#include "match/top_units.h"
#include "store/match_index_format.h"

namespace hashi {
namespace {

TEST(MatchScore, FollowsTheContract) {
  EXPECT_EQ(MatchScore({"Hello world", {}}, {"Hello world", {}}), 100);
  EXPECT_EQ(MatchScore({"Hello world", {}}, {"hello   WORLD ", {}}), 99);
  EXPECT_EQ(MatchScore({"Hoà Bình", {}}, {"Hòa Bình", {}}), 99);
  EXPECT_EQ(MatchScore({"２０２４年", {}}, {"2024年", {}}), 99);
  EXPECT_EQ(MatchScore({"abcd", {}}, {"abce", {}}), 75);
  EXPECT_EQ(MatchScore({"abc", {}}, {"xyz", {}}), 0);
  // 101 code points, one differs: floor(100 * 100 / 101) = 99, though the keys differ.
  EXPECT_EQ(MatchScore({std::string(100, 'a') + "b", {}}, {std::string(101, 'a'), {}}), 99);
}

TEST(MatchScore, DistanceToScoreRoundsDown) {
  EXPECT_EQ(ScoreFromDistance(1, 3, 3), 66);
  EXPECT_EQ(ScoreFromDistance(0, 5, 5), 100);
  EXPECT_EQ(ScoreFromDistance(3, 10, 7), 70);
  EXPECT_EQ(ScoreFromDistance(10, 10, 0), 0);
}

TEST(MatchIdentity, KeepsCodesAndCollapsesSpace) {
  Segment a{"a  b", {}};
  Segment b{"a b", {}};
  EXPECT_EQ(MatchIdentity(a), MatchIdentity(b));
  ASSERT_TRUE(b.AppendCode({CodeKind::kPh, "<ph/>"}).ok());
  EXPECT_NE(MatchIdentity(a), MatchIdentity(b));
}

TEST(MatchGramTokens, NumberOccurrencesAndPadTheEnds) {
  match::GramTokenizer tokenizer;
  std::vector<match::TokenId> tokens;
  int overflow = -1;
  tokenizer.PaddedTokens(U"aaa", tokens, &overflow);
  ASSERT_EQ(tokens.size(), 4u);  // ^a aa aa a$
  EXPECT_EQ(tokens[0], match::MakeToken(match::kKeyStart, U'a', 1));
  EXPECT_EQ(tokens[1], match::MakeToken(U'a', U'a', 1));
  EXPECT_EQ(tokens[2], match::MakeToken(U'a', U'a', 2));
  EXPECT_EQ(tokens[3], match::MakeToken(U'a', match::kKeyEnd, 1));
  EXPECT_EQ(overflow, 0);
  tokenizer.PaddedTokens(std::u32string(100, U'x'), tokens, &overflow);
  EXPECT_EQ(static_cast<int>(tokens.size()), 2 + match::kMaxOccurrence);
  EXPECT_EQ(overflow, 99 - match::kMaxOccurrence);
  char32_t a = 0, b = 0;
  ASSERT_TRUE(match::ParseGram(match::GramText(U'日', U'本'), a, b));
  EXPECT_EQ(a, U'日');
  EXPECT_EQ(b, U'本');
}

TEST(MatchPostingAccumulator, ProducesWhatTheTokenizerSays) {
  std::mt19937 rng(3);
  match::PostingAccumulator accumulator;
  match::GramTokenizer tokenizer;
  std::map<match::TokenId, std::vector<uint16_t>> expected;
  std::vector<match::TokenId> tokens;
  for (uint16_t slot = 0; slot < 3000; ++slot) {
    std::u32string key;
    for (int i = rng() % 60; i > 0; --i) key.push_back(U"ab cd\u65E5"[rng() % 6]);
    accumulator.AddKey(key, slot);
    tokenizer.PaddedTokens(key, tokens, nullptr);
    for (match::TokenId t : tokens) expected[t].push_back(slot);
  }
  std::map<match::TokenId, std::vector<uint16_t>> got;
  accumulator.ForEachSorted(
      [&](match::TokenId t, std::vector<uint16_t>& slots) { got[t] = slots; });
  EXPECT_EQ(got, expected);
}

TEST(MatchPostings, RoundTripSparseAndDense) {
  for (int every : {1, 3, 100, 5000}) {
    std::vector<uint16_t> slots;
    for (int s = 0; s < match::kChunkSlots; s += every) slots.push_back(static_cast<uint16_t>(s));
    const std::string blob = match::EncodePostings(slots);
    std::vector<uint16_t> back;
    ASSERT_TRUE(match::DecodePostings(blob, back));
    EXPECT_EQ(back, slots);
    EXPECT_LE(blob.size(), match::kChunkWords * 8 + 1);
  }
  std::vector<uint16_t> ignored;
  EXPECT_FALSE(match::DecodePostings(std::string("\x07", 1), ignored));
  const std::string merged =
      match::MergePostings(match::EncodePostings({1, 5}), match::EncodePostings({2, 5, 9}));
  std::vector<uint16_t> back;
  ASSERT_TRUE(match::DecodePostings(merged, back));
  EXPECT_EQ(back, (std::vector<uint16_t>{1, 2, 5, 9}));
}

// A long sparse list becomes a bitmap of the same slots; a short list or a bitmap is kept
// byte for byte; damage is reported.
TEST(MatchPostings, CountingFormKeepsTheSlots) {
  for (int every : {2, 20, 40, 5000}) {
    std::vector<uint16_t> slots;
    for (int s = 0; s < match::kChunkSlots; s += every) slots.push_back(static_cast<uint16_t>(s));
    const std::string blob = match::EncodePostings(slots);
    std::string form;
    ASSERT_TRUE(match::ToCountingForm(blob, form));
    std::vector<uint16_t> back;
    ASSERT_TRUE(match::DecodePostings(form, back));
    EXPECT_EQ(back, slots);
    const bool long_sparse = blob[0] == 0 && slots.size() > 2048;  // 20 and 40 apart
    EXPECT_EQ(form.size(), long_sparse ? match::kChunkWords * 8 + 1 : blob.size()) << every;
    if (!long_sparse) {
      EXPECT_EQ(form, blob);
    }
  }
  std::string form;
  EXPECT_FALSE(match::ToCountingForm(std::string("\0\x90\x20\x05", 4), form));
  EXPECT_FALSE(match::ToCountingForm("", form));
}

TEST(MatchSlicedCounter, CountsLikeAnArrayOfCounters) {
  std::mt19937 rng(5);
  match::SlicedCounter counter;
  counter.Reset(7);
  std::vector<int> expected(match::kChunkSlots, 0);
  for (int list = 0; list < 100; ++list) {
    const int density = list % 4 == 0 ? 2 : list % 4 == 1 ? 50 : list % 4 == 2 ? 700 : 20000;
    std::vector<uint16_t> slots;
    for (int s = 0; s < match::kChunkSlots; ++s) {
      if (static_cast<int>(rng() % density) == 0) slots.push_back(static_cast<uint16_t>(s));
    }
    for (uint16_t s : slots) ++expected[s];
    ASSERT_TRUE(counter.Add(match::EncodePostings(slots)));
  }
  for (int s = 0; s < match::kChunkSlots; s += 97) ASSERT_EQ(counter.Count(s), expected[s]) << s;
  for (int threshold : {0, 1, 30, 52, 100, 128}) {
    match::ChunkBits mask;
    counter.AtLeast(threshold, mask);
    for (int s = 0; s < match::kChunkSlots; s += 13) {
      const bool set = (mask[s >> 6] >> (s & 63)) & 1;
      ASSERT_EQ(set, expected[s] >= threshold) << s << " " << threshold;
    }
  }
}

// Sparse lists go through byte counters, flushed into the planes every 255 lists and when
// read; counts at powers of two need every bit the flush transposes.
TEST(MatchSlicedCounter, CountsManySparseListsOnOneSlot) {
  match::SlicedCounter counter;
  counter.Reset(10);
  for (int list = 0; list < 300; ++list) {
    std::vector<uint16_t> slots = {7};
    if (list < 128) slots.push_back(9);
    if (list < 64) slots.push_back(11);
    if (list < 255) slots.push_back(13);
    if (list == 0) slots.push_back(65535);
    ASSERT_TRUE(counter.Add(match::EncodePostings(slots)));
    if (list == 1) {
      EXPECT_EQ(counter.Count(7), 2);  // a read midway, then more lists
    }
  }
  EXPECT_EQ(counter.Count(7), 300);
  EXPECT_EQ(counter.Count(9), 128);
  EXPECT_EQ(counter.Count(11), 64);
  EXPECT_EQ(counter.Count(13), 255);
  EXPECT_EQ(counter.Count(65535), 1);
  EXPECT_EQ(counter.Count(8), 0);
  match::ChunkBits mask;
  counter.AtLeast(128, mask);
  EXPECT_EQ(match::CountSlots(mask), 3);
}

TEST(MatchTopUnits, KeepsEveryUnitThatCanStillWin) {
  match::TopUnits top(2, 50);
  EXPECT_EQ(top.threshold(), 50);
  top.Offer(1, 0, 60);
  top.Offer(2, 0, 80);
  EXPECT_EQ(top.threshold(), 60);
  top.Offer(3, 0, 60);  // ties with the 2nd best: kept (it may win on the change date)
  top.Offer(4, 0, 55);  // below: dropped
  top.Offer(2, 1, 80);  // same score, later variant: the first stays
  top.Offer(1, 1, 90);  // a better variant of unit 1
  EXPECT_EQ(top.threshold(), 80);
  std::vector<match::ScoredUnit> c = top.Contenders();
  std::sort(c.begin(), c.end(), [](auto& a, auto& b) { return a.unit < b.unit; });
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].unit, 1);
  EXPECT_EQ(c[0].ord, 1);
  EXPECT_EQ(c[1].unit, 2);
  EXPECT_EQ(c[1].ord, 0);
}

TEST(MatchKeyBlock, RoundTripsAndReadsWithoutCopies) {
  store::KeyBlock block(store::kBlockSlots);
  block[0] = {{0, "en", "hello"}, {2, "en-GB", "colour"}};
  block[5] = {{1, "en-US", ""}};
  const std::string blob = store::EncodeKeyBlock(block, "en");
  store::KeyBlock back;
  ASSERT_TRUE(store::DecodeKeyBlock(blob, "en", back));
  EXPECT_EQ(back[0][1].tag, "en-GB");
  EXPECT_EQ(back[0][0].tag, "en");
  store::KeyBlockView view;
  ASSERT_TRUE(view.Parse(blob, "en"));
  std::string seen;
  view.ForEachEntry(0, [&](int ord, std::string_view tag, std::string_view key) {
    seen += std::to_string(ord) + std::string(tag) + std::string(key) + ";";
    return true;
  });
  EXPECT_EQ(seen, "0enhello;2en-GBcolour;");
  EXPECT_FALSE(view.Parse(blob.substr(0, blob.size() - 1), "en"));
}

}  // namespace
}  // namespace hashi
