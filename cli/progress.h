// A one-line progress display on stderr, redrawn at most a few times a second.
#ifndef HASHI_CLI_PROGRESS_H_
#define HASHI_CLI_PROGRESS_H_

#include <chrono>
#include <string>

namespace hashi::cli {

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  ~Progress() { Clear(); }
  // Shows `line` (replacing the previous one) unless the last redraw was very recent.
  void Update(const std::string& line);
  // Erases the line, so that the next output starts clean.
  void Clear();

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace hashi::cli

#endif  // HASHI_CLI_PROGRESS_H_
