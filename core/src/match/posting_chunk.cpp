#include "match/posting_chunk.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "match/cpu_dispatch.h"

namespace hashi::match {
namespace {

using posting_internal::kBitmap;
using posting_internal::kBitmapBytes;
using posting_internal::kSparse;

void PutVarint(uint32_t v, std::string& out) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

using posting_internal::GetVarint;

// Bitmaps are stored with slot s in byte s / 8, bit s % 8 (the same on every host).
uint64_t LoadWord(const char* p) {
  uint64_t w = 0;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(&w, p, 8);
  } else {
    for (int i = 7; i >= 0; --i) w = (w << 8) | static_cast<unsigned char>(p[i]);
  }
  return w;
}

// Sparse lists longer than this are added as a bitmap: one pass over the chunk's words costs
// less than that many byte increments.
constexpr uint32_t kSparseAddLimit = 2048;

}  // namespace

std::string EncodePostings(const std::vector<uint16_t>& slots) {
  std::string sparse(1, kSparse);
  PutVarint(static_cast<uint32_t>(slots.size()), sparse);
  uint32_t previous = 0;
  for (uint16_t s : slots) {
    PutVarint(s - previous, sparse);
    previous = s;
  }
  if (sparse.size() <= kBitmapBytes + 1) return sparse;
  std::string bitmap(kBitmapBytes + 1, '\0');
  bitmap[0] = kBitmap;
  for (uint16_t s : slots)
    bitmap[1 + s / 8] = static_cast<char>(bitmap[1 + s / 8] | (1 << (s % 8)));
  return bitmap;
}

bool ToCountingForm(std::string_view blob, std::string& out) {
  std::string_view body = blob.substr(std::min<size_t>(1, blob.size()));
  uint32_t count = 0;
  if (blob.empty() || blob[0] != kSparse || !GetVarint(body, count) || count <= kSparseAddLimit) {
    out.assign(blob);
    return !blob.empty();
  }
  out.assign(kBitmapBytes + 1, '\0');
  out[0] = kBitmap;
  return ForEachPosting(blob, [&](int s) {
    out[1 + static_cast<size_t>(s) / 8] |= static_cast<char>(1 << (s % 8));
  });
}

bool DecodePostings(std::string_view blob, std::vector<uint16_t>& slots) {
  return ForEachPosting(blob, [&](int s) { slots.push_back(static_cast<uint16_t>(s)); });
}

bool OrPostings(std::string_view blob, ChunkBits& bits) {
  if (!blob.empty() && blob[0] == kBitmap && blob.size() == kBitmapBytes + 1) {
    for (int w = 0; w < kChunkWords; ++w) bits[w] |= LoadWord(blob.data() + 1 + 8 * w);
    return true;
  }
  return ForEachPosting(blob, [&](int s) { bits[s >> 6] |= uint64_t{1} << (s & 63); });
}

HASHI_CPU_DISPATCH bool TestPostings(std::string_view blob, const std::vector<uint16_t>& slots,
                                     std::vector<int>& counts) {
  if (!blob.empty() && blob[0] == kBitmap && blob.size() == kBitmapBytes + 1) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(blob.data() + 1);
    for (size_t i = 0; i < slots.size(); ++i) {
      counts[i] += (bytes[slots[i] >> 3] >> (slots[i] & 7)) & 1;
    }
    return true;
  }
  size_t i = 0;
  const size_t size = slots.size();
  return ForEachPosting(blob, [&](int s) {
    while (i < size && slots[i] < s) ++i;
    if (i < size && slots[i] == s) ++counts[i++];
  });
}

std::string MergePostings(std::string_view a, std::string_view b) {
  ChunkBits bits = EmptyChunkBits();
  OrPostings(a, bits);
  OrPostings(b, bits);
  std::vector<uint16_t> slots;
  for (int w = 0; w < kChunkWords; ++w) {
    for (uint64_t word = bits[w]; word != 0; word &= word - 1) {
      slots.push_back(static_cast<uint16_t>(w * 64 + __builtin_ctzll(word)));
    }
  }
  return EncodePostings(slots);
}

