// Posting lists of the match index, one per (language, token, chunk): the units of one chunk
// (2^16 consecutive unit ids) whose key holds the token. Stored either as sorted delta varints
// (sparse) or as a 65,536-bit bitmap (dense), whichever is smaller, and a bit-sliced counter
// that adds up such lists for a whole chunk at a time. Private to hashi_core.
#ifndef HASHI_CORE_MATCH_POSTING_CHUNK_H_
#define HASHI_CORE_MATCH_POSTING_CHUNK_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "match/cpu_dispatch.h"

namespace hashi::match {

inline constexpr int kChunkBits = 16;
inline constexpr int kChunkSlots = 1 << kChunkBits;
inline constexpr int kChunkWords = kChunkSlots / 64;

inline int64_t ChunkOf(int64_t unit_id) { return unit_id >> kChunkBits; }
inline uint16_t SlotOf(int64_t unit_id) { return static_cast<uint16_t>(unit_id & 0xFFFF); }

// One chunk's worth of bits, slot s at word s / 64, bit s % 64.
using ChunkBits = std::vector<uint64_t>;  // kChunkWords words
inline ChunkBits EmptyChunkBits() { return ChunkBits(kChunkWords, 0); }

// Encodes sorted, distinct slots.
std::string EncodePostings(const std::vector<uint16_t>& slots);
// Calls visit(slot) for each slot of an encoded list, ascending; false if it is malformed.
// Always inlined, so that the dispatched callers (SlicedCounter::Add, TestPostings) decode
// with their own instruction set.
template <typename Visit>
HASHI_ALWAYS_INLINE bool ForEachPosting(std::string_view blob, Visit visit);
// Decodes into sorted slots (appending); false if the blob is malformed.
bool DecodePostings(std::string_view blob, std::vector<uint16_t>& slots);
// ORs the slots of a blob into `bits`; false if malformed.
bool OrPostings(std::string_view blob, ChunkBits& bits);
// Adds 1 to counts[i] for each slots[i] (ascending) that the encoded list holds: a bitmap is
// tested at each slot, a sparse list is merged with them. False if the blob is malformed.
bool TestPostings(std::string_view blob, const std::vector<uint16_t>& slots,
                  std::vector<int>& counts);
// The form of an encoded list that SlicedCounter::Add and TestPostings read fastest, for lists
// kept in memory and read by query after query: a sparse list too long for the byte counters
// as a bitmap (Add would otherwise decode it into one every time), any other as it is. False
// if the blob is malformed.
bool ToCountingForm(std::string_view blob, std::string& out);
// The union of two encoded lists, encoded.
std::string MergePostings(std::string_view a, std::string_view b);
// The number of slots set in `bits` (e.g. a mask from SlicedCounter::AtLeast), counted with
// the POPCNT instruction where the CPU has it.
int64_t CountSlots(const ChunkBits& bits);

// Counts, for every slot of a chunk, how many of the lists added so far hold it, in
// `slices` bit planes (count bit i of slot s is bit s of plane i). Bitmaps are queued and
// added eight at a time: a carry-save adder tree sums the eight per bit position, and the
// 4-bit sums are added into the planes, all in word-wide, branch-free loops the compiler
// vectorizes. Sparse lists go into byte counters first (one increment per posting), which are
// transposed into planes and added when the counts are read. Not thread-safe.
class SlicedCounter {
 public:
  // Starts over with all counts 0. REQUIRES: no count will exceed 2^slices - 1 (at most 16
  // planes are kept: counts up to 65,535).
  void Reset(int slices);
  // Adds one list (false if the blob is malformed).
  bool Add(std::string_view blob);
  // Sets in `mask` the slots whose count is at least `threshold`.
  void AtLeast(int threshold, ChunkBits& mask);
  int Count(int slot);

 private:
  static constexpr int kQueue = 8;
  uint64_t* QueueSlot();  // room for one more bitmap in the queue
  void AddQueued();
  void AddBytes();  // moves the byte counters into the planes
  void Settle();    // both of the above

  int slices_ = 0;
  std::vector<uint64_t> planes_;  // slices_ * kChunkWords
  std::vector<uint64_t> queue_;   // kQueue * kChunkWords
  int queued_ = 0;
  std::vector<uint8_t> bytes_;  // kChunkSlots counters of sparse lists
  int byte_lists_ = 0;          // sparse lists in bytes_ (at most 255, so none overflows)
};

// ---- implementation of the template above ----
namespace posting_internal {
inline constexpr char kSparse = 0;
inline constexpr char kBitmap = 1;
inline constexpr size_t kBitmapBytes = kChunkWords * 8;
inline bool GetVarint(std::string_view& in, uint32_t& v) {
  // Most gaps fit in one byte: a counted query decodes millions of them.
  if (!in.empty() && static_cast<unsigned char>(in.front()) < 0x80) {
    v = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    return true;
  }
  v = 0;
  for (int shift = 0; shift < 35 && !in.empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= static_cast<uint32_t>(byte & 0x7F) << shift;
    if (byte < 0x80) return true;
  }
  return false;
}
}  // namespace posting_internal

template <typename Visit>
HASHI_ALWAYS_INLINE bool ForEachPosting(std::string_view blob, Visit visit) {
  using namespace posting_internal;
  if (blob.empty()) return false;
  if (blob[0] == kSparse) {
    std::string_view body = blob.substr(1);
    uint32_t count = 0;
    if (!GetVarint(body, count)) return false;
    uint32_t slot = 0;
    for (uint32_t i = 0; i < count; ++i) {
      uint32_t delta = 0;
      if (!GetVarint(body, delta)) return false;
      slot += delta;
      if (slot >= static_cast<uint32_t>(kChunkSlots)) return false;
      visit(static_cast<int>(slot));
    }
    return body.empty();
  }
  if (blob[0] != kBitmap || blob.size() != kBitmapBytes + 1) return false;
  for (size_t byte = 0; byte < kBitmapBytes; ++byte) {
    for (unsigned bits = static_cast<unsigned char>(blob[1 + byte]); bits != 0; bits &= bits - 1) {
      visit(static_cast<int>(byte * 8 + static_cast<size_t>(__builtin_ctz(bits))));
    }
  }
  return true;
}

}  // namespace hashi::match

#endif  // HASHI_CORE_MATCH_POSTING_CHUNK_H_
