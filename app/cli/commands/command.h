#pragma once

#include "context.h"

#include <QCommandLineParser>
#include <QString>

#include <memory>
#include <vector>

namespace strata::cli {

// One `strata` verb. The dispatcher adds the global options to the parser,
// then the command adds its own, then the parser processes the arguments.
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Positional arguments for the help text, e.g. {"TARGET", "head, +1, a revision id"}.
    virtual void addOptions(QCommandLineParser &parser) const { Q_UNUSED(parser); }
    // Returns the process exit code: 0 done, 1 the work failed, 2 bad usage or input.
    virtual int run(Context &context, const QCommandLineParser &parser) const = 0;
};

std::vector<std::unique_ptr<Command>> allCommands();

} // namespace strata::cli
