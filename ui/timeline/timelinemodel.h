#pragma once

#include "core/graph/revisiongraph.h"
#include "ui/safety/lintrunner.h"
#include "ui/timeline/timelinelayout.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QSet>

namespace strata::ui {

// One row per revision, newest first, with the lane layout computed once per
// reload and the badges of the connected database's state. Roles carry raw
// values for the delegate and the filter; DisplayRole is for people only.
class TimelineModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        RevisionIdRole = Qt::UserRole + 1,  // QString, full id
        ShortIdRole,                        // QString
        MessageRole,                        // QString
        CreatedRole,                        // QDateTime (UTC)
        FilePathRole,                       // QString, absolute
        ParentsRole,                        // QStringList
        BranchLabelsRole,                   // QStringList
        IsHeadRole,                         // bool: no children
        IsBaseRole,                         // bool: no parents
        IsMergeRole,                        // bool: several parents
        // The next three are invalid (no value) while no database state is known.
        IsCurrentRole,                      // bool: the database's version row names it
        IsAppliedRole,                      // bool: the database is at it or past it
        IsEditedRole,                       // bool: applied, and the file changed since
        LanesRole,                          // TimelineRowLayout
        TotalLanesRole,                     // int: the widest row, the same for every row
        // Invalid while the revision has no lint findings (or lint has not run).
        LintSeverityRole,                   // int: the worst Issue::Severity of its findings
        LintFindingsRole,                   // QStringList: "severity [code] text (file:line)", one per finding
    };
    Q_ENUM(Role)

    explicit TimelineModel(QObject *parent = nullptr);

    // Replaces every row (a reset): a project was opened or reloaded.
    void setGraph(const RevisionGraph &graph);
    // The database's version rows and the checksums it recorded; an empty
    // list means "at base". Only the badge roles change.
    void setDatabaseState(const QStringList &currentHeads, const QHash<QString, QString> &appliedChecksums);
    // No database connected: no row is current or applied.
    void clearDatabaseState();
    // Lint findings per revision, from LintRunner; only the lint roles change.
    void setLintFindings(const LintFindings &findings);
    QList<Issue> lintFindings(const QString &revisionId) const { return m_lint.value(revisionId); }

    int rowOf(const QString &revisionId) const;   // -1 when unknown
    QString revisionAt(int row) const;
    QStringList currentHeads() const { return m_currentHeads; }
    bool hasDatabaseState() const { return m_hasState; }
    int pendingCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // Row 0 is the newest revision, the graph's last.
    const Revision &revisionOfRow(qsizetype row) const { return m_graph.revisions()[m_graph.size() - 1 - row]; }
    QString toolTip(const Revision &revision) const;
    void badgesChanged();

    // A shared copy of the project's graph (its lists are implicitly shared):
    // rows read the revisions in place, so a reload copies no field of
    // 100,000 revisions and hashes no id a second time.
    RevisionGraph m_graph;
    QSet<QString> m_heads;
    QList<TimelineRowLayout> m_layout;
    int m_totalLanes = 1;

    bool m_hasState = false;
    QStringList m_currentHeads;
    QSet<QString> m_applied;
    QSet<QString> m_edited;
    LintFindings m_lint;
};

} // namespace strata::ui
