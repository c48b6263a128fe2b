#include "store/key_arena.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <new>

namespace hashi::store {
namespace {

constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kSlabBytes = size_t{4} << 20;

size_t RoundUp(size_t n, size_t to) { return (n + to - 1) / to * to; }

}  // namespace

// Maps `size` (a multiple of kHugePage) bytes at a 2 MiB boundary: a little more is mapped,
// and what lies before and after the aligned range is given back.
KeyArena::Slab KeyArena::Map(size_t size) {
  const size_t reserved = size + kHugePage;
  void* mapped =
      mmap(nullptr, reserved, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(mapped);
  const uintptr_t aligned = RoundUp(start, kHugePage);
  if (aligned > start) munmap(mapped, aligned - start);
  const uintptr_t end = start + reserved;
  if (end > aligned + size) munmap(reinterpret_cast<void*>(aligned + size), end - aligned - size);
  char* data = reinterpret_cast<char*>(aligned);
#ifdef MADV_HUGEPAGE
  madvise(data, size, MADV_HUGEPAGE);  // a hint: without it (or without THP) pages are 4 KiB
#endif
  return {data, size, 0};
}

KeyArena::~KeyArena() {
  for (const Slab& slab : slabs_) munmap(slab.data, slab.size);
}

std::string_view KeyArena::Keep(std::string_view bytes) {
  if (bytes.size() > kSlabBytes / 4) {  // a mapping of its own: no slab left a quarter empty
    Slab own = Map(RoundUp(bytes.size(), kHugePage));
    std::memcpy(own.data, bytes.data(), bytes.size());
    own.used = bytes.size();
    mapped_ += own.size;
    // Before the slab being filled, which stays last.
    slabs_.insert(slabs_.empty() ? slabs_.end() : slabs_.end() - 1, own);
    return {own.data, bytes.size()};
  }
  if (slabs_.empty() || slabs_.back().size - slabs_.back().used < bytes.size()) {
    slabs_.push_back(Map(kSlabBytes));
    mapped_ += kSlabBytes;
  }
  Slab& slab = slabs_.back();
  char* at = slab.data + slab.used;
  if (!bytes.empty()) std::memcpy(at, bytes.data(), bytes.size());
  slab.used += bytes.size();
  return {at, bytes.size()};
}

}  // namespace hashi::store
