// The list of commands. Each factory is defined in its cli/commands/<name>.cpp.
#include "command.h"

namespace hashi::cli {

std::unique_ptr<Command> MakeImportCommand();
std::unique_ptr<Command> MakeExportCommand();
std::unique_ptr<Command> MakeStatsCommand();
std::unique_ptr<Command> MakeSegmentCommand();

std::vector<std::unique_ptr<Command>> AllCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(MakeImportCommand());
  commands.push_back(MakeExportCommand());
  commands.push_back(MakeStatsCommand());
  commands.push_back(MakeSegmentCommand());
  return commands;
}

}  // namespace hashi::cli
