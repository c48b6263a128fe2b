#include "store/unit_preparer.h"

#include "hashi/language_tag.h"
#include "hashi/normalizer.h"

namespace hashi::store {
namespace {

constexpr size_t kBatchUnits = 256;
constexpr size_t kMaxBatches = 16;  // at most ~4k units wait between the threads

template <typename T>  // Prop or Note
void NormalizeTexts(std::vector<T>& items) {
  for (T& item : items) item.text = ToNfc(item.text);
}

}  // namespace

std::vector<VariantKey> PreparedUnit::Keys() const {
  std::vector<VariantKey> keys;
  keys.reserve(unit.variants.size());
  for (size_t i = 0; i < unit.variants.size(); ++i) {
    keys.push_back({langs[i], &unit.variants[i].segment});
  }
  UnitSignature(keys);  // sorts them
  return keys;
}

Result<std::string> UnitPreparer::CanonicalLang(const std::string& written) {
  auto it = canonical_langs_.find(written);
  if (it != canonical_langs_.end()) return it->second;
  Result<LanguageTag> tag = LanguageTag::Parse(written);
  if (!tag.ok()) return tag.status();
  return canonical_langs_.emplace(written, tag->str()).first->second;
}

Result<PreparedUnit> UnitPreparer::Prepare(Unit unit, int64_t ordinal) {
  PreparedUnit prepared;
  NormalizeTexts(unit.props);
  NormalizeTexts(unit.notes);
  for (Variant& variant : unit.variants) {
    Result<std::string> lang = CanonicalLang(variant.lang);
    if (!lang.ok()) {
      const std::string* tuid = FindAttribute(unit.attrs, "tuid");
      return lang.status().WithContext("unit " + std::to_string(ordinal) +
                                       (tuid ? " (tuid " + *tuid + ")" : std::string()));
    }
    variant.segment.text = ToNfc(variant.segment.text);
    NormalizeTexts(variant.props);
    NormalizeTexts(variant.notes);
    prepared.langs.push_back(*lang);
    prepared.keys.push_back(MatchKey(variant.segment.text));
  }
  prepared.unit = std::move(unit);
  std::vector<VariantKey> keys = prepared.Keys();
  prepared.sig = UnitSignature(keys);
  return prepared;
}

PreparedUnitPipe::PreparedUnitPipe(UnitStream& source)
    : source_(source), producer_([this] { Produce(); }) {}

PreparedUnitPipe::~PreparedUnitPipe() {
  {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
  }
  changed_.notify_all();
  producer_.join();
}

bool PreparedUnitPipe::Push(std::vector<PreparedUnit>& batch) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return cancelled_ || batches_.size() < kMaxBatches; });
  if (cancelled_) return false;
  batches_.push_back(std::move(batch));
  batch.clear();
  changed_.notify_all();
  return true;
}

void PreparedUnitPipe::Produce() {
  UnitPreparer preparer;
  std::vector<PreparedUnit> batch;
  Status status;
  int64_t ordinal = 0;
  while (std::optional<Unit> unit = source_.Next()) {
    Result<PreparedUnit> prepared = preparer.Prepare(std::move(*unit), ++ordinal);
    if (!prepared.ok()) {
      status = prepared.status();
      break;
    }
    batch.push_back(std::move(*prepared));
    if (batch.size() == kBatchUnits && !Push(batch)) return;
  }
  if (status.ok()) status = source_.status();
  // Units read before an error are still handed out; the error comes after them.
  if (!batch.empty() && !Push(batch)) return;
  std::lock_guard lock(mutex_);
  producer_status_ = status;
  done_ = true;
  changed_.notify_all();
}

std::optional<PreparedUnit> PreparedUnitPipe::Next() {
  if (next_in_current_ == current_.size()) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !batches_.empty() || done_; });
    if (batches_.empty()) {
      status_ = producer_status_;
      return std::nullopt;
    }
    current_ = std::move(batches_.front());
    batches_.pop_front();
    next_in_current_ = 0;
    changed_.notify_all();
  }
  return std::move(current_[next_in_current_++]);
}

}  // namespace hashi::store
