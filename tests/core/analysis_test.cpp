// The band analysis: bands by score, context matches, repetitions across inputs, totals and
// weighted words.
#include "hashi/analysis.h"

#include <gtest/gtest.h>

namespace hashi {
namespace {

Match MatchOf(int score, int64_t unit, const std::string& origin = "o") {
  Match match;
  match.score = score;
  match.unit = unit;
  match.origin = origin;
  return match;
}

std::vector<Segment> Segments(const std::vector<std::string>& texts) {
  std::vector<Segment> segments;
  for (const std::string& text : texts) segments.push_back({text, {}});
  return segments;
}

TEST(Analysis, BandOfScore) {
  EXPECT_EQ(BandOfScore(100), Band::k100);
  EXPECT_EQ(BandOfScore(99), Band::k95To99);
  EXPECT_EQ(BandOfScore(95), Band::k95To99);
  EXPECT_EQ(BandOfScore(94), Band::k85To94);
  EXPECT_EQ(BandOfScore(85), Band::k85To94);
  EXPECT_EQ(BandOfScore(84), Band::k75To84);
  EXPECT_EQ(BandOfScore(75), Band::k75To84);
  EXPECT_EQ(BandOfScore(74), Band::k50To74);
  EXPECT_EQ(BandOfScore(50), Band::k50To74);
  EXPECT_EQ(BandOfScore(49), Band::kNone);
}

TEST(Analysis, BandNamesRoundTrip) {
  for (Band band : kAllBands) EXPECT_EQ(BandFromName(BandName(band)), band);
  EXPECT_FALSE(BandFromName("101").has_value());
}

TEST(Analysis, OneInput) {
  Analyzer analyzer(CountUnit::kWords);
  const AnalysisReport r =
      analyzer.Add("a.txt", Segments({"a", "b", "c", "d", "e"}), {1, 2, 3, 4, 5},
                   {{MatchOf(100, 10)},
                    {MatchOf(97, 3), MatchOf(60, 4)},
                    {MatchOf(80, 5)},
                    {},
                    {MatchOf(40, 1)}});
  EXPECT_EQ(r.file, "a.txt");
  EXPECT_EQ(r.segments, 5);
  EXPECT_EQ(r.words, 15);
  EXPECT_EQ(r.band(Band::k100), (BandCount{1, 1}));
  EXPECT_EQ(r.band(Band::k95To99), (BandCount{1, 2}));
  EXPECT_EQ(r.band(Band::k75To84), (BandCount{1, 3}));
  EXPECT_EQ(r.band(Band::kNone), (BandCount{2, 9}));  // no match, and one below 50
  int64_t sum = 0;
  for (Band band : kAllBands) sum += r.band(band).segments;
  EXPECT_EQ(sum, r.segments);
}

TEST(Analysis, ContextNeedsThePreviousUnitOfTheSameOrigin) {
  Analyzer analyzer(CountUnit::kWords);
  const AnalysisReport r = analyzer.Add(
      "a.txt", Segments({"s1", "s2", "s3", "s4", "s5"}), {1, 1, 1, 1, 1},
      {{MatchOf(100, 7)},
       {MatchOf(100, 8)},                           // follows unit 7 of origin o: context
       {MatchOf(100, 20, "p")},                     // unit 19 is not the previous segment's match
       {MatchOf(100, 21, "q")},                     // another origin than unit 20's
       {MatchOf(99, 22, "q"), MatchOf(100, 30)}});  // its exact match does not follow 21
  EXPECT_EQ(r.band(Band::kContext).segments, 1);
  EXPECT_EQ(r.band(Band::k100).segments, 4);
  EXPECT_TRUE(IsContextPair(MatchOf(100, 7), MatchOf(100, 8)));
  EXPECT_FALSE(IsContextPair(MatchOf(100, 8), MatchOf(100, 7)));
  EXPECT_FALSE(IsContextPair(MatchOf(100, 7, "x"), MatchOf(100, 8, "y")));
}

TEST(Analysis, ContextTakesAnyExactMatchOfEitherSegment) {
  Analyzer analyzer(CountUnit::kWords);
  const AnalysisReport r =
      analyzer.Add("a.txt", Segments({"s1", "s2"}), {1, 1},
                   {{MatchOf(100, 3), MatchOf(100, 40)}, {MatchOf(100, 90), MatchOf(100, 41)}});
  EXPECT_EQ(r.band(Band::kContext).segments, 1);
}

TEST(Analysis, RepetitionsAcrossTheJob) {
  Analyzer analyzer(CountUnit::kWords);
  const AnalysisReport a =
      analyzer.Add("a.txt", Segments({"Hello  world.", "Other", "Hello world."}), {2, 1, 2},
                   {{}, {}, {MatchOf(100, 1)}});
  EXPECT_EQ(a.band(Band::kNone), (BandCount{2, 3}));
  EXPECT_EQ(a.band(Band::kRepetitions), (BandCount{1, 2}));  // white space collapsed
  const AnalysisReport b =
      analyzer.Add("b.txt", Segments({"Other", "New"}), {1, 1}, {{MatchOf(90, 1)}, {}});
  EXPECT_EQ(b.band(Band::kRepetitions), (BandCount{1, 1}));
  EXPECT_EQ(b.band(Band::kNone), (BandCount{1, 1}));
  const AnalysisReport& total = analyzer.total();
  EXPECT_EQ(total.file, "*total*");
  EXPECT_EQ(total.segments, 5);
  EXPECT_EQ(total.words, 7);
  EXPECT_EQ(total.band(Band::kRepetitions), (BandCount{2, 3}));
}

TEST(Analysis, CharactersUnitIsKept) {
  Analyzer analyzer(CountUnit::kCharacters);
  EXPECT_EQ(analyzer.Add("ja.txt", {}, {}, {}).unit, CountUnit::kCharacters);
  EXPECT_EQ(analyzer.total().segments, 0);
}

TEST(Analysis, WeightsParseAndApply) {
  Result<BandWeights> w = ParseBandWeights(
      "context=0, 100=0.1;95-99=0.3\n# a comment, with =\n"
      "repetitions = 0.25");
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_EQ(w->rates[static_cast<size_t>(Band::k100)], 0.1);
  EXPECT_EQ(w->rates[static_cast<size_t>(Band::kNone)], 1.0);  // not given: full rate
  AnalysisReport r;
  r.band(Band::k100).words = 100;
  r.band(Band::kNone).words = 10;
  r.band(Band::kRepetitions).words = 4;
  r.band(Band::kContext).words = 50;
  EXPECT_DOUBLE_EQ(WeightedWords(r, *w), 10 + 10 + 1);
}

TEST(Analysis, BadWeightsAreUsageErrors) {
  for (const char* spec : {"", "100", "101=0.5", "100=abc", "100=-1", "100=0.5x", "# only"}) {
    SCOPED_TRACE(spec);
    Result<BandWeights> w = ParseBandWeights(spec);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.status().code(), ErrorCode::kUsage);
  }
  EXPECT_NE(ParseBandWeights("101=1").status().message().find("unknown band '101'"),
            std::string::npos);
}

}  // namespace
}  // namespace hashi
