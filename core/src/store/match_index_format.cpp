#include "store/match_index_format.h"

#include "match/posting_chunk.h"

namespace hashi::store {

using key_block_internal::GetVarint;  // KeyBlockView's, inline in the header

namespace {

void PutVarint(uint64_t v, std::string& out) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void PutString(std::string_view s, std::string& out) {
  PutVarint(s.size(), out);
  out.append(s);
}

bool GetString(std::string_view& in, std::string& s) {
  uint64_t size = 0;
  if (!GetVarint(in, size) || size > in.size()) return false;
  s.assign(in.substr(0, size));
  in.remove_prefix(size);
  return true;
}

}  // namespace

std::string EncodeLengths(const std::vector<uint16_t>& lengths) {
  std::string out;
  out.reserve(lengths.size() * 2);
  for (uint16_t v : lengths) {
    out.push_back(static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>(v >> 8));
  }
  return out;
}

bool DecodeLengths(std::string_view blob, std::vector<uint16_t>& lengths) {
  if (blob.size() != 2 * static_cast<size_t>(match::kChunkSlots)) return false;
  lengths.resize(match::kChunkSlots);
  for (int i = 0; i < match::kChunkSlots; ++i) {
    lengths[i] = static_cast<uint16_t>(static_cast<unsigned char>(blob[2 * i]) |
                                       static_cast<unsigned char>(blob[2 * i + 1]) << 8);
  }
  return true;
}

std::string EncodeKeyBlock(const KeyBlock& block, std::string_view lang) {
  std::string out;
  for (int slot = 0; slot < kBlockSlots; ++slot) {
    const std::vector<KeyEntry>* entries =
        slot < static_cast<int>(block.size()) ? &block[slot] : nullptr;
    PutVarint(entries ? entries->size() : 0, out);
    if (!entries) continue;
    for (const KeyEntry& e : *entries) {
      PutVarint(static_cast<uint64_t>(e.ord), out);
      PutString(e.tag == lang ? std::string_view() : std::string_view(e.tag), out);
      PutString(e.key, out);
    }
  }
  return out;
}

bool DecodeKeyBlock(std::string_view blob, std::string_view lang, KeyBlock& block) {
  block.assign(kBlockSlots, {});
  for (int slot = 0; slot < kBlockSlots; ++slot) {
    uint64_t count = 0;
    if (!GetVarint(blob, count) || count > blob.size()) return false;
    block[slot].resize(count);
    for (KeyEntry& e : block[slot]) {
      uint64_t ord = 0;
      if (!GetVarint(blob, ord) || !GetString(blob, e.tag) || !GetString(blob, e.key)) {
        return false;
      }
      if (e.tag.empty()) e.tag = lang;
      e.ord = static_cast<int>(ord);
    }
  }
  return blob.empty();
}

bool KeyBlockView::Parse(std::string_view blob, std::string_view lang) {
  blob_ = blob;
  lang_ = std::string(lang);
  std::string_view in(blob_);
  for (int slot = 0; slot < kBlockSlots; ++slot) {
    starts_[slot] = static_cast<uint32_t>(blob_.size() - in.size());
    uint64_t count = 0;
    if (!GetVarint(in, count) || count > in.size()) return false;
    for (uint64_t i = 0; i < count; ++i) {
      uint64_t ord = 0;
      std::string_view tag, key;
      if (!GetVarint(in, ord) || !key_block_internal::GetView(in, tag) ||
          !key_block_internal::GetView(in, key)) {
        return false;
      }
    }
  }
  starts_[kBlockSlots] = static_cast<uint32_t>(blob_.size() - in.size());
  return in.empty();
}

std::string PrimaryLanguage(std::string_view canonical_tag) {
  std::string primary(canonical_tag.substr(0, canonical_tag.find('-')));
  for (char& c : primary) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return primary;
}

}  // namespace hashi::store