void SlicedCounter::Reset(int slices) {
  slices_ = std::clamp(slices, 8, 16);  // bytes add 8 bits; AddQueued has up to 16
  planes_.assign(static_cast<size_t>(slices_) * kChunkWords, 0);
  queue_.resize(static_cast<size_t>(kQueue) * kChunkWords);
  queued_ = 0;
  bytes_.assign(kChunkSlots, 0);
  byte_lists_ = 0;
}

// Bit b of the counters of slots 64w .. 64w + 63, as one word.
static uint64_t BytePlaneWord(const uint8_t* counters, int b) {
  uint64_t word = 0;
  for (int i = 0; i < 64; i += 8) {
    uint64_t eight;
    std::memcpy(&eight, counters + i, 8);
    // Gather bit b of each of the eight bytes into eight adjacent bits.
    eight = (eight >> b) & 0x0101010101010101ULL;
    word |= ((eight * 0x0102040810204080ULL) >> 56) << i;
  }
  return word;
}

// Transposes the byte counters into planes and adds them into the counter's planes. No byte
// exceeds the number of lists added into them, so only that many bits are transposed (a round
// of counting typically adds a handful of sparse lists per chunk).
HASHI_CPU_DISPATCH void SlicedCounter::AddBytes() {
  if (byte_lists_ == 0) return;
  const int byte_planes = std::bit_width(static_cast<unsigned>(byte_lists_));
  for (int w = 0; w < kChunkWords; ++w) {
    const uint8_t* counters = &bytes_[static_cast<size_t>(w) * 64];
    uint64_t carry = 0;
    for (int s = 0; s < slices_; ++s) {
      uint64_t& plane = planes_[static_cast<size_t>(s) * kChunkWords + w];
      const uint64_t b = s < byte_planes ? BytePlaneWord(counters, s) : 0;
      const uint64_t sum = plane ^ b ^ carry;
      carry = (plane & b) | (carry & (plane ^ b));
      plane = sum;
    }
  }
  std::fill(bytes_.begin(), bytes_.end(), 0);
  byte_lists_ = 0;
}

// Checked here first: a dispatched function is always called (through the ifunc), not inlined.
void SlicedCounter::Settle() {
  if (queued_ != 0) AddQueued();
  if (byte_lists_ != 0) AddBytes();
}

uint64_t* SlicedCounter::QueueSlot() {
  if (queued_ == kQueue) AddQueued();
  return &queue_[static_cast<size_t>(queued_++) * kChunkWords];
}

namespace {

// planes += the number of queued bitmaps holding each bit, for a fixed number of planes (so
// that the compiler unrolls the plane loop and vectorizes the word loop). Inlined into each
// clone of AddQueued.
template <int kSlices>
HASHI_ALWAYS_INLINE void AddEight(const uint64_t* a, uint64_t* p) {
  for (int w = 0; w < kChunkWords; ++w) {
    const uint64_t x0 = a[w], x1 = a[kChunkWords + w], x2 = a[2 * kChunkWords + w],
                   x3 = a[3 * kChunkWords + w], x4 = a[4 * kChunkWords + w],
                   x5 = a[5 * kChunkWords + w], x6 = a[6 * kChunkWords + w],
                   x7 = a[7 * kChunkWords + w];
    // Carry-save adder tree: four half adders, then two 2-bit and one 3-bit addition.
    const uint64_t s0 = x0 ^ x1, c0 = x0 & x1, s1 = x2 ^ x3, c1 = x2 & x3;
    const uint64_t s2 = x4 ^ x5, c2 = x4 & x5, s3 = x6 ^ x7, c3 = x6 & x7;
    const uint64_t u0 = s0 ^ s1, k0 = s0 & s1;
    const uint64_t u1 = c0 ^ c1 ^ k0, v1 = (c0 & c1) | (k0 & (c0 ^ c1));
    const uint64_t t0 = s2 ^ s3, l0 = s2 & s3;
    const uint64_t t1 = c2 ^ c3 ^ l0, r1 = (c2 & c3) | (l0 & (c2 ^ c3));
    const uint64_t b0 = u0 ^ t0, g0 = u0 & t0;
    const uint64_t b1 = u1 ^ t1 ^ g0, g1 = (u1 & t1) | (g0 & (u1 ^ t1));
    const uint64_t b2 = v1 ^ r1 ^ g1, b3 = (v1 & r1) | (g1 & (v1 ^ r1));
    const uint64_t addend[4] = {b0, b1, b2, b3};
    uint64_t carry = 0;
    for (int s = 0; s < kSlices; ++s) {  // ripple-add (b3 b2 b1 b0) into the planes
      uint64_t& plane = p[s * kChunkWords + w];
      const uint64_t b = s < 4 ? addend[s] : 0;
      const uint64_t sum = plane ^ b ^ carry;
      carry = (plane & b) | (carry & (plane ^ b));
      plane = sum;
    }
  }
}

// AddEight for `slices` planes (kSlices to 16), each instance inlined into the caller's clone.
template <int kSlices>
HASHI_ALWAYS_INLINE void AddEightInto(int slices, const uint64_t* a, uint64_t* p) {
  if constexpr (kSlices < 16) {
    if (slices != kSlices) return AddEightInto<kSlices + 1>(slices, a, p);
  }
  AddEight<kSlices>(a, p);
}

}  // namespace

