// The aligner's dynamic programming (core/src/align/banded_dp.h) and band diagonal
// (diagonal.h): the cheapest path, posteriors that are probabilities, a band that widens itself
// when the path runs along its edge, and the skeleton of sure points.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "align/banded_dp.h"
#include "align/diagonal.h"
#include "align/pair_model.h"

namespace hashi::align {
namespace {

// 1-1 links are cheap where B is A shifted by `shift` (B has `shift` extra items first);
// everything else costs more.
class ShiftedScorer : public LinkScorer {
 public:
  explicit ShiftedScorer(size_t shift) : shift_(shift) {}
  double Cost(size_t i, int a, size_t j, int b) const override {
    if (a == 1 && b == 1) return j == i + shift_ ? 0.1 : 6.0;
    if (a == 0 || b == 0) return 4.0;
    return 9.0;
  }

 private:
  size_t shift_;
};

std::vector<size_t> PlainDiagonal(size_t n, size_t m) {
  std::vector<size_t> center(n + 1);
  for (size_t i = 0; i <= n; ++i) center[i] = i * m / n;
  return center;
}

TEST(AlignDp, FindsTheCheapestPathWithPosteriors) {
  const size_t n = 30;
  const std::vector<PathLink> path = AlignInBand(n, n, PlainDiagonal(n, n), ShiftedScorer(0), {});
  ASSERT_EQ(path.size(), n);
  for (size_t k = 0; k < n; ++k) {
    EXPECT_EQ(path[k].i, k);
    EXPECT_EQ(path[k].j, k);
    EXPECT_EQ(path[k].a, 1);
    EXPECT_EQ(path[k].b, 1);
    EXPECT_GT(path[k].posterior, 0.95);
    EXPECT_LE(path[k].posterior, 1.0);
  }
}

TEST(AlignDp, WidensTheBandWhenThePathRunsAlongItsEdge) {
  // B starts with 40 items A lacks; the plain diagonal is far from the path.
  const size_t n = 200;
  const size_t shift = 40;
  BandOptions options;
  options.initial_width = 4;
  const std::vector<PathLink> path =
      AlignInBand(n, n + shift, PlainDiagonal(n, n + shift), ShiftedScorer(shift), options);
  size_t one_one = 0;
  for (const PathLink& link : path) {
    if (link.a == 1 && link.b == 1) {
      EXPECT_EQ(link.j, link.i + shift);
      ++one_one;
    }
  }
  EXPECT_EQ(one_one, n);
}

TEST(AlignDp, EmptySideIsAllInsertionsOrDeletions) {
  const std::vector<PathLink> path = AlignInBand(0, 3, {0}, ShiftedScorer(0), {});
  ASSERT_EQ(path.size(), 3u);
  for (const PathLink& link : path) EXPECT_EQ(link.a, 0);
}

TEST(AlignDp, PosteriorIsLowWhereTheModelCannotTell) {
  // Two equally good ways to place one insertion.
  class Tie : public LinkScorer {
   public:
    double Cost(size_t, int a, size_t, int b) const override {
      return a == 1 && b == 1 ? 0.1 : (a + b == 1 ? 4.0 : 50.0);
    }
  };
  const std::vector<PathLink> path = AlignInBand(1, 2, {0, 2}, Tie(), {});
  double lowest = 1;
  for (const PathLink& link : path) lowest = std::min(lowest, link.posterior);
  EXPECT_NEAR(lowest, 0.5, 0.05);
}

TEST(AlignDiagonal, LongestChainKeepsTheOrderOfBothSides) {
  const auto chain = LongestChain({{1, 1}, {2, 9}, {3, 3}, {3, 2}, {5, 4}, {6, 0}, {8, 8}});
  ASSERT_EQ(chain.size(), 4u);  // (1,1) (3,2 or 3,3) (5,4) (8,8): (2,9) and (6,0) are outliers
  EXPECT_EQ(chain.front(), std::make_pair(size_t{1}, size_t{1}));
  EXPECT_EQ(chain.back(), std::make_pair(size_t{8}, size_t{8}));
  for (size_t k = 1; k < chain.size(); ++k) {
    EXPECT_LT(chain[k - 1].first, chain[k].first);
    EXPECT_LT(chain[k - 1].second, chain[k].second);
  }
  EXPECT_TRUE(LongestChain({}).empty());
}

TEST(AlignLengthModel, CostGrowsWithTheDifferenceButNotWithoutBound) {
  const LengthModel model{1.0, 2.0};
  EXPECT_NEAR(LengthCost(100, 100, model), 0, 1e-6);
  EXPECT_LT(LengthCost(100, 110, model), LengthCost(100, 140, model));
  EXPECT_LT(LengthCost(100, 140, model), LengthCost(100, 200, model));
  // The outlier component keeps a translation that adds an aside from costing like a merge.
  EXPECT_LT(LengthCost(100, 160, model), 8.0);
  const LengthModel ja{0.9, 3.0};  // B is JA in weighted units
  EXPECT_LT(LengthCost(100, 90, ja), LengthCost(100, 100, ja));
}

}  // namespace
}  // namespace hashi::align
