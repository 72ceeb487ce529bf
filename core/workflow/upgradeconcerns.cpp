#include "core/workflow/upgradeconcerns.h"

#include "core/db/connection.h"
#include "core/graph/plan.h"
#include "core/project/project.h"
#include "core/safety/lint.h"
#include "core/schema/schema.h"
#include "core/workflow/databaseheads.h"

using namespace Qt::StringLiterals;

namespace strata {

QString UpgradeConcern::toString() const
{
    QString text = u"• "_s + revision.left(12) + u' ' + message;
    for (const QString &reason : reasons)
        text += u"\n    "_s + reason;
    return text;
}

Result<QList<UpgradeConcern>> upgradeConcerns(Connection &connection, const Project &project, const QString &target,
                                              const QHash<QString, QString> &roundTripFailures)
{
    auto heads = knownDatabaseHeads(connection, project);
    if (!heads)
        return std::unexpected(heads.error());
    auto plan = Planner(project.graph()).upgrade(*heads, target.isEmpty() ? u"heads"_s : target);
    if (!plan)
        return std::unexpected(plan.error());
    LintOptions lint;
    lint.dialect = connection.dialect().kind();
    QList<UpgradeConcern> concerns;
    // Walking the plan in order, the schema after one step is the next one's
    // start when that is its only parent: one replay for the whole plan, not one per step.
    QString previous;
    Schema schema;
    for (const PlanStep &step : std::as_const(plan->steps)) {
        const Revision &revision = *step.revision;
        const QStringList parents = revision.downRevisions + revision.dependsOn;
        if (previous.isEmpty() || parents != QStringList{previous}) {
            auto replayed = project.schemaAt(parents);
            if (!replayed)
                return std::unexpected(replayed.error());
            schema = *replayed;
        }
        lint.before = &schema;
        UpgradeConcern concern{revision.id, revision.message, {}};
        const QList<Issue> issues = lintRevision(project, revision, lint);
        for (const OperationPtr &op : revision.upgrade) {
            if (auto applied = op->apply(schema); !applied)
                return std::unexpected(applied.error());
        }
        previous = revision.id;
        for (const Issue &issue : issues) {
            if (issue.severity == Issue::Severity::Error)
                concern.reasons << u"lint error %1: %2"_s.arg(issue.code, issue.text);
        }
        if (const auto failed = roundTripFailures.constFind(revision.id); failed != roundTripFailures.cend())
            concern.reasons << u"failed its last round-trip: "_s + failed.value();
        if (!concern.reasons.isEmpty())
            concerns << concern;
    }
    return concerns;
}

} // namespace strata
