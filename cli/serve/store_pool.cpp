#include "serve/store_pool.h"

namespace hashi::cli::serve {

StorePool::StorePool(std::filesystem::path tm, size_t max_readers, StoreOptions writer_options)
    : tm_(std::move(tm)),
      max_readers_(max_readers < 1 ? 1 : max_readers),
      writer_options_(std::move(writer_options)) {}

Result<std::unique_ptr<TmStore>> StorePool::Borrow() {
  {
    std::unique_lock lock(mutex_);
    if (!waiters_.empty() || (idle_.empty() && opened_ >= max_readers_)) {
      Waiter me;
      waiters_.push_back(&me);
      me.woken.wait(lock, [&] { return me.ready; });
      if (me.store) return std::move(me.store);
      // Woken without a store: one failed to open, so this request may open one.
    } else if (!idle_.empty()) {
      std::unique_ptr<TmStore> store = std::move(idle_.back());
      idle_.pop_back();
      return store;
    }
    ++opened_;  // this thread opens one more, outside the lock
  }
  StoreOptions options;
  options.answers = answers_;
  Result<std::unique_ptr<TmStore>> store = OpenSqliteStore(tm_, OpenMode::kReadOnly, options);
  if (!store.ok()) {
    std::lock_guard lock(mutex_);
    --opened_;
    WakeFirst(nullptr);
    return store.status().WithFile(tm_.string());
  }
  return store;
}

// Hands `store` to the request waiting longest (null: lets it open one); keeps it idle when
// none waits. Called with mutex_ held.
void StorePool::WakeFirst(std::unique_ptr<TmStore> store) {
  if (waiters_.empty()) {
    if (store) idle_.push_back(std::move(store));
    return;
  }
  Waiter* first = waiters_.front();
  waiters_.pop_front();
  first->store = std::move(store);
  first->ready = true;
  first->woken.notify_one();
}

void StorePool::GiveBack(std::unique_ptr<TmStore> store) {
  std::lock_guard lock(mutex_);
  WakeFirst(std::move(store));
}

size_t StorePool::waiting() {
  std::lock_guard lock(mutex_);
  return waiters_.size();
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
