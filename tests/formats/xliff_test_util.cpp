#include "xliff_test_util.h"

#include "test_support.h"

namespace hashi::testing {

Match FakeMatch(int score, const std::string& source, const std::string& target,
                const std::string& lang, int64_t unit, const std::string& origin) {
  Match match;
  match.score = score;
  match.unit = unit;
  match.origin = origin;
  match.source.text = source;
  match.targets[lang].text = target;
  return match;
}

Segment MakeSegment(const std::string& text_with_slots, const std::vector<Code>& codes) {
  Segment segment;
  size_t at = 0;
  while (at < text_with_slots.size()) {
    const size_t open = text_with_slots.find('{', at);
    if (open == std::string::npos) break;
    const size_t close = text_with_slots.find('}', open);
    segment.AppendText(text_with_slots.substr(at, open - at));
    const size_t index = std::stoul(text_with_slots.substr(open + 1, close - open - 1));
    if (!segment.AppendCode(codes.at(index)).ok()) break;
    at = close + 1;
  }
  segment.AppendText(text_with_slots.substr(std::min(at, text_with_slots.size())));
  return segment;
}

}  // namespace hashi::testing