// Sums the queued bitmaps per bit position (a 4-bit number) and adds that into the planes.
HASHI_CPU_DISPATCH void SlicedCounter::AddQueued() {
  if (queued_ == 0) return;
  for (int q = queued_; q < kQueue; ++q) {
    std::memset(&queue_[static_cast<size_t>(q) * kChunkWords], 0, kChunkWords * 8);
  }
  AddEightInto<8>(slices_, queue_.data(), planes_.data());  // 8 to 16 planes (Reset)
  queued_ = 0;
}

HASHI_CPU_DISPATCH bool SlicedCounter::Add(std::string_view blob) {
  if (blob.empty()) return false;
  if (blob[0] == kBitmap && blob.size() == kBitmapBytes + 1) {
    uint64_t* words = QueueSlot();
    for (int w = 0; w < kChunkWords; ++w) words[w] = LoadWord(blob.data() + 1 + 8 * w);
    return true;
  }
  std::string_view peek = blob.substr(1);
  uint32_t count = 0;
  if (blob[0] != kSparse || !GetVarint(peek, count)) return false;
  if (count <= kSparseAddLimit) {
    if (byte_lists_ == 255) AddBytes();
    ++byte_lists_;
    return ForEachPosting(blob, [&](int s) { ++bytes_[static_cast<size_t>(s)]; });
  }
  uint64_t* words = QueueSlot();
  std::memset(words, 0, kChunkWords * 8);
  return ForEachPosting(blob, [&](int s) { words[s >> 6] |= uint64_t{1} << (s & 63); });
}

// Bit-sliced comparison with a constant, from the most significant plane down: a slot is
// greater once it has a 1 where the threshold has a 0 and all bits above are equal. Plane by
// plane, each a branch-free pass over the chunk's words (which vectorizes).
HASHI_CPU_DISPATCH void SlicedCounter::AtLeast(int threshold, ChunkBits& mask) {
  Settle();
  mask.assign(kChunkWords, 0);
  if (threshold <= 0) {
    mask.assign(kChunkWords, ~uint64_t{0});
    return;
  }
  if (slices_ < 31 && threshold >= (1 << slices_)) return;
  uint64_t* equal = mask.data();
  uint64_t greater[kChunkWords] = {};
  std::fill_n(equal, kChunkWords, ~uint64_t{0});
  for (int s = slices_ - 1; s >= 0; --s) {
    const uint64_t* plane = &planes_[static_cast<size_t>(s) * kChunkWords];
    if ((threshold >> s) & 1) {
      for (int w = 0; w < kChunkWords; ++w) equal[w] &= plane[w];
    } else {
      for (int w = 0; w < kChunkWords; ++w) {
        greater[w] |= equal[w] & plane[w];
        equal[w] &= ~plane[w];
      }
    }
  }
  for (int w = 0; w < kChunkWords; ++w) equal[w] |= greater[w];
}

HASHI_CPU_DISPATCH int SlicedCounter::Count(int slot) {
  Settle();
  int count = 0;
  for (int s = 0; s < slices_; ++s) {
    count |= static_cast<int>(
                 (planes_[static_cast<size_t>(s) * kChunkWords + (slot >> 6)] >> (slot & 63)) & 1)
             << s;
  }
  return count;
}

HASHI_CPU_DISPATCH int64_t CountSlots(const ChunkBits& bits) {
  int64_t count = 0;
  for (uint64_t w : bits) count += std::popcount(w);
  return count;
}

}  // namespace hashi::match
