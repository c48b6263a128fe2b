// Load on `hashi serve`: CLIENTS concurrent keep-alive clients make REQUESTS lookups in all
// (GET /api/lookup, queries taken in turn from a file, one a line), stopping at REQUESTS or
// after MAX_SECONDS, whichever comes first. Prints one JSON object: requests, failed (no answer
// or not 200), latency p50/p95/p99/max in ms, wall seconds, requests per second. With
// --pause-ms a client waits about that long after each answer (a translator typing: the page
// asks at most once per 250 ms pause in typing); without it the clients ask back to back, which
// measures throughput (latency = clients / throughput). Paced clients behave as independent
// people: each starts at a random moment within the first pause and waits between 0.5 and 1.5
// times the pause (uniformly, so the mean is the pause). With one fixed pause from a common
// start, all of them asked within the same ~100 ms every second: bursts of 50 requests that
// no group of translators makes, and whose queueing was most of the p99 measured.
// usage: serve_load --port P --queries FILE [--from en] [--to vi] [--clients 50]
//                   [--requests 10000] [--max-seconds 300] [--min 70] [--pause-ms 0]
//                   [--during FILE] [--until-gone FILE] [--log FILE]
// --during FILE: the requests sent while FILE exists (the script creates it for the time an
// import runs) are also reported on their own, as "during".
// --until-gone FILE: the clients go on past REQUESTS while FILE exists and for 2 s after it is
// gone (MAX_SECONDS still bounds the run), so that the run spans all of what FILE marks and
// what follows at once: an import, its commit, and the first requests on the TM it wrote.
// --log FILE: a line per request, tab-separated: when it was sent (ms from the start), its
// latency (ms), 1 if sent during FILE of --during, and the query's line (from 0).
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  int port = 0;
  std::string queries;
  std::string from = "en";
  std::string to = "vi";
  std::string min = "70";
  int clients = 50;
  long requests = 10000;
  double max_seconds = 300;
  int pause_ms = 0;
  std::string during;  // a file that exists while something else runs
  std::string until_gone;
  std::string log;
};

bool Parse(int argc, char** argv, Options& o) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    // clang-format off
    if (flag == "--port") o.port = std::atoi(value.c_str());
    else if (flag == "--queries") o.queries = value;
    else if (flag == "--from") o.from = value;
    else if (flag == "--to") o.to = value;
    else if (flag == "--min") o.min = value;
    else if (flag == "--clients") o.clients = std::atoi(value.c_str());
    else if (flag == "--requests") o.requests = std::atol(value.c_str());
    else if (flag == "--max-seconds") o.max_seconds = std::atof(value.c_str());
    else if (flag == "--pause-ms") o.pause_ms = std::atoi(value.c_str());
    else if (flag == "--during") o.during = value;
    else if (flag == "--until-gone") o.until_gone = value;
    else if (flag == "--log") o.log = value;
    else return false;
    // clang-format on
  }
  return o.port > 0 && !o.queries.empty() && o.clients > 0 && o.requests > 0;
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const size_t i = std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()));
  return sorted[i];
}

