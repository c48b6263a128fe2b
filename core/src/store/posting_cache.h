// PostingCache: the posting lists a store connection has read, by rowid, kept from one query
// to the next. A lookup at 1M units asks for about 2,000 lists; with std::unordered_map each
// ask cost three dependent cache misses (bucket, node, string), a tenth of a query's time.
// Here it is one: an open-addressing table of (rowid, where the bytes are). Lists never move
// once kept (a deque of strings), so the views handed out stay valid until Clear(); lists
// forgotten (their chunk changed) keep their bytes until then.
// Private to hashi_core. Not thread-safe.
#ifndef HASHI_CORE_STORE_POSTING_CACHE_H_
#define HASHI_CORE_STORE_POSTING_CACHE_H_

#include <bit>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace hashi::store {

class PostingCache {
 public:
  // The list kept for `rowid`, or null.
  const std::string_view* Find(int64_t rowid) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = Home(rowid);; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.rowid == rowid) return &slot.bytes;
      if (slot.rowid == kFree) return nullptr;
    }
  }
  // Keeps `bytes` for `rowid` (not kept yet) and returns a view of them.
  std::string_view Insert(int64_t rowid, std::string bytes) {
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    std::string_view kept = lists_.emplace_back(std::move(bytes));
    size_t i = Home(rowid);
    while (slots_[i].rowid != kFree) i = (i + 1) & mask_;
    slots_[i] = {rowid, kept};
    ++count_;
    bytes_ += kept.size() + kOverhead;
    return kept;
  }
  // Forgets the lists whose rowid `forget(rowid)` names. Their bytes stay held, and counted in
  // bytes() and forgotten_bytes(), until Clear().
  template <typename Predicate>
  void Forget(Predicate forget) {
    for (Slot& slot : slots_) {
      if (slot.rowid < 0 || !forget(slot.rowid)) continue;
      slot.rowid = kForgotten;
      forgotten_bytes_ += slot.bytes.size() + kOverhead;
    }
  }
  // Bytes held, counting what each list costs beside its own.
  size_t bytes() const { return bytes_; }
  size_t forgotten_bytes() const { return forgotten_bytes_; }
  void Clear() {
    slots_.clear();
    lists_.clear();
    count_ = bytes_ = forgotten_bytes_ = 0;
    mask_ = 0;
    shift_ = 64;
  }

 private:
  static constexpr int64_t kFree = -1;  // rowids are never negative
  static constexpr int64_t kForgotten = -2;  // a slot Find probes past (as if taken)
  struct Slot {
    int64_t rowid = kFree;
    std::string_view bytes;
  };
  // A list's string, and its share of a table at most half full.
  static constexpr size_t kOverhead = sizeof(std::string) + 2 * sizeof(Slot);
  size_t Home(int64_t rowid) const {
    // Fibonacci hashing: the top bits of the product depend on every bit of the rowid.
    return static_cast<size_t>((static_cast<uint64_t>(rowid) * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    shift_ = 64 - std::countr_zero(slots_.size());
    count_ = 0;
    for (const Slot& slot : old) {
      if (slot.rowid < 0) continue;  // free, or forgotten: not worth its place
      ++count_;
      size_t i = Home(slot.rowid);
      while (slots_[i].rowid != kFree) i = (i + 1) & mask_;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t mask_ = 0;
  int shift_ = 64;
  size_t count_ = 0;  // slots taken (forgotten ones too)
  size_t bytes_ = 0;
  size_t forgotten_bytes_ = 0;
  std::deque<std::string> lists_;
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_POSTING_CACHE_H_
