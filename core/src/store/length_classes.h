// LengthClasses: the units of one chunk of the match index grouped by key length, so that the
// search passes over the units whose length a round rules out 64 at a time rather than one by
// one (on a short query most of a TM is too long to match, yet holds enough of its bigrams to
// pass the count filter). Built from a chunk's slot values (MatchIndexReader::Lengths), which
// it does not keep. Private to hashi_core.
#ifndef HASHI_CORE_STORE_LENGTH_CLASSES_H_
#define HASHI_CORE_STORE_LENGTH_CLASSES_H_

#include <cstdint>
#include <vector>

#include "match/posting_chunk.h"

namespace hashi::store {

class LengthClasses {
 public:
  explicit LengthClasses(const std::vector<uint16_t>& values);
  // Clears in `mask` the slots that hold neither a unit whose key may be [shortest, longest]
  // code points long (a class straddling a bound is kept whole) nor a unit of kSeveral.
  void KeepWindow(int shortest, int longest, match::ChunkBits& mask) const;

 private:
  std::vector<uint64_t> bits_;  // per word of the chunk: a word per class, then one of kSeveral
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_LENGTH_CLASSES_H_
