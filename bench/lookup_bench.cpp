// Lookup and concordance latency on one TM, the way a batch on standard input runs them (one
// open store, queries one after another), with an optional check against the exhaustive scan.
// See bench/README.md and bench/lookup_bench.sh.
//
// usage: lookup_bench --tm TM --from en --to vi,ja --queries Q.tsv [--min 70] [--limit 5]
//                     [--check N] [--short-only] [--threads N] [--bands] [--memory]
//        lookup_bench --tm TM --concord LANG --phrases P.txt [--limit 20]
// Q.tsv: gen_tm.py's query files (qid kind origin_tuid sim text). Prints one JSON object.
// --bands asks as `hashi analyze` does: one match of the best band, down to 50 (--min, --limit
// unused). --memory shares a LookupMemory among the queries, as `hashi analyze` does.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "hashi/analysis.h"
#include "hashi/normalizer.h"
#include "hashi/tm_store.h"

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this process (every thread of a lookup), in ms: unlike wall time, not inflated
// when other processes share the machine's cores. With --threads 1 it is the latency a quiet
// machine would show; with more, the work (wall time is then the latency).
double CpuMs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

struct Query {
  std::string kind;
  std::string text;
};

std::map<std::string, std::string> ParseArgs(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string name = argv[i];
    if (name.rfind("--", 0) != 0) continue;
    args[name.substr(2)] =
        (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) ? argv[++i] : "1";
  }
  return args;
}

std::vector<Query> ReadQueries(const std::string& path, bool short_only) {
  std::ifstream in(path);
  std::vector<Query> queries;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) cols.push_back(cell);
    if (cols.size() < 5) continue;
    if (short_only && hashi::CodePointCount(cols[4]) > 30) continue;
    queries.push_back({cols[1], cols[4]});
  }
  return queries;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t k = std::min(v.size() - 1, static_cast<size_t>(p / 100.0 * v.size()));
  return v[k];
}

std::string Summary(const std::string& name, const std::vector<double>& ms) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer,
                "\"%s\": {\"n\": %zu, \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"p99_ms\": %.2f, "
                "\"max_ms\": %.2f}",
                name.c_str(), ms.size(), Percentile(ms, 50), Percentile(ms, 95), Percentile(ms, 99),
                ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()));
  return buffer;
}

// The band (the lowest score of it) a score falls in, of ascending `floors`.
int BandOf(int score, const std::vector<int>& floors) {
  int band = -1;
  for (int floor : floors) band = score >= floor ? floor : band;
  return band;
}

// Equal answers; in band mode (non-empty `floors`), a match of the same band (which unit of
// the band is answered may differ).
bool SameAnswer(const std::vector<hashi::Match>& a, const std::vector<hashi::Match>& b,
                const std::vector<int>& floors) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!floors.empty()) {
      if (BandOf(a[i].score, floors) != BandOf(b[i].score, floors)) return false;
    } else if (a[i].unit != b[i].unit || a[i].score != b[i].score) {
      return false;
    }
  }
  return true;
}

struct Timings {
  std::map<std::string, std::vector<double>> by_kind;
  std::vector<double> all, shorts, cpu;
  int checked = 0, mismatches = 0, with_match = 0;
};

// Runs one query (and, with `check`, the exhaustive scan to compare); false on an error.
bool TimeQuery(hashi::TmStore& store, hashi::LookupRequest& request, const Query& query, bool check,
               Timings& t) {
  request.query = hashi::Segment{query.text, {}};
  request.exhaustive = false;
  const Clock::time_point start = Clock::now();
  const double cpu_start = CpuMs();
  hashi::Result<std::vector<hashi::Match>> found = store.Lookup(request);
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  t.cpu.push_back(CpuMs() - cpu_start);
  if (!found.ok()) {
    std::fprintf(stderr, "%s: %s\n", query.text.c_str(), found.status().ToString().c_str());
    return false;
  }
  t.with_match += found->empty() ? 0 : 1;
  t.all.push_back(ms);
  t.by_kind[query.kind].push_back(ms);
  if (hashi::CodePointCount(query.text) <= 30) t.shorts.push_back(ms);
  if (!check) return true;
  request.exhaustive = true;
  hashi::Result<std::vector<hashi::Match>> reference = store.Lookup(request);
  ++t.checked;
  if (!reference.ok() || !SameAnswer(*found, *reference, request.band_floors)) {
    ++t.mismatches;
    std::fprintf(stderr, "MISMATCH: %s\n", query.text.c_str());
  }
  return true;
}

