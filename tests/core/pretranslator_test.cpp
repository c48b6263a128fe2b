// FindAllMatches (threads, one lookup per distinct segment, errors) with a fake MatchSource, and
// SplitArticle with a fake segmenter.
#include "hashi/pretranslator.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "hashi/article.h"

namespace hashi {
namespace {

// Answers with one match whose score is the query's length; fails on the text "fail".
struct FakeTm {
  std::atomic<int> sources{0};
  std::atomic<int> lookups{0};
  std::mutex mutex;
  std::set<std::thread::id> threads;
};

class FakeSource final : public MatchSource {
 public:
  explicit FakeSource(FakeTm& tm) : tm_(tm) {}
  Result<std::vector<Match>> Find(const Segment& query, int min_score, int limit) override {
    ++tm_.lookups;
    {
      std::lock_guard<std::mutex> lock(tm_.mutex);
      tm_.threads.insert(std::this_thread::get_id());
    }
    if (query.text == "fail") return Status::Io("lookup failed");
    const int score = static_cast<int>(query.text.size());
    if (score < min_score) return std::vector<Match>{};
    Match match;
    match.score = score;
    match.source = query;
    return std::vector<Match>(static_cast<size_t>(std::min(limit, 2)), match);
  }

 private:
  FakeTm& tm_;
};

MatchSourceFactory Factory(FakeTm& tm) {
  return [&tm]() -> Result<std::unique_ptr<MatchSource>> {
    ++tm.sources;
    return std::unique_ptr<MatchSource>(std::make_unique<FakeSource>(tm));
  };
}

std::vector<Segment> Queries(const std::vector<std::string>& texts) {
  std::vector<Segment> queries;
  for (const std::string& text : texts) queries.push_back({text, {}});
  return queries;
}

TEST(PretranslateFindAllMatches, ResultsInQueryOrderEachDistinctSegmentOnce) {
  FakeTm tm;
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) texts.push_back(std::string(static_cast<size_t>(1 + i % 100), 'x'));
  texts.push_back(" xxxx ");  // the same segment as "xxxx" once white space is collapsed
  FindOptions options{3, 5, 2, {}, {}};
  Result<std::vector<std::vector<Match>>> found =
      FindAllMatches(Queries(texts), Factory(tm), options);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_EQ(found->size(), texts.size());
  EXPECT_TRUE((*found)[0].empty());  // "x" scores 1 < 3
  ASSERT_EQ((*found)[99].size(), 2u);
  EXPECT_EQ((*found)[99][0].score, 100);
  EXPECT_EQ((*found)[299][0].score, 100);
  ASSERT_EQ((*found)[300].size(), 2u);
  EXPECT_EQ((*found)[300][0].source.text, "xxxx");  // looked up once, as "xxxx"
  EXPECT_EQ(tm.lookups, 100);
  EXPECT_EQ(tm.sources, 2);  // one source per thread
}

TEST(PretranslateFindAllMatches, UsesSeveralThreads) {
  FakeTm tm;
  std::vector<std::string> texts;
  for (int i = 0; i < 2000; ++i) texts.push_back("segment " + std::to_string(i));
  ASSERT_TRUE(FindAllMatches(Queries(texts), Factory(tm), FindOptions{0, 1, 2, {}, {}}).ok());
  EXPECT_EQ(tm.sources, 2);
  EXPECT_EQ(tm.lookups, 2000);
}

TEST(PretranslateFindAllMatches, FirstErrorIsReturned) {
  FakeTm tm;
  Result<std::vector<std::vector<Match>>> found =
      FindAllMatches(Queries({"a", "fail", "b"}), Factory(tm), FindOptions{0, 1, 1, {}, {}});
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().message(), "lookup failed");
  const MatchSourceFactory broken = []() -> Result<std::unique_ptr<MatchSource>> {
    return Status::NotFound("no TM");
  };
  EXPECT_EQ(FindAllMatches(Queries({"a"}), broken, {}).status().message(), "no TM");
}

TEST(PretranslateFindAllMatches, ProgressReachesTheTotal) {
  FakeTm tm;
  int64_t last_done = 0, last_total = 0;
  FindOptions options{0, 1, 2, [&](int64_t done, int64_t total) {
                        last_done = done;
                        last_total = total;
                      },
                      {}};
  std::vector<std::string> texts;
  for (int i = 0; i < 130; ++i) texts.push_back("s" + std::to_string(i));
  ASSERT_TRUE(FindAllMatches(Queries(texts), Factory(tm), options).ok());
  EXPECT_EQ(last_total, 130);
  EXPECT_EQ(last_done, 130);
}

TEST(PretranslateFindAllMatches, NoQueries) {
  FakeTm tm;
  Result<std::vector<std::vector<Match>>> found = FindAllMatches({}, Factory(tm), {});
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->empty());
}

// Splits at ". " and trims: enough to see paragraphs kept.
class FakeSegmenter final : public Segmenter {
 public:
  std::vector<ByteRange> Split(std::string_view) override { return {}; }
  std::vector<std::string> Sentences(std::string_view text) override {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
      const size_t begin = current.find_first_not_of(" \r\n");
      if (begin != std::string::npos) {
        out.push_back(current.substr(begin, current.find_last_not_of(" \r\n") - begin + 1));
      }
      current.clear();
    };
    for (char c : text) {
      current += c == '\n' ? ' ' : c;
      if (c == '.') flush();
    }
    flush();
    return out;
  }
};

TEST(PretranslateSplitArticle, ParagraphsAtBlankLines) {
  FakeSegmenter segmenter;
  const Article article =
      SplitArticle("Title\n\nOne. Two.\nThree.\r\n \xC2\xA0\r\nFour.\n\n\n\n", segmenter);
  ASSERT_EQ(article.paragraphs.size(), 3u);
  EXPECT_EQ(article.paragraphs[0], std::vector<std::string>{"Title"});
  EXPECT_EQ(article.paragraphs[1], (std::vector<std::string>{"One.", "Two.", "Three."}));
  EXPECT_EQ(article.paragraphs[2], std::vector<std::string>{"Four."});
  EXPECT_EQ(article.SentenceCount(), 5u);
  EXPECT_TRUE(SplitArticle("", segmenter).paragraphs.empty());
  EXPECT_TRUE(SplitArticle(" \n\n\t\n", segmenter).paragraphs.empty());
}

}  // namespace
}  // namespace hashi
