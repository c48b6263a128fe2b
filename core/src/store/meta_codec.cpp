#include "store/meta_codec.h"

#include <cstdint>

namespace hashi::store {
namespace {

constexpr char kVersion = 1;

class Writer {
 public:
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Str(std::string_view s) {
    Varint(s.size());
    out_.append(s);
  }
  void Attrs(const Attributes& attrs) {
    Varint(attrs.size());
    for (const Attribute& a : attrs) {
      Str(a.name);
      Str(a.value);
    }
  }
  template <typename T>  // Prop or Note
  void Items(const std::vector<T>& items) {
    Varint(items.size());
    for (const T& item : items) {
      Attrs(item.attrs);
      Str(item.text);
    }
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_ = std::string(1, kVersion);
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {
    if (in_.empty() || in_[0] != kVersion) ok_ = false;
    pos_ = 1;
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && ok_; shift += 7) {
      if (pos_ >= in_.size()) break;
      const auto byte = static_cast<unsigned char>(in_[pos_++]);
      v |= uint64_t(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  std::string Str() {
    const uint64_t n = Varint();
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return {};
    }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  void Attrs(Attributes& attrs) {
    const uint64_t n = Count();
    for (uint64_t i = 0; i < n && ok_; ++i) {
      std::string name = Str();
      attrs.push_back({std::move(name), Str()});
    }
  }
  template <typename T>
  void Items(std::vector<T>& items) {
    const uint64_t n = Count();
    for (uint64_t i = 0; i < n && ok_; ++i) {
      T item;
      Attrs(item.attrs);
      item.text = Str();
      items.push_back(std::move(item));
    }
  }
  // A count can never exceed the bytes left: guards against corrupt blobs.
  uint64_t Count() {
    const uint64_t n = Varint();
    if (n > in_.size() - pos_) ok_ = false;
    return ok_ ? n : 0;
  }
  Status Finish() const {
    if (ok_ && pos_ == in_.size()) return Status::Ok();
    return Status::InvalidInput("corrupt unit data in the TM (run hashi check)");
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

std::string EncodeUnitMeta(const Unit& unit) {
  if (unit.attrs.empty() && unit.props.empty() && unit.notes.empty()) return {};
  Writer w;
  w.Attrs(unit.attrs);
  w.Items(unit.props);
  w.Items(unit.notes);
  return w.Take();
}

Status DecodeUnitMeta(std::string_view blob, Unit& unit) {
  if (blob.empty()) return Status::Ok();
  Reader r(blob);
  r.Attrs(unit.attrs);
  r.Items(unit.props);
  r.Items(unit.notes);
  return r.Finish();
}

std::string EncodeVariantMeta(const Variant& variant, std::string_view canonical_lang) {
  const bool same_lang = variant.lang == canonical_lang;
  if (same_lang && variant.attrs.empty() && variant.props.empty() && variant.notes.empty() &&
      variant.segment.codes.empty()) {
    return {};
  }
  Writer w;
  w.Str(same_lang ? std::string_view() : std::string_view(variant.lang));
  w.Attrs(variant.attrs);
  w.Items(variant.props);
  w.Items(variant.notes);
  w.Varint(variant.segment.codes.size());
  for (const Code& code : variant.segment.codes) {
    w.Varint(static_cast<uint64_t>(code.kind));
    w.Str(code.markup);
  }
  return w.Take();
}

Status DecodeVariantMeta(std::string_view blob, std::string_view canonical_lang,
                         Variant& variant) {
  variant.lang = canonical_lang;
  if (blob.empty()) return Status::Ok();
  Reader r(blob);
  if (std::string written = r.Str(); !written.empty()) variant.lang = std::move(written);
  r.Attrs(variant.attrs);
  r.Items(variant.props);
  r.Items(variant.notes);
  const uint64_t codes = r.Count();
  for (uint64_t i = 0; i < codes; ++i) {
    const uint64_t kind = r.Varint();
    if (kind > static_cast<uint64_t>(CodeKind::kHiEnd)) {
      return Status::InvalidInput("corrupt inline code in the TM (run hashi check)");
    }
    variant.segment.codes.push_back({static_cast<CodeKind>(kind), r.Str()});
  }
  return r.Finish();
}

std::string EncodeVariants(const std::vector<Variant>& variants,
                           const std::vector<std::string>& canonical_langs) {
  Writer w;
  w.Varint(variants.size());
  for (size_t i = 0; i < variants.size(); ++i) {
    w.Str(canonical_langs[i]);
    w.Str(variants[i].segment.text);
    w.Str(EncodeVariantMeta(variants[i], canonical_langs[i]));
  }
  return w.Take();
}

Status DecodeVariants(std::string_view blob, std::vector<Variant>& variants,
                      std::vector<std::string>* canonical_langs) {
  Reader r(blob);
  const uint64_t n = r.Count();
  for (uint64_t i = 0; i < n; ++i) {
    std::string lang = r.Str();
    Variant v;
    v.segment.text = r.Str();
    if (Status s = DecodeVariantMeta(r.Str(), lang, v); !s.ok()) return s;
    variants.push_back(std::move(v));
    if (canonical_langs) canonical_langs->push_back(std::move(lang));
  }
  return r.Finish();
}

std::string EncodeDocumentInfo(const DocumentInfo& info) {
  Writer w;
  w.Str(info.format);
  w.Str(info.version);
  w.Attrs(info.attrs);
  w.Items(info.props);
  w.Items(info.notes);
  w.Varint(info.extra_markup.size());
  for (const std::string& markup : info.extra_markup) w.Str(markup);
  return w.Take();
}

Status DecodeDocumentInfo(std::string_view blob, DocumentInfo& info) {
  if (blob.empty()) return Status::Ok();
  Reader r(blob);
  info.format = r.Str();
  info.version = r.Str();
  r.Attrs(info.attrs);
  r.Items(info.props);
  r.Items(info.notes);
  const uint64_t n = r.Count();
  for (uint64_t i = 0; i < n; ++i) info.extra_markup.push_back(r.Str());
  return r.Finish();
}

}  // namespace hashi::store
