// The TMX reader streams: a document far larger than the memory it may use is read unit by unit.
// The document is generated on the fly by a streambuf, so it never exists whole anywhere.
#include <gtest/gtest.h>

#include <fstream>
#include <istream>
#include <streambuf>
#include <string>

#include "hashi/formats/tmx.h"

namespace hashi::formats {
namespace {

// Generates a TMX document of `units` trilingual units, 64 KB at a time.
class GeneratedTmx : public std::streambuf {
 public:
  explicit GeneratedTmx(int units) : units_(units) {}
  int64_t bytes_generated() const { return bytes_generated_; }

  static std::string EnglishText(int n) {
    return "Unit " + std::to_string(n) +
           ": the ministry announced on Tuesday that exports rose by 12.5 percent.";
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (!Fill()) return traits_type::eof();
    setg(buffer_.data(), buffer_.data(), buffer_.data() + buffer_.size());
    return traits_type::to_int_type(*gptr());
  }

 private:
  bool Fill() {
    buffer_.clear();
    if (next_ == 0 && !started_) {
      started_ = true;
      buffer_ +=
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header "
          "creationtool=\"gen\" srclang=\"en\"/>\n<body>\n";
    }
    while (buffer_.size() < 65536 && next_ < units_) AppendUnit(++next_);
    if (next_ == units_ && !ended_ && buffer_.size() < 65536) {
      ended_ = true;
      buffer_ += "</body>\n</tmx>\n";
    }
    bytes_generated_ += static_cast<int64_t>(buffer_.size());
    return !buffer_.empty();
  }

  void AppendUnit(int n) {
    const std::string id = std::to_string(n);
    buffer_ += "<tu tuid=\"" + id +
               "\" creationdate=\"20240101T000000Z\">\n"
               "  <prop type=\"x-batch\">" +
               std::to_string(n % 100) +
               "</prop>\n"
               "  <tuv xml:lang=\"en\"><seg>" +
               EnglishText(n) +
               "</seg></tuv>\n"
               "  <tuv xml:lang=\"vi\"><seg>Đơn vị " +
               id +
               ": Bộ cho biết xuất khẩu tăng <ph x=\"1\">&lt;br/&gt;</ph>12,5%.</seg></tuv>\n"
               "  <tuv xml:lang=\"ja\"><seg>ユニット" +
               id +
               "：同省は輸出が12.5％増加したと発表した。</seg></tuv>\n"
               "</tu>\n";
  }

  const int units_;
  int next_ = 0;
  bool started_ = false;
  bool ended_ = false;
  std::string buffer_;
  int64_t bytes_generated_ = 0;
};

// A field of /proc/self/status in kB (VmRSS, VmHWM), or -1 where there is no /proc.
int64_t ProcStatusKb(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with(field + ":")) return std::stoll(line.substr(field.size() + 1));
  }
  return -1;
}

TEST(TmxReaderStreaming, Reads200kUnitsInBoundedMemory) {
  constexpr int kUnits = 200000;
  GeneratedTmx source(kUnits);
  auto reader = OpenTmxReader(std::make_unique<std::istream>(&source), "generated.tmx");
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  const int64_t rss_before = ProcStatusKb("VmRSS");
  const int64_t hwm_before = ProcStatusKb("VmHWM");
  int64_t rss_peak = rss_before;
  int count = 0;
  while (std::optional<Unit> unit = (*reader)->Next()) {
    ++count;
    if (count % 10000 == 0) {
      rss_peak = std::max(rss_peak, ProcStatusKb("VmRSS"));
      ASSERT_EQ(unit->attrs.at(0).value, std::to_string(count));
      ASSERT_EQ(unit->variants.size(), 3u);
      ASSERT_EQ(unit->variants[0].segment.text, GeneratedTmx::EnglishText(count));
      ASSERT_EQ(unit->variants[1].segment.codes.size(), 1u);
    }
  }
  ASSERT_TRUE((*reader)->status().ok()) << (*reader)->status().ToString();
  EXPECT_EQ(count, kUnits);
  EXPECT_GT(source.bytes_generated(), 80'000'000);  // far more than the memory allowed below
  if (rss_before < 0) GTEST_SKIP() << "no /proc/self/status";
  EXPECT_LT(rss_peak - rss_before, 50 * 1024) << "kB of RSS growth";
  EXPECT_LT(ProcStatusKb("VmHWM") - hwm_before, 50 * 1024) << "kB of peak RSS growth";
}

}  // namespace
}  // namespace hashi::formats
