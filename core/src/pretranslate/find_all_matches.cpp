// FindAllMatches: a job's lookups on a small pool of threads. Each worker owns a MatchSource
// (its own store connection) and takes the next distinct query from a shared counter, so a slow
// query never holds the others up.
#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "hashi/pretranslator.h"

namespace hashi {
namespace {

// The shared state of one FindAllMatches call.
struct Job {
  const std::vector<const Segment*>& distinct;
  const MatchSourceFactory& factory;
  const FindOptions& options;
  std::vector<std::vector<Match>> results;
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards error, done and on_progress calls
  Status error;
  int64_t done = 0;

  void Fail(Status status) {
    std::lock_guard<std::mutex> lock(mutex);
    if (error.ok()) error = std::move(status);
    failed = true;
  }
  void Progress() {
    if (!options.on_progress) return;
    std::lock_guard<std::mutex> lock(mutex);
    ++done;
    if (done % 64 == 0 || done == static_cast<int64_t>(distinct.size())) {
      options.on_progress(done, static_cast<int64_t>(distinct.size()));
    }
  }
};

void Work(Job& job) {
  Result<std::unique_ptr<MatchSource>> source = job.factory();
  if (!source.ok()) return job.Fail(source.status());
  while (!job.failed) {
    const size_t i = job.next++;
    if (i >= job.distinct.size()) return;
    Result<std::vector<Match>> found =
        job.options.band_floors.empty()
            ? (*source)->Find(*job.distinct[i], job.options.min_score, job.options.limit)
            : (*source)->FindInBestBand(*job.distinct[i], job.options.band_floors);
    if (!found.ok()) return job.Fail(found.status());
    job.results[i] = std::move(*found);
    job.Progress();
  }
}

int ThreadCount(const FindOptions& options, size_t work) {
  int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(threads, 1);
  return static_cast<int>(
      std::min<size_t>(static_cast<size_t>(threads), std::max<size_t>(work, 1)));
}

}  // namespace

Result<std::vector<std::vector<Match>>> FindAllMatches(const std::vector<Segment>& queries,
                                                       const MatchSourceFactory& factory,
                                                       const FindOptions& options) {
  std::vector<const Segment*> distinct;
  std::vector<size_t> slot(queries.size());
  std::unordered_map<std::string, size_t> seen;
  for (size_t i = 0; i < queries.size(); ++i) {
    auto [it, inserted] = seen.emplace(MatchIdentity(queries[i]), distinct.size());
    if (inserted) distinct.push_back(&queries[i]);
    slot[i] = it->second;
  }
  Job job{distinct, factory, options, {}, {}, {}, {}, {}, 0};
  job.results.resize(distinct.size());
  const int threads = ThreadCount(options, distinct.size());
  if (threads == 1) {
    Work(job);
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back([&job] { Work(job); });
    for (std::thread& thread : pool) thread.join();
  }
  if (!job.error.ok()) return job.error;
  std::vector<std::vector<Match>> results(queries.size());
  for (size_t i = 0; i < queries.size(); ++i) results[i] = job.results[slot[i]];
  return results;
}

}  // namespace hashi
