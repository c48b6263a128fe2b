#include "align/banded_dp.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hashi::align {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr uint8_t kNoLink = 0xFF;

// log(sum of exp(term)) over the (at most kLinkTypeCount) terms of one cell: the sums of path
// weights in log space, with one log per cell.
class LogSum {
 public:
  void Add(double term) {
    terms_[size_++] = term;
    high_ = std::max(high_, term);
  }
  double Value() const {
    if (size_ == 0 || high_ == -kInf) return -kInf;
    double sum = 0;
    for (int k = 0; k < size_; ++k) sum += std::exp(terms_[k] - high_);
    return high_ + std::log(sum);
  }

 private:
  double terms_[kLinkTypeCount + 1];
  int size_ = 0;
  double high_ = -kInf;
};

// The cells of the band: row i holds B positions lo[i]..hi[i], stored from offset[i].
struct Band {
  std::vector<size_t> lo;
  std::vector<size_t> hi;
  std::vector<size_t> offset;
  size_t cells = 0;
  size_t max_row = 0;
  bool Contains(size_t i, size_t j) const { return j >= lo[i] && j <= hi[i]; }
  size_t Cell(size_t i, size_t j) const { return offset[i] + j - lo[i]; }
};

Band MakeBand(size_t n, size_t m, const std::vector<size_t>& center, size_t width) {
  Band band;
  band.lo.resize(n + 1);
  band.hi.resize(n + 1);
  band.offset.resize(n + 1);
  for (size_t i = 0; i <= n; ++i) {
    band.lo[i] = center[i] > width ? center[i] - width : 0;
    band.hi[i] = std::min(m, center[i] + width);
  }
  band.lo[0] = 0;
  band.hi[n] = m;
  // Consecutive rows overlap, so every row is reachable through 1-0 links whatever the diagonal.
  for (size_t i = 1; i <= n; ++i) band.hi[i - 1] = std::max(band.hi[i - 1], band.lo[i]);
  for (size_t i = 0; i <= n; ++i) {
    band.offset[i] = band.cells;
    band.cells += band.hi[i] - band.lo[i] + 1;
    band.max_row = std::max(band.max_row, band.hi[i] - band.lo[i] + 1);
  }
  return band;
}

// Values of the last four rows (a link spans at most three items of A).
class RowRing {
 public:
  RowRing(const Band& band, double fill) : band_(band), fill_(fill) {
    for (auto& row : rows_) row.assign(band.max_row, fill);
  }
  void Clear(size_t i) { std::fill(rows_[i % 4].begin(), rows_[i % 4].end(), fill_); }
  double& at(size_t i, size_t j) { return rows_[i % 4][j - band_.lo[i]]; }

 private:
  const Band& band_;
  double fill_;
  std::vector<double> rows_[4];
};

// Link costs are computed once per pass; the backward pass and the posteriors need them again,
// so they are kept when they fit (32 bytes a cell), else computed again.
constexpr size_t kMaxCachedCells = size_t{1} << 20;

struct Forward {
  std::vector<uint8_t> back;  // the link type that reaches each cell most cheaply
  std::vector<float> alpha;   // log of the summed weight of all paths to each cell
  std::vector<float> costs;   // [cell * kLinkTypeCount + type]: the link ending at the cell
};

// The cost of the link of type t that ends at (i, j), from the cache or the scorer.
double LinkCost(const Band& band, const Forward& f, const LinkScorer& scorer, size_t i, size_t j,
                int t) {
  const LinkType type = kLinkTypes[t];
  if (!f.costs.empty()) return f.costs[band.Cell(i, j) * kLinkTypeCount + t];
  return scorer.Cost(i - type.a, type.a, j - type.b, type.b);
}

Forward RunForward(const Band& band, size_t n, const LinkScorer& scorer, bool with_alpha) {
  Forward f;
  f.back.assign(band.cells, kNoLink);
  if (with_alpha) f.alpha.assign(band.cells, -std::numeric_limits<float>::infinity());
  if (with_alpha && band.cells <= kMaxCachedCells) f.costs.assign(band.cells * kLinkTypeCount, 0);
  RowRing best(band, kInf);
  RowRing sum(band, -kInf);
  for (size_t i = 0; i <= n; ++i) {
    best.Clear(i);
    sum.Clear(i);
    for (size_t j = band.lo[i]; j <= band.hi[i]; ++j) {
      const bool origin = i == 0 && j == 0;
      double cheapest = origin ? 0 : kInf;
      LogSum total;
      if (origin) total.Add(0);
      uint8_t via = kNoLink;
      for (int t = 0; t < kLinkTypeCount; ++t) {
        const LinkType type = kLinkTypes[t];
        if (i < type.a || j < type.b) continue;
        const size_t pi = i - type.a;
        const size_t pj = j - type.b;
        if (!band.Contains(pi, pj) || best.at(pi, pj) == kInf) continue;
        const double cost = scorer.Cost(pi, type.a, pj, type.b);
        if (!f.costs.empty()) {
          f.costs[band.Cell(i, j) * kLinkTypeCount + t] = static_cast<float>(cost);
        }
        if (best.at(pi, pj) + cost < cheapest) {
          cheapest = best.at(pi, pj) + cost;
          via = static_cast<uint8_t>(t);
        }
        if (with_alpha) total.Add(sum.at(pi, pj) - cost);
      }
      best.at(i, j) = cheapest;
      f.back[band.Cell(i, j)] = via;
      if (with_alpha) {
        sum.at(i, j) = total.Value();
        f.alpha[band.Cell(i, j)] = static_cast<float>(sum.at(i, j));
      }
    }
  }
  return f;
}