// "p50_ms": .., "p95_ms": .., "p99_ms": .., "max_ms": .. of `latencies` (sorted here).
std::string Figures(std::vector<double>& latencies) {
  std::sort(latencies.begin(), latencies.end());
  char buffer[160];
  std::snprintf(buffer, sizeof buffer,
                "\"p50_ms\": %.1f, \"p95_ms\": %.1f, \"p99_ms\": %.1f, \"max_ms\": %.1f",
                Percentile(latencies, 0.50), Percentile(latencies, 0.95),
                Percentile(latencies, 0.99), latencies.empty() ? 0.0 : latencies.back());
  return buffer;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!Parse(argc, argv, o)) {
    std::fputs(
        "usage: serve_load --port P --queries FILE [--from en] [--to vi] [--clients 50] "
        "[--requests 10000] [--max-seconds 300] [--min 70] [--pause-ms 0] "
        "[--during FILE] [--until-gone FILE] [--log FILE]\n",
        stderr);
    return 2;
  }
  std::vector<std::string> queries;
  std::ifstream in(o.queries);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) queries.push_back(line);
  }
  if (queries.empty()) {
    std::fprintf(stderr, "serve_load: no query in %s\n", o.queries.c_str());
    return 1;
  }
  std::atomic<long> next = 0;
  std::atomic<long> failed = 0;
  std::mutex mutex;
  std::vector<double> latencies;
  std::vector<double> during;    // of the requests sent while o.during existed
  std::vector<std::string> log;  // --log: a line per request
  const Clock::time_point start = Clock::now();
  const Clock::time_point deadline =
      start + std::chrono::milliseconds(static_cast<long>(o.max_seconds * 1000));
  // Until when --until-gone keeps the clients going: 2 s after its file was first seen gone
  // (Clock::time_point::max() while it exists).
  std::mutex gone_mutex;
  Clock::time_point gone_at = Clock::time_point::max();
  auto until_gone_end = [&] {
    std::lock_guard lock(gone_mutex);
    std::error_code ec;
    if (gone_at == Clock::time_point::max() && !std::filesystem::exists(o.until_gone, ec)) {
      gone_at = Clock::now();
    }
    return gone_at == Clock::time_point::max() ? gone_at : gone_at + std::chrono::seconds(2);
  };
  std::vector<std::thread> threads;
  for (int c = 0; c < o.clients; ++c) {
    threads.emplace_back([&, c] {
      std::mt19937 random(static_cast<unsigned>(c) + 1);  // the same run from one run to the next
      std::uniform_real_distribution<double> phase(0, o.pause_ms),
          pause(0.5 * o.pause_ms, 1.5 * o.pause_ms);
      if (o.pause_ms > 0) {
        std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(phase(random)));
      }
      httplib::Client client("127.0.0.1", o.port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(60);
      std::vector<double> mine, mine_during;
      std::vector<std::string> mine_log;
      auto more = [&](long i) {
        if (Clock::now() >= deadline) return false;
        return i < o.requests || (!o.until_gone.empty() && Clock::now() < until_gone_end());
      };
      for (long i = next++; more(i); i = next++) {
        const std::string path = httplib::append_query_params(
            "/api/lookup", {{"from", o.from},
                            {"to", o.to},
                            {"min", o.min},
                            {"q", queries[static_cast<size_t>(i) % queries.size()]}});
        std::error_code ec;
        const bool in_window = !o.during.empty() && std::filesystem::exists(o.during, ec);
        const Clock::time_point t0 = Clock::now();
        const httplib::Result r = client.Get(path.c_str());
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (in_window) mine_during.push_back(mine.back());
        if (!o.log.empty()) {
          mine_log.push_back(
              std::to_string(std::chrono::duration<double, std::milli>(t0 - start).count()) + "\t" +
              std::to_string(mine.back()) + "\t" + (in_window ? "1" : "0") + "\t" +
              std::to_string(static_cast<size_t>(i) % queries.size()));
        }
        if (!r || r->status != 200) ++failed;
        if (o.pause_ms > 0) {
          std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(pause(random)));
        }
      }
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
      during.insert(during.end(), mine_during.begin(), mine_during.end());
      log.insert(log.end(), mine_log.begin(), mine_log.end());
    });
  }
  for (std::thread& t : threads) t.join();
  if (!o.log.empty()) {
    std::ofstream out(o.log);
    for (const std::string& line : log) out << line << '\n';
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const size_t count = latencies.size();
  std::printf(
      "{\"requests\": %zu, \"failed\": %ld, \"clients\": %d, \"pause_ms\": %d, %s, "
      "\"seconds\": %.1f, \"per_second\": %.0f",
      count, failed.load(), o.clients, o.pause_ms, Figures(latencies).c_str(), seconds,
      static_cast<double>(count) / seconds);
  if (!o.during.empty()) {
    const size_t n = during.size();
    std::printf(", \"during\": {\"requests\": %zu, %s}", n, Figures(during).c_str());
  }
  std::printf("}\n");
  return failed == 0 && static_cast<long>(count) >= o.requests ? 0 : 1;
}
