#include <algorithm>
#include <charconv>
#include <cmath>

#include "hashi/analysis.h"

namespace hashi {
namespace {

std::string_view Trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  const size_t end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

std::string BandList() {
  std::string list;
  for (Band band : kAllBands) list += (list.empty() ? "" : ", ") + std::string(BandName(band));
  return list;
}

Status ParseItem(std::string_view item, BandWeights& weights) {
  const size_t equals = item.find('=');
  if (equals == std::string_view::npos) {
    return Status::Usage("weights: '" + std::string(item) + "' is not BAND=RATE");
  }
  const std::string_view name = Trim(item.substr(0, equals));
  const std::string_view value = Trim(item.substr(equals + 1));
  const std::optional<Band> band = BandFromName(name);
  if (!band) {
    return Status::Usage("weights: unknown band '" + std::string(name) + "' (bands: " + BandList() +
                         ")");
  }
  double rate = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), rate);
  if (error != std::errc() || end != value.data() + value.size() || value.empty() ||
      !std::isfinite(rate) || rate < 0) {
    return Status::Usage("weights: the rate of " + std::string(name) + " ('" + std::string(value) +
                         "') is not a number >= 0");
  }
  weights.rates[static_cast<size_t>(*band)] = rate;
  return Status::Ok();
}

}  // namespace

Result<BandWeights> ParseBandWeights(std::string_view spec) {
  BandWeights weights;
  bool any = false;
  size_t start = 0;
  while (start <= spec.size()) {
    size_t end = spec.find_first_of(",;\n#", start);
    if (end == std::string_view::npos) end = spec.size();
    const std::string_view item = Trim(spec.substr(start, end - start));
    if (end < spec.size() && spec[end] == '#') end = std::min(spec.find('\n', end), spec.size());
    start = end + 1;
    if (item.empty()) continue;
    if (Status s = ParseItem(item, weights); !s.ok()) return s;
    any = true;
  }
  if (!any) return Status::Usage("weights: no BAND=RATE given");
  return weights;
}

}  // namespace hashi
