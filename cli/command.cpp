#include "command.h"

#include <unistd.h>

#include <cstdio>

namespace hashi::cli {

bool CliContext::ShowProgress() const { return !quiet && ::isatty(STDERR_FILENO) == 1; }

StoreOptions CliContext::WriterOptions() const {
  StoreOptions options;
  if (ShowProgress()) {
    options.on_wait = [](const std::string& tm_path) {
      PrintError("hashi: " + tm_path + " is in use by another hashi writing to it; waiting (up to " +
                 std::to_string(kWriteWaitSeconds) + " s)\n");
    };
  }
  return options;
}

std::string ToUtf8(const QString& s) { return s.toUtf8().toStdString(); }

void Print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

void PrintError(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stderr); }

void Report(const Status& status) { PrintError("hashi: " + status.ToString() + "\n"); }

}  // namespace hashi::cli
