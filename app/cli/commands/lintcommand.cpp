#include "command.h"
#include "databasestate.h"

#include "core/safety/lint.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

// `strata lint [REV|A:B]`: risky or destructive operations in revision
// files, one line each with file:line, severity and code. Exit 1 on an
// error, or on a warning with --strict (for CI).
class LintCommand : public Command
{
public:
    QString name() const override { return u"lint"_s; }
    QString summary() const override { return u"Report destructive or risky operations in revision files"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(u"REV"_s, u"a revision, or a range A:B (A excluded, as in history -r); "
                                               "default: every revision"_s, u"[REV|A:B]"_s);
        parser.addOption({u"strict"_s, u"Fail on warnings too."_s});
        parser.addOption({u"dialect"_s, u"Database the rules assume: postgresql (default) or sqlite."_s,
                          u"NAME"_s, u"postgresql"_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        const QStringList args = parser.positionalArguments().mid(1);
        if (args.size() > 1)
            return context.report(Error::make(Error::Code::Usage, u"too many arguments"_s, {},
                                              u"give one revision or one range A:B"_s));
        LintOptions options;
        const QString dialectName = parser.value(u"dialect"_s);
        const std::optional<DialectKind> dialect = dialectKindNamed(dialectName);
        if (!dialect)
            return context.report(Error::make(Error::Code::Usage, u"unknown dialect '%1'"_s.arg(dialectName),
                                              {}, u"use postgresql or sqlite"_s));
        options.dialect = *dialect;
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        auto ids = selection(**project, args.isEmpty() ? QString() : args.first());
        if (!ids)
            return context.report(ids.error());
        const QList<Issue> issues = lintRevisions(**project, *ids, options);
        for (const Issue &issue : issues) {
            context.out() << issue.file << u':' << issue.line << ": " << severityName(issue.severity) << " ["
                          << issue.code << "] " << issue.text << Qt::endl;
        }
        const Issue::Severity failing = parser.isSet(u"strict"_s) ? Issue::Severity::Warning : Issue::Severity::Error;
        context.out() << issues.size() << (issues.size() == 1 ? " finding" : " findings") << " in " << ids->size()
                      << (ids->size() == 1 ? " revision." : " revisions.") << Qt::endl;
        return hasSeverity(issues, failing) ? 1 : 0;
    }

private:
    // Every revision, one, or the range A:B (the revisions above A up to and including B).
    static Result<QStringList> selection(const Project &project, const QString &spec)
    {
        const RevisionGraph &graph = project.graph();
        if (spec.isEmpty()) {
            QStringList all;
            for (const Revision &revision : graph.revisions())
                all << revision.id;
            return all;
        }
        if (!spec.contains(u':'))
            return lookupRevisions(graph, {spec});
        const QString from = spec.section(u':', 0, 0);
        const QString to = spec.section(u':', 1);
        auto upper = lookupRevisions(graph, {to.isEmpty() ? u"heads"_s : to});
        if (!upper)
            return upper;
        QSet<QString> ids = graph.ancestorsOf(*upper);
        if (!from.isEmpty() && from != u"base"_s) {
            auto lower = lookupRevisions(graph, {from});
            if (!lower)
                return lower;
            ids.subtract(graph.ancestorsOf(*lower));
        }
        return graph.topologicalOrder(ids);
    }
};

std::unique_ptr<Command> makeLintCommand() { return std::make_unique<LintCommand>(); }

} // namespace strata::cli
