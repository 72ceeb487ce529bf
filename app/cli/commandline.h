#pragma once

#include <QStringList>

namespace strata::cli {

// Splits `strata [global options] COMMAND [options] [args]`, handles --help
// and --version, and runs the command. Returns the process exit code.
int runCommandLine(const QStringList &arguments);

} // namespace strata::cli
