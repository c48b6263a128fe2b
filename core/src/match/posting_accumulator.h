// PostingAccumulator: builds the posting lists of one language for the chunk being indexed.
// An import adds a posting for every bigram of every key (hundreds of millions for a 1M-unit
// TM), so this is the hot loop of index building: each bigram is hashed once, into a table
// that both numbers its occurrences within the key and finds its lists, and lists grow in
// fixed-size blocks from a paged arena (no reallocation, memory linear in the postings).
// Private to hashi_core. Not thread-safe.
#ifndef HASHI_CORE_MATCH_POSTING_ACCUMULATOR_H_
#define HASHI_CORE_MATCH_POSTING_ACCUMULATOR_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "match/gram_tokens.h"

namespace hashi::match {

class PostingAccumulator {
 public:
  // Adds the padded tokens of `key` (code points) for unit slot `slot`, as
  // GramTokenizer::PaddedTokens numbers them (occurrences past kMaxOccurrence are dropped).
  void AddKey(const std::u32string& key, uint16_t slot);
  bool empty() const { return lists_.empty(); }

  // Calls visit(token, slots) in ascending token order (the order the store keys them by),
  // `slots` in the order they were added.
  template <typename Visit>
  void ForEachSorted(Visit visit) const;

  // Forgets every list and gives the memory back.
  void Clear();

 private:
  static constexpr int kBlockSlots = 30;
  static constexpr size_t kPageBlocks = 4096;
  struct Block {
    uint16_t slots[kBlockSlots];
    uint32_t next;  // index + 1 of the list's next block; 0 at its end
  };
  struct List {
    TokenId token;
    uint32_t first;
    uint32_t last;
    uint32_t size;
  };
  struct Gram {
    uint64_t gram = 0;   // first << 21 | second
    uint32_t stamp = 0;  // the key that last saw it
    uint32_t seen = 0;   // its occurrences in that key
    uint32_t list = 0;   // index + 1 of its first-occurrence list
    uint32_t more = 0;   // index + 1 into more_: lists of later occurrences
  };

  void Add(char32_t first, char32_t second, uint16_t slot);
  uint32_t& ListOf(Gram& gram, uint32_t occurrence);
  uint32_t NewList(TokenId token);
  void Append(List& list, uint16_t slot);
  Block& BlockAt(uint32_t index) { return pages_[index / kPageBlocks][index % kPageBlocks]; }
  const Block& BlockAt(uint32_t index) const {
    return pages_[index / kPageBlocks][index % kPageBlocks];
  }
  uint32_t NewBlock();
  Gram& Find(uint64_t gram);
  void Grow();
  std::vector<uint16_t> Gather(const List& list) const;

  uint32_t stamp_ = 0;
  std::vector<Gram> grams_;  // open addressing; gram 0 marks a free entry
  size_t gram_count_ = 0;
  std::vector<List> lists_;
  std::vector<std::vector<uint32_t>> more_;  // per gram: lists of occurrences 2, 3 ...
  std::vector<std::unique_ptr<Block[]>> pages_;
  uint32_t blocks_ = 0;
};

template <typename Visit>
void PostingAccumulator::ForEachSorted(Visit visit) const {
  std::vector<uint32_t> order(lists_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return lists_[a].token < lists_[b].token; });
  for (uint32_t i : order) {
    std::vector<uint16_t> slots = Gather(lists_[i]);
    visit(lists_[i].token, slots);
  }
}

}  // namespace hashi::match

#endif  // HASHI_CORE_MATCH_POSTING_ACCUMULATOR_H_
