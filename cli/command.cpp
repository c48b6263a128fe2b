#include "command.h"

#include <unistd.h>

#include <cstdio>

namespace hashi::cli {

bool CliContext::ShowProgress() const { return !quiet && ::isatty(STDERR_FILENO) == 1; }

std::string ToUtf8(const QString& s) { return s.toUtf8().toStdString(); }

void Print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

void PrintError(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stderr); }

void Report(const Status& status) { PrintError("hashi: " + status.ToString() + "\n"); }

}  // namespace hashi::cli
