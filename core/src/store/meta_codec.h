// Compact binary encoding of what a unit, variant or origin holds beyond its text: attributes,
// props, notes, inline codes, header children. Stored as BLOBs; an empty meta encodes as "" (the
// store writes NULL). Format: varint-length-prefixed strings and varint counts, version byte 1.
#ifndef HASHI_CORE_STORE_META_CODEC_H_
#define HASHI_CORE_STORE_META_CODEC_H_

#include <string>
#include <string_view>

#include "hashi/status.h"
#include "hashi/unit.h"

namespace hashi::store {

// Unit: attrs, props, notes (not variants, not id).
std::string EncodeUnitMeta(const Unit& unit);
Status DecodeUnitMeta(std::string_view blob, Unit& unit);

// Variant: the language tag as written when it differs from `canonical_lang`, attrs, props,
// notes and the segment's codes (the text is stored in its own column).
std::string EncodeVariantMeta(const Variant& variant, std::string_view canonical_lang);
// Fills variant.lang (with `canonical_lang` when no spelling was kept), attrs, props, notes and
// segment.codes.
Status DecodeVariantMeta(std::string_view blob, std::string_view canonical_lang, Variant& variant);

// All variants of a unit in one value (one row per unit keeps imports fast): per variant its
// canonical language tag, its NFC text and its variant meta. `canonical_langs` is parallel to
// `variants`.
std::string EncodeVariants(const std::vector<Variant>& variants,
                           const std::vector<std::string>& canonical_langs);
// Appends the decoded variants; with `canonical_langs`, also their canonical tags.
Status DecodeVariants(std::string_view blob, std::vector<Variant>& variants,
                      std::vector<std::string>* canonical_langs = nullptr);

std::string EncodeDocumentInfo(const DocumentInfo& info);
Status DecodeDocumentInfo(std::string_view blob, DocumentInfo& info);

}  // namespace hashi::store

#endif  // HASHI_CORE_STORE_META_CODEC_H_
