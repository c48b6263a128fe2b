#include "store/lookup_memory.h"

namespace hashi {

std::shared_ptr<LookupMemory> NewLookupMemory(const LookupMemoryOptions& options) {
  return std::make_shared<LookupMemory>(options);
}

LookupMemoryStats StatsOf(const LookupMemory& memory) { return memory.stats(); }

std::vector<std::shared_ptr<const LookupMemory::Pivot>> LookupMemory::Pivots() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pivots_;
}

bool LookupMemory::MayAdd() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pivots_.size() < kMaxPivots &&
         static_cast<int64_t>(pivots_.size()) < static_cast<int64_t>(kFreePivots) + answered_;
}

void LookupMemory::Add(std::shared_ptr<const Pivot> pivot) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (pivots_.size() < kMaxPivots) pivots_.push_back(std::move(pivot));
}

void LookupMemory::CountAnswer() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++answered_;
}

LookupMemoryStats LookupMemory::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return {static_cast<int>(pivots_.size()), answered_};
}

}  // namespace hashi