std::vector<PathLink> TraceBack(const Band& band, const Forward& f, size_t n, size_t m) {
  std::vector<PathLink> path;
  size_t i = n;
  size_t j = m;
  while (i > 0 || j > 0) {
    const uint8_t via = f.back[band.Cell(i, j)];
    if (via == kNoLink) return {};  // unreachable; MakeBand guarantees it does not happen
    const LinkType type = kLinkTypes[via];
    i -= type.a;
    j -= type.b;
    path.push_back({i, j, type.a, type.b, 1});
  }
  std::reverse(path.begin(), path.end());
  return path;
}

// log of the summed weight of all paths from the end of each link of `path` to (n, m).
std::vector<double> BackwardAtLinkEnds(const Band& band, const Forward& f, size_t n, size_t m,
                                       const LinkScorer& scorer,
                                       const std::vector<PathLink>& path) {
  std::vector<double> beta_at_end(path.size(), -kInf);
  RowRing beta(band, -kInf);
  size_t next = path.size();  // links are met end first, last link first
  for (size_t i = n + 1; i-- > 0;) {
    beta.Clear(i);
    for (size_t j = band.hi[i] + 1; j-- > band.lo[i];) {
      LogSum sum;
      if (i == n && j == m) sum.Add(0);
      for (int t = 0; t < kLinkTypeCount; ++t) {
        const size_t ni = i + kLinkTypes[t].a;
        const size_t nj = j + kLinkTypes[t].b;
        if (ni > n || nj > m || !band.Contains(ni, nj) || beta.at(ni, nj) == -kInf) continue;
        sum.Add(beta.at(ni, nj) - LinkCost(band, f, scorer, ni, nj, t));
      }
      const double total = sum.Value();
      beta.at(i, j) = total;
      while (next > 0 && path[next - 1].i + path[next - 1].a == i &&
             path[next - 1].j + path[next - 1].b == j) {
        beta_at_end[--next] = total;
      }
    }
  }
  return beta_at_end;
}

// A link's posterior: the weight of all paths through it over the weight of all paths, the
// costs being negative log-probabilities. This is the confidence hashi reports, rather than the
// margin of the best path over the second best: a margin has no scale (what is a margin of 3
// nats?) and only sees one rival, while the posterior is a probability in 0..1 that counts every
// alternative (a 1-2 against a 1-1 plus a 0-1, a shift by one, ...). On perturbed press
// releases it is calibrated: links at 0.9 or more are right 99.7% of the time, links near 0.5
// about half the time.
void SetPosteriors(const Band& band, const Forward& f, const std::vector<double>& beta_at_end,
                   const LinkScorer& scorer, size_t n, size_t m, std::vector<PathLink>& path) {
  const double total = f.alpha[band.Cell(n, m)];
  for (size_t k = 0; k < path.size(); ++k) {
    PathLink& link = path[k];
    const size_t end_i = link.i + link.a;
    const size_t end_j = link.j + link.b;
    const double cost = LinkCost(band, f, scorer, end_i, end_j, f.back[band.Cell(end_i, end_j)]);
    const double through = f.alpha[band.Cell(link.i, link.j)] - cost + beta_at_end[k];
    link.posterior = std::clamp(std::exp(through - total), 0.0, 1.0);
  }
}

bool RunsAlongEdge(const Band& band, const std::vector<PathLink>& path, size_t m, size_t margin) {
  for (const PathLink& link : path) {
    const size_t i = link.i;
    const size_t j = link.j;
    if ((band.lo[i] > 0 && j < band.lo[i] + margin) || (band.hi[i] < m && j + margin > band.hi[i])) {
      return true;
    }
  }
  return false;
}

std::vector<PathLink> AllIndels(size_t n, size_t m) {
  std::vector<PathLink> path;
  for (size_t i = 0; i < n; ++i) path.push_back({i, 0, 1, 0, 1});
  for (size_t j = 0; j < m; ++j) path.push_back({n, j, 0, 1, 1});
  return path;
}

}  // namespace

std::vector<PathLink> AlignInBand(size_t n, size_t m, const std::vector<size_t>& center,
                                  const LinkScorer& scorer, const BandOptions& options) {
  if (n == 0 || m == 0) return AllIndels(n, m);
  size_t width = std::max<size_t>(options.initial_width, 4);
  for (;;) {
    const Band band = MakeBand(n, m, center, width);
    const Forward f = RunForward(band, n, scorer, options.posteriors);
    std::vector<PathLink> path = TraceBack(band, f, n, m);
    const bool can_widen = width < m && band.cells * 2 <= options.max_cells;
    if (!can_widen || !RunsAlongEdge(band, path, m, std::max<size_t>(2, width / 8))) {
      if (options.posteriors) {
        SetPosteriors(band, f, BackwardAtLinkEnds(band, f, n, m, scorer, path), scorer, n, m,
                      path);
      }
      return path;
    }
    width *= 2;
  }
}

}  // namespace hashi::align
