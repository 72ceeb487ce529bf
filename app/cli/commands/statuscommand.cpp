#include "command.h"

#include "core/workflow/databasestatus.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

namespace {

void printIssues(Context &context, const QList<Issue> &issues)
{
    for (const Issue &issue : issues)
        context.out() << "  " << issue.toString() << Qt::endl;
}

} // namespace

// `strata status`: where the database stands against the project: its
// revision(s), the pending steps, applied files edited since, applied
// revisions the project lost, and drift between the replayed and the live
// schema. Exit 1 when it finds an edited file, an unknown revision or drift.
class StatusCommand : public Command
{
public:
    QString name() const override { return u"status"_s; }
    QString summary() const override
    {
        return u"Current revision, pending steps, edited applied files, drift"_s;
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({u"no-drift"_s, u"Skip the comparison of the live schema with the replayed one."_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        auto connection = context.connection();
        if (!connection)
            return context.report(connection.error());
        StatusOptions options;
        options.drift = !parser.isSet(u"no-drift"_s);
        auto report = readDatabaseStatus(**connection, **project, options);
        if (!report)
            return context.report(report.error());

        context.out() << "Database: " << (*connection)->url().redacted() << Qt::endl;
        context.out() << "Current revision: "
                      << (report->heads.isEmpty() ? u"base (nothing applied)"_s : report->heads.join(u", "_s))
                      << Qt::endl;
        if (report->pending.isEmpty()) {
            context.out() << "Pending: none, the database is at head." << Qt::endl;
        } else {
            context.out() << "Pending: " << report->pending.size()
                          << (report->pending.size() == 1 ? " step" : " steps") << Qt::endl;
            for (const PlanStep &step : std::as_const(report->pending))
                context.out() << "  " << step.arrow() << ", " << step.revision->message
                              << (step.revision->transactional ? u""_s : u" (not transactional: runs alone)"_s)
                              << Qt::endl;
        }
        if (report->driftChecked)
            context.out() << "Drift: " << (hasCode(report->issues, u"drift"_s) ? "yes, see below" : "none")
                          << Qt::endl;
        if (report->issues.isEmpty()) {
            context.out() << "No problems found." << Qt::endl;
            return 0;
        }
        context.out() << "Problems:" << Qt::endl;
        printIssues(context, report->issues);
        return hasSeverity(report->issues, Issue::Severity::Warning) ? 1 : 0;
    }

private:
    static bool hasCode(const QList<Issue> &issues, const QString &code)
    {
        for (const Issue &issue : issues) {
            if (issue.code == code)
                return true;
        }
        return false;
    }
};

std::unique_ptr<Command> makeStatusCommand() { return std::make_unique<StatusCommand>(); }

} // namespace strata::cli
