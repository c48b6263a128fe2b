#include "tm_match_source.h"

#include "hashi/tm_store.h"

namespace hashi::cli {
namespace {

class StoreMatchSource final : public MatchSource {
 public:
  StoreMatchSource(std::unique_ptr<TmStore> store, LookupRequest request)
      : store_(std::move(store)), request_(std::move(request)) {}

  Result<std::vector<Match>> Find(const Segment& query, int min_score, int limit) override {
    request_.query = query;
    request_.min_score = min_score;
    request_.limit = limit;
    request_.band_floors.clear();
    return store_->Lookup(request_);
  }

  Result<std::vector<Match>> FindInBestBand(const Segment& query,
                                            const std::vector<int>& band_floors) override {
    request_.query = query;
    request_.min_score = band_floors.front();
    request_.limit = 1;
    request_.band_floors = band_floors;
    return store_->Lookup(request_);
  }

 private:
  std::unique_ptr<TmStore> store_;
  LookupRequest request_;  // reused: from, to and require_all_targets stay
};

}  // namespace

MatchSourceFactory TmMatchSourceFactory(const std::filesystem::path& tm, const LanguageTag& from,
                                        const std::vector<std::string>& to) {
  LookupRequest request;
  request.from = from.str();
  request.to = to;
  request.require_all_targets = true;
  // The workers' lookups learn from one another (pivots: an analysis's unmatched segments that
  // resemble an earlier one cost little).
  request.memory = NewLookupMemory();
  return [tm, request]() -> Result<std::unique_ptr<MatchSource>> {
    Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(tm, OpenMode::kReadOnly);
    if (!store.ok()) return store.status().WithFile(tm.string());
    return std::unique_ptr<MatchSource>(
        std::make_unique<StoreMatchSource>(std::move(*store), request));
  };
}

}  // namespace hashi::cli