int RunLookups(hashi::TmStore& store, std::map<std::string, std::string>& args) {
  hashi::LookupRequest request;
  request.from = args["from"];
  std::stringstream to(args["to"]);
  for (std::string lang; std::getline(to, lang, ',');) request.to.push_back(lang);
  request.min_score = args.count("min") ? std::stoi(args["min"]) : 70;
  request.limit = args.count("limit") ? std::stoi(args["limit"]) : 5;
  if (args.count("bands")) {
    request.band_floors = hashi::BandFloors();
    request.min_score = request.band_floors.front();
    request.limit = 1;
  }
  if (args.count("memory")) request.memory = hashi::NewLookupMemory();
  // As `hashi lookup` does: every core (--threads 1 for one).
  request.threads = args.count("threads") ? std::stoi(args["threads"])
                                          : static_cast<int>(std::thread::hardware_concurrency());
  const std::vector<Query> queries = ReadQueries(args["queries"], args.count("short-only") > 0);
  const size_t check = args.count("check") ? std::stoul(args["check"]) : 0;
  Timings t;
  for (size_t i = 0; i < queries.size(); ++i) {
    if (!TimeQuery(store, request, queries[i], i < check, t)) return 1;
  }
  std::string out = "{\"queries\": " + std::to_string(t.all.size()) +
                    ", \"with_match\": " + std::to_string(t.with_match) +
                    ", \"first_ms\": " + std::to_string(t.all.empty() ? 0.0 : t.all.front()) +
                    ", " + Summary("all", t.all) + ", " + Summary("short", t.shorts) + ", " +
                    Summary("cpu", t.cpu);
  for (const auto& [kind, ms] : t.by_kind) out += ", " + Summary(kind, ms);
  if (request.memory) {
    const hashi::LookupMemoryStats stats = hashi::StatsOf(*request.memory);
    out += ", \"pivots\": " + std::to_string(stats.pivots) +
           ", \"from_pivots\": " + std::to_string(stats.answered);
  }
  out += ", \"checked\": " + std::to_string(t.checked) +
         ", \"mismatches\": " + std::to_string(t.mismatches) + "}\n";
  std::fputs(out.c_str(), stdout);
  return t.mismatches == 0 ? 0 : 2;
}

int RunConcord(hashi::TmStore& store, std::map<std::string, std::string>& args) {
  hashi::ConcordRequest request;
  request.lang = args["concord"];
  request.limit = args.count("limit") ? std::stoi(args["limit"]) : 20;
  std::ifstream in(args["phrases"]);
  std::vector<double> longer, shorter, cpu;
  int64_t hits = 0;
  for (std::string phrase; std::getline(in, phrase);) {
    if (phrase.empty()) continue;
    request.phrase = phrase;
    const Clock::time_point start = Clock::now();
    const double cpu_start = CpuMs();
    hashi::Result<std::vector<hashi::ConcordHit>> found = store.Concord(request);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    cpu.push_back(CpuMs() - cpu_start);
    if (!found.ok()) {
      std::fprintf(stderr, "%s: %s\n", phrase.c_str(), found.status().ToString().c_str());
      return 1;
    }
    hits += static_cast<int64_t>(found->size());
    (hashi::CodePointCount(hashi::BareKey(phrase)) <= 2 ? shorter : longer).push_back(ms);
  }
  std::printf("{\"hits\": %lld, %s, %s, %s}\n", static_cast<long long>(hits),
              Summary("phrases_3plus", longer).c_str(), Summary("phrases_1_2", shorter).c_str(),
              Summary("cpu", cpu).c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args = ParseArgs(argc, argv);
  if (!args.count("tm") || (!args.count("queries") && !args.count("concord"))) {
    std::fputs("usage: see the top of bench/lookup_bench.cpp\n", stderr);
    return 2;
  }
  hashi::Result<std::unique_ptr<hashi::TmStore>> store =
      hashi::OpenSqliteStore(args["tm"], hashi::OpenMode::kReadOnly);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  return args.count("concord") ? RunConcord(**store, args) : RunLookups(**store, args);
}
