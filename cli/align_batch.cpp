#include "align_batch.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace hashi::cli {
namespace {

// Four workers even on two cores: much of a worker's time is spent waiting for its TMX file to
// reach the disk (the writer syncs every file before renaming it into place).
constexpr unsigned kMaxThreads = 4;
// Workers run at most this many articles ahead of the one being finished, which bounds the
// memory held by aligned articles waiting for their turn.
constexpr size_t kAheadPerThread = 4;

class Pipeline {
 public:
  Pipeline(const AlignJob& job, const std::vector<ArticleTask>& tasks, size_t threads)
      : job_(job), tasks_(tasks), results_(tasks.size()), window_(threads * kAheadPerThread) {}

  void Work(bool presegmented) {
    ArticleReader reader(presegmented);
    for (;;) {
      size_t k = 0;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return next_ >= tasks_.size() || next_ < finished_ + window_; });
        if (next_ >= tasks_.size()) return;
        k = next_++;
      }
      Result<PreparedArticle> result = job_.Prepare(tasks_[k], reader);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        results_[k].emplace(std::move(result));
      }
      changed_.notify_all();
    }
  }

  // The result of task k, once a worker has it. Called for k = 0, 1, 2 ... in turn.
  Result<PreparedArticle> Take(size_t k) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return results_[k].has_value(); });
    Result<PreparedArticle> result = std::move(*results_[k]);
    results_[k].reset();
    finished_ = k + 1;
    lock.unlock();
    changed_.notify_all();
    return result;
  }

 private:
  const AlignJob& job_;
  const std::vector<ArticleTask>& tasks_;
  std::vector<std::optional<Result<PreparedArticle>>> results_;
  size_t window_;
  std::mutex mutex_;
  std::condition_variable changed_;
  size_t next_ = 0;
  size_t finished_ = 0;
};

}  // namespace

size_t RunArticles(AlignJob& job, const std::vector<ArticleTask>& tasks, bool presegmented,
                   Progress& progress) {
  const size_t threads = std::min<size_t>(kMaxThreads, std::max<size_t>(1, tasks.size()));
  Pipeline pipeline(job, tasks, threads);
  std::vector<std::thread> workers;
  for (size_t t = 0; t < threads; ++t) workers.emplace_back([&] { pipeline.Work(presegmented); });
  size_t failed = 0;
  for (size_t k = 0; k < tasks.size(); ++k) {
    Result<PreparedArticle> prepared = pipeline.Take(k);
    progress.Clear();
    const Status status = prepared.ok() ? job.Finish(tasks[k], *prepared) : prepared.status();
    if (!status.ok()) {
      Report(status);
      ++failed;
    }
    progress.Update("aligned " + std::to_string(k + 1) + "/" + std::to_string(tasks.size()) +
                    ": " + tasks[k].name);
  }
  for (std::thread& worker : workers) worker.join();
  return failed;
}

}  // namespace hashi::cli
