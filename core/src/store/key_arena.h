// KeyArena: where the match index reader keeps the key blocks it has read of one chunk: slabs
// of 4 MiB filled one after another and given back together when the chunk is dropped. A
// lookup at 1M units that verifies much of the TM reads some 150 MB of key blocks; as one
// allocation each (32 units, a few KB), their page faults, bookkeeping and freeing were a third
// of a one-off `hashi lookup`'s time. Slabs are aligned to 2 MiB and offered to the kernel for
// transparent huge pages, which cut the faults 512-fold where it grants them.
// Private to hashi_core. Not thread-safe.
#ifndef HASHI_CORE_STORE_KEY_ARENA_H_
#define HASHI_CORE_STORE_KEY_ARENA_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace hashi::store {

class KeyArena {
 public:
  KeyArena() = default;
  KeyArena(const KeyArena&) = delete;
  KeyArena& operator=(const KeyArena&) = delete;
  ~KeyArena();

  // A copy of `bytes` that stays where it is until the arena goes. Throws std::bad_alloc when
  // the system has no memory left (as a std::string would).
  std::string_view Keep(std::string_view bytes);
  // Bytes mapped for the arena (address space; pages count once touched).
  size_t mapped() const { return mapped_; }

 private:
  struct Slab {
    char* data;
    size_t size;
    size_t used;
  };
  static Slab Map(size_t size);
  std::vector<Slab> slabs_;
  size_t mapped_ = 0;
};

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_KEY_ARENA_H_
