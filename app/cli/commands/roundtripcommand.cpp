#include "command.h"
#include "printingobserver.h"

#include "core/workflow/roundtrip.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

// `strata roundtrip [TARGET]`: every step up, down and up again on a scratch
// copy of the database (never the database itself), each move checked
// against the replayed schema; a table of steps, exit 1 when one fails.
class RoundtripCommand : public Command
{
public:
    QString name() const override { return u"roundtrip"_s; }
    QString summary() const override
    {
        return u"Upgrade, downgrade and upgrade each step on a scratch copy, verified against the replay"_s;
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(u"TARGET"_s, u"head (default), heads, a revision id or prefix"_s,
                                     u"[TARGET]"_s);
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        const QStringList args = parser.positionalArguments().mid(1);
        if (args.size() > 1)
            return context.report(Error::make(Error::Code::Usage, u"too many arguments"_s, {},
                                              u"give one TARGET, e.g. `strata roundtrip head`"_s));
        const QString target = args.isEmpty() ? u"heads"_s : args.first();
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        auto url = context.databaseUrl();
        if (!url)
            return context.report(url.error());
        PrintingObserver observer(context);
        RoundTrip roundTrip(**project, &observer);
        RoundTripOptions options;
        options.target = target;
        const RoundTripOutcome outcome = roundTrip.run(*url, options);
        for (const QString &line : outcome.driftBefore)
            context.err() << "WARNING The database had drifted from its revisions before the round trip "
                             "(left out of the comparisons): " << line << Qt::endl;
        if (outcome.steps.isEmpty()) {
            if (!outcome.ok())
                return context.report(*outcome.error);
            context.out() << outcome.summary() << Qt::endl;
            return 0;
        }
        context.out() << "result  step                          message" << Qt::endl;
        for (const RoundtripStep &step : outcome.steps) {
            context.out() << (step.passed ? "pass    " : "FAIL    ") << step.arrow.leftJustified(30) << step.message
                          << Qt::endl;
            for (const QString &problem : step.problems)
                context.out() << "        " << problem << Qt::endl;
        }
        context.out() << outcome.summary() << Qt::endl;
        return outcome.failedCount() == 0 ? 0 : 1;
    }
};

std::unique_ptr<Command> makeRoundtripCommand() { return std::make_unique<RoundtripCommand>(); }

} // namespace strata::cli
