// The list of commands. Each factory is defined in its cli/commands/<name>.cpp.
#include "command.h"

namespace hashi::cli {

std::unique_ptr<Command> MakeImportCommand();
std::unique_ptr<Command> MakeExportCommand();
std::unique_ptr<Command> MakeStatsCommand();
std::unique_ptr<Command> MakeSegmentCommand();
std::unique_ptr<Command> MakeAlignCommand();
std::unique_ptr<Command> MakePretranslateCommand();
std::unique_ptr<Command> MakeAnalyzeCommand();
std::unique_ptr<Command> MakeLookupCommand();
std::unique_ptr<Command> MakeConcordCommand();
std::unique_ptr<Command> MakeCheckCommand();
std::unique_ptr<Command> MakeVacuumCommand();
std::unique_ptr<Command> MakeServeCommand();

std::vector<std::unique_ptr<Command>> AllCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(MakeImportCommand());
  commands.push_back(MakeExportCommand());
  commands.push_back(MakeStatsCommand());
  commands.push_back(MakeSegmentCommand());
  commands.push_back(MakeAlignCommand());
  commands.push_back(MakePretranslateCommand());
  commands.push_back(MakeAnalyzeCommand());
  commands.push_back(MakeLookupCommand());
  commands.push_back(MakeConcordCommand());
  commands.push_back(MakeCheckCommand());
  commands.push_back(MakeVacuumCommand());
  commands.push_back(MakeServeCommand());
  return commands;
}

}  // namespace hashi::cli
