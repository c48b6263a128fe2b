// The on-disk pieces of the match index (schema version 2, see store/schema.cpp), shared by the
// writer and the reader. Private to hashi_core.
//
//   match_langs      lang -> a small number (the top bits of the rowids below)
//   match_tokens     (lang, gram, occurrence) -> token number (the vocabulary)
//   match_postings   lang | chunk | token -> which units of the chunk hold the token
//   match_lengths    lang | chunk -> per unit slot: key length, or absent
//   match_keys       lang | block -> per unit: its keys, tags and variant positions
//
// `lang` is the primary language subtag ("en" for en-US). A unit's id is its slot in every
// language: chunk = id >> 16 and block = id >> 6.
#ifndef HASHI_CORE_STORE_MATCH_INDEX_FORMAT_H_
#define HASHI_CORE_STORE_MATCH_INDEX_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hashi::store {

// Rowids: lang << 56 | chunk << 32 | token, lang << 56 | chunk, lang << 56 | block.
inline constexpr int kLangShift = 56;
inline constexpr int kChunkShift = 32;
inline constexpr int kMaxLangs = 127;
inline int64_t LangRowBase(int lang) { return static_cast<int64_t>(lang) << kLangShift; }
inline int64_t PostingsRow(int lang, int64_t chunk, int64_t token) {
  return LangRowBase(lang) | (chunk << kChunkShift) | token;
}
inline int64_t ChunkRow(int lang, int64_t chunk) { return LangRowBase(lang) | chunk; }
inline int64_t BlockRow(int lang, int64_t block) { return LangRowBase(lang) | block; }
inline int64_t RowLowBits(int64_t row) { return row & ((int64_t{1} << kLangShift) - 1); }

inline constexpr int kBlockBits = 5;  // 32 units: a few KB, several per 16 KiB page
inline constexpr int kBlockSlots = 1 << kBlockBits;
inline int64_t BlockOf(int64_t unit_id) { return unit_id >> kBlockBits; }

// match_lengths values, one uint16 per slot of a chunk.
inline constexpr uint16_t kNoEntry = 0;          // no variant in this language (or deleted)
inline constexpr uint16_t kSeveral = 0xFFFF;     // several variants, or a key too long to say
inline constexpr int kMaxStoredLength = 0xFFFD;  // longer keys are stored as kSeveral
// A slot's value for one key of `length` code points.
inline uint16_t LengthValue(int64_t length) {
  return length <= kMaxStoredLength ? static_cast<uint16_t>(length + 1) : kSeveral;
}

std::string EncodeLengths(const std::vector<uint16_t>& lengths);  // 65,536 values
bool DecodeLengths(std::string_view blob, std::vector<uint16_t>& lengths);

// One variant of a unit as the index keeps it.
struct KeyEntry {
  int ord = 0;      // its position among the unit's variants
  std::string tag;  // canonical language tag
  std::string key;  // MatchKey of its text, UTF-8
};

// The entries of the kBlockSlots units of one block (slot = id % kBlockSlots). A tag equal
// to the block's language (the common case, "en" in "en") is stored empty.
using KeyBlock = std::vector<std::vector<KeyEntry>>;
std::string EncodeKeyBlock(const KeyBlock& block, std::string_view lang);
bool DecodeKeyBlock(std::string_view blob, std::string_view lang, KeyBlock& block);

// A stored key block, read without copying its strings: Parse() finds where each unit's
// entries start, and ForEachEntry() decodes one unit's entries on demand. For the reader.
class KeyBlockView {
 public:
  // Reads `blob`, which must outlive the view (the reader keeps it in a KeyArena); false if it
  // is malformed.
  bool Parse(std::string_view blob, std::string_view lang);
  // Calls visit(ord, tag, key) for each entry of `slot` (tag and key valid while this view
  // lives); stops early when visit returns false.
  template <typename Visit>
  void ForEachEntry(int slot, Visit visit) const;
  // Asks the CPU to start loading the entries of `slot` (a search verifying many units
  // prefetches a few ahead: otherwise most of its time is cache misses).
  void Prefetch(int slot) const {
    // Every cache line of them: a key of a press-release sentence spans two or three.
    const char* end = blob_.data() + starts_[slot + 1];
    for (const char* p = blob_.data() + starts_[slot]; p < end; p += 64) __builtin_prefetch(p);
  }
  // The same for where the entries of `slot` start (a step earlier: Prefetch reads it).
  void PrefetchStart(int slot) const { __builtin_prefetch(&starts_[slot]); }

 private:
  std::string_view blob_;
  std::string lang_;
  uint32_t starts_[kBlockSlots + 1] = {};
};

// Inline: verifying a candidate decodes a few of these, and a lookup verifies many thousands.
namespace key_block_internal {
inline bool GetVarint(std::string_view& in, uint64_t& v) {
  if (!in.empty() && static_cast<unsigned char>(in.front()) < 0x80) {  // the common case
    v = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    return true;
  }
  v = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if (byte < 0x80) return true;
  }
  return false;
}
inline bool GetView(std::string_view& in, std::string_view& s) {
  uint64_t size = 0;
  if (!GetVarint(in, size) || size > in.size()) return false;
  s = in.substr(0, size);
  in.remove_prefix(size);
  return true;
}
}  // namespace key_block_internal

template <typename Visit>
void KeyBlockView::ForEachEntry(int slot, Visit visit) const {
  using namespace key_block_internal;
  if (blob_.empty()) return;  // a block never written: no entries
  std::string_view in(blob_.data() + starts_[slot], starts_[slot + 1] - starts_[slot]);
  uint64_t count = 0;
  if (!GetVarint(in, count)) return;
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t ord = 0;
    std::string_view tag, key;
    if (!GetVarint(in, ord) || !GetView(in, tag) || !GetView(in, key)) return;
    if (!visit(static_cast<int>(ord), tag.empty() ? std::string_view(lang_) : tag, key)) return;
  }
}

// "en" for "en-US": the part before the first '-', lower-cased (tags are canonical already).
std::string PrimaryLanguage(std::string_view canonical_tag);

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_MATCH_INDEX_FORMAT_H_
