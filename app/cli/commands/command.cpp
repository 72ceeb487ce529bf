#include "command.h"

namespace strata::cli {

std::unique_ptr<Command> makeInitCommand();
std::unique_ptr<Command> makeRevisionCommand();
std::unique_ptr<Command> makeMergeCommand();
std::unique_ptr<Command> makeUpgradeCommand();
std::unique_ptr<Command> makeDowngradeCommand();
std::unique_ptr<Command> makeCurrentCommand();
std::unique_ptr<Command> makeHistoryCommand();
std::unique_ptr<Command> makeHeadsCommand();
std::unique_ptr<Command> makeBranchesCommand();
std::unique_ptr<Command> makeShowCommand();
std::unique_ptr<Command> makeStampCommand();
std::unique_ptr<Command> makeAutogenerateCommand();
std::unique_ptr<Command> makeCheckCommand();
std::unique_ptr<Command> makeBaselineCommand();
std::unique_ptr<Command> makeDiffCommand();
std::unique_ptr<Command> makeStatusCommand();
std::unique_ptr<Command> makeRepairCommand();
std::unique_ptr<Command> makeRoundtripCommand();
std::unique_ptr<Command> makeLintCommand();
std::unique_ptr<Command> makeImportAlembicCommand();
std::unique_ptr<Command> makeDeleteCommand();

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(makeInitCommand());
    commands.push_back(makeAutogenerateCommand());
    commands.push_back(makeRevisionCommand());
    commands.push_back(makeUpgradeCommand());
    commands.push_back(makeDowngradeCommand());
    commands.push_back(makeCurrentCommand());
    commands.push_back(makeHistoryCommand());
    commands.push_back(makeHeadsCommand());
    commands.push_back(makeBranchesCommand());
    commands.push_back(makeShowCommand());
    commands.push_back(makeStampCommand());
    commands.push_back(makeMergeCommand());
    commands.push_back(makeDeleteCommand());
    commands.push_back(makeCheckCommand());
    commands.push_back(makeBaselineCommand());
    commands.push_back(makeDiffCommand());
    commands.push_back(makeStatusCommand());
    commands.push_back(makeRepairCommand());
    commands.push_back(makeRoundtripCommand());
    commands.push_back(makeLintCommand());
    commands.push_back(makeImportAlembicCommand());
    return commands;
}

} // namespace strata::cli
