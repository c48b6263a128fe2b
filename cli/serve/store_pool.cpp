#include "serve/store_pool.h"

namespace hashi::cli::serve {

StorePool::StorePool(std::filesystem::path tm, size_t max_readers, StoreOptions writer_options)
    : tm_(std::move(tm)),
      max_readers_(max_readers < 1 ? 1 : max_readers),
      writer_options_(std::move(writer_options)) {}

Result<std::unique_ptr<TmStore>> StorePool::Borrow() {
  {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [&] { return !idle_.empty() || opened_ < max_readers_; });
    if (!idle_.empty()) {
      std::unique_ptr<TmStore> store = std::move(idle_.back());
      idle_.pop_back();
      return store;
    }
    ++opened_;  // this thread opens one more, outside the lock
  }
  Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(tm_, OpenMode::kReadOnly);
  if (!store.ok()) {
    std::lock_guard lock(mutex_);
    --opened_;
    returned_.notify_one();
    return store.status().WithFile(tm_.string());
  }
  return store;
}

void StorePool::GiveBack(std::unique_ptr<TmStore> store) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
  returned_.notify_one();
}

Status StorePool::Read(const std::function<Status(TmStore&)>& work) {
  Result<std::unique_ptr<TmStore>> store = Borrow();
  if (!store.ok()) return store.status();
  // Given back however `work` ends (it may throw: the handler boundary catches).
  struct Return {
    StorePool* pool;
    std::unique_ptr<TmStore> store;
    ~Return() { pool->GiveBack(std::move(store)); }
  } lease{this, std::move(*store)};
  return work(*lease.store);
}

Status StorePool::Write(const std::function<Status(TmStore&)>& work) {
  std::lock_guard lock(write_mutex_);
  if (writer_ == nullptr) {
    Result<std::unique_ptr<TmStore>> store =
        OpenSqliteStore(tm_, OpenMode::kReadWrite, writer_options_);
    if (!store.ok()) return store.status().WithFile(tm_.string());
    writer_ = std::move(*store);
  }
  return work(*writer_);
}

}  // namespace hashi::cli::serve
