#include "core/workflow/stamper.h"

#include "core/db/connection.h"
#include "core/db/versionstore.h"
#include "core/project/project.h"
#include "core/workflow/databaseheads.h"
#include "core/workflow/workflowobserver.h"

using namespace Qt::StringLiterals;

namespace strata {

QString StampOutcome::summary(const QString &displayUrl) const
{
    QString text = u"Stamped %1 at %2"_s.arg(displayUrl, headsText(headsAfter));
    if (!headsBefore.isEmpty() && headsBefore != headsAfter)
        text += u" (was %1)"_s.arg(headsText(headsBefore));
    return text;
}

QString StampOutcome::explanation() const
{
    const auto ids = [](const QStringList &list) {
        QStringList shortIds;
        for (const QString &id : list)
            shortIds << id.left(12);
        return shortIds.join(u", "_s);
    };
    QStringList lines;
    if (headsBefore.isEmpty())
        lines << u"The version table is empty (the database is at base)."_s;
    else if (headsBefore.size() == 1)
        lines << u"The version table holds one row: %1."_s.arg(ids(headsBefore));
    else
        lines << u"The version table holds %1 rows, one per head: %2."_s.arg(headsBefore.size()).arg(ids(headsBefore));
    QStringList added;
    for (const QString &head : headsAfter) {
        if (!headsBefore.contains(head))
            added << head;
    }
    lines << QString() << u"Stamping, as Alembic does:"_s;
    if (!removed.isEmpty())
        lines << u"• replaces the row%1 of %2 (on the stamped revision's branch)%3"_s.arg(
            removed.size() == 1 ? QString() : u"s"_s, ids(removed),
            added.isEmpty() ? u" with nothing: the database goes to base"_s : u" with %1"_s.arg(ids(added)));
    else if (!added.isEmpty())
        lines << u"• adds a row for %1"_s.arg(ids(added));
    for (const QString &head : kept)
        lines << u"• keeps the row of %1: that head is on another branch, neither before nor after the stamped revision"_s
                     .arg(head.left(12));
    if (removed.isEmpty() && added.isEmpty())
        lines << u"• changes nothing: the database is already there"_s;
    lines << QString()
          << u"Afterwards the database is at %1. No migration runs and no table changes; only the version table is rewritten."_s
                 .arg(headsAfter.isEmpty() ? u"base"_s : ids(headsAfter));
    return lines.join(u'\n');
}

Result<StampOutcome> Stamper::plan(const StampOptions &options)
{
    if (options.targets.isEmpty())
        return fail(Error::Code::Usage, u"stamp needs a revision"_s, {},
                    u"e.g. `strata stamp head` or `strata stamp base`"_s);
    const RevisionGraph &graph = m_project.graph();
    StampOutcome outcome;
    if (!options.purge) {
        auto heads = knownDatabaseHeads(m_connection, m_project);
        if (!heads)
            return std::unexpected(heads.error());
        outcome.headsBefore = *heads;
    } else {
        const ProjectConfig &config = m_project.config();
        auto heads = VersionStore(m_connection, config.versionTable, config.historyTable).heads();
        if (heads)
            outcome.headsBefore = *heads;
    }
    QStringList targets;
    if (options.targets != QStringList{u"base"_s}) {
        if (options.targets.contains(u"head"_s) && graph.heads().size() > 1)
            return fail(Error::Code::Ambiguous,
                        u"Multiple head revisions are present: %1"_s.arg(graph.heads().join(u", "_s)), {},
                        u"name one, or stamp `heads` for all of them"_s);
        auto ids = lookupRevisions(graph, options.targets);
        if (!ids)
            return std::unexpected(ids.error());
        targets = *ids;
    }
    QStringList kept;
    if (!options.purge && !targets.isEmpty()) {
        // A head on another branch (neither above nor below any target) is not
        // the stamp's business: Alembic keeps its row, so do we.
        const QSet<QString> below = graph.ancestorsOf(targets);
        const QSet<QString> above = graph.descendantsOf(targets);
        for (const QString &head : std::as_const(outcome.headsBefore)) {
            if (!below.contains(head) && !above.contains(head))
                kept << head;
        }
    }
    outcome.kept = kept;
    outcome.headsAfter = targets.isEmpty() ? QStringList() : graph.headsOf(graph.ancestorsOf(targets + kept));
    for (const QString &head : std::as_const(outcome.headsBefore)) {
        if (!outcome.headsAfter.contains(head))
            outcome.removed << head;
    }
    return outcome;
}

Result<StampOutcome> Stamper::run(const StampOptions &options)
{
    auto planned = plan(options);
    if (!planned)
        return planned;
    const ProjectConfig &config = m_project.config();
    VersionStore store(m_connection, config.versionTable, config.historyTable);
    const auto expected = options.purge ? std::nullopt : std::optional<QStringList>(planned->headsBefore);
    if (auto done = store.replaceHeads(planned->headsAfter, expected); !done)
        return std::unexpected(done.error());
    return planned;
}

} // namespace strata
