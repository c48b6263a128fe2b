#include "match/posting_accumulator.h"

#include <algorithm>

namespace hashi::match {

PostingAccumulator::Gram& PostingAccumulator::Find(uint64_t gram) {
  if (2 * (gram_count_ + 1) > grams_.size()) Grow();
  const size_t mask = grams_.size() - 1;
  size_t i = static_cast<size_t>((gram * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
  while (grams_[i].gram != 0 && grams_[i].gram != gram) i = (i + 1) & mask;
  if (grams_[i].gram == 0) {
    grams_[i].gram = gram;
    ++gram_count_;
  }
  return grams_[i];
}

void PostingAccumulator::Grow() {
  std::vector<Gram> old = std::move(grams_);
  grams_.assign(std::max<size_t>(4096, old.size() * 2), Gram{});
  const size_t mask = grams_.size() - 1;
  for (const Gram& g : old) {
    if (g.gram == 0) continue;
    size_t i = static_cast<size_t>((g.gram * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
    while (grams_[i].gram != 0) i = (i + 1) & mask;
    grams_[i] = g;
  }
}

uint32_t PostingAccumulator::NewBlock() {
  if (blocks_ % kPageBlocks == 0) pages_.push_back(std::make_unique<Block[]>(kPageBlocks));
  BlockAt(blocks_).next = 0;
  return blocks_++;
}

uint32_t PostingAccumulator::NewList(TokenId token) {
  const uint32_t block = NewBlock();
  lists_.push_back({token, block, block, 0});
  return static_cast<uint32_t>(lists_.size());
}

uint32_t& PostingAccumulator::ListOf(Gram& gram, uint32_t occurrence) {
  if (occurrence == 1) return gram.list;
  if (gram.more == 0) {
    more_.emplace_back();
    gram.more = static_cast<uint32_t>(more_.size());
  }
  std::vector<uint32_t>& more = more_[gram.more - 1];
  if (more.size() < occurrence - 1) more.resize(occurrence - 1, 0);
  return more[occurrence - 2];
}

void PostingAccumulator::Append(List& list, uint16_t slot) {
  const uint32_t used = list.size % kBlockSlots;
  if (used == 0 && list.size > 0) {
    const uint32_t block = NewBlock();
    BlockAt(list.last).next = block + 1;
    list.last = block;
  }
  BlockAt(list.last).slots[used] = slot;
  ++list.size;
}

void PostingAccumulator::Add(char32_t first, char32_t second, uint16_t slot) {
  // Both halves are below 2^21 and the pad U+0002 is never 0, so no gram packs to 0.
  Gram& gram = Find((uint64_t{first} << 21) | second);
  if (gram.stamp != stamp_) {
    gram.stamp = stamp_;
    gram.seen = 0;
  }
  const uint32_t occurrence = ++gram.seen;
  if (occurrence > static_cast<uint32_t>(kMaxOccurrence)) return;
  uint32_t& list = ListOf(gram, occurrence);
  if (list == 0) list = NewList(MakeToken(first, second, static_cast<int>(occurrence)));
  Append(lists_[list - 1], slot);
}

void PostingAccumulator::AddKey(const std::u32string& key, uint16_t slot) {
  ++stamp_;
  char32_t previous = kKeyStart;
  for (char32_t c : key) {
    Add(previous, c, slot);
    previous = c;
  }
  Add(previous, kKeyEnd, slot);
}

std::vector<uint16_t> PostingAccumulator::Gather(const List& list) const {
  std::vector<uint16_t> slots;
  slots.reserve(list.size);
  uint32_t block = list.first;
  for (uint32_t left = list.size; left > 0;) {
    const Block& b = BlockAt(block);
    const uint32_t take = std::min<uint32_t>(left, kBlockSlots);
    slots.insert(slots.end(), b.slots, b.slots + take);
    left -= take;
    if (b.next == 0) break;
    block = b.next - 1;
  }
  return slots;
}

void PostingAccumulator::Clear() {
  grams_ = {};
  gram_count_ = 0;
  lists_ = {};
  more_ = {};
  std::vector<std::unique_ptr<Block[]>>().swap(pages_);
  blocks_ = 0;
  // stamp_ keeps counting, so no stale `seen` is ever taken for this key's.
}

}  // namespace hashi::match
