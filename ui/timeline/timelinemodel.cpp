#include "ui/timeline/timelinemodel.h"

#include "core/graph/revisiongraph.h"
#include "ui/safety/severitystyle.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace strata::ui {

TimelineModel::TimelineModel(QObject *parent) : QAbstractListModel(parent) {}

void TimelineModel::setGraph(const RevisionGraph &graph)
{
    beginResetModel();
    m_graph = graph;
    const QStringList heads = graph.heads();
    m_heads = QSet<QString>(heads.cbegin(), heads.cend());
    const int rows = int(graph.size());
    const QList<Revision> &revisions = graph.revisions();
    m_layout = TimelineLayout::compute(rows, [&](int row, QList<int> &parents) {
        const qsizetype self = rows - 1 - row;
        for (const QString &parent : revisions[self].downRevisions) {
            // In graph order a parent is most often the revision just before
            // its child (always, in a linear history): one compare, no hash.
            const qsizetype at = self > 0 && revisions[self - 1].id == parent ? self - 1 : m_graph.positionOf(parent);
            if (at >= 0)
                parents.append(rows - 1 - int(at));
        }
    });
    m_totalLanes = 1;
    for (const TimelineRowLayout &row : std::as_const(m_layout))
        m_totalLanes = std::max(m_totalLanes, row.laneCount);
    // Keep the badges of the state we had, for the revisions that still exist.
    m_applied.removeIf([this](const QString &id) { return m_graph.positionOf(id) < 0; });
    endResetModel();
}

void TimelineModel::setDatabaseState(const QStringList &currentHeads,
                                     const QHash<QString, QString> &appliedChecksums)
{
    m_hasState = true;
    m_currentHeads = currentHeads;
    // Applied: the current heads and everything below them (parents and depends_on).
    m_applied.clear();
    QStringList queue = currentHeads;
    while (!queue.isEmpty()) {
        const QString id = queue.takeLast();
        const Revision *revision = m_graph.find(id);
        if (!revision || m_applied.contains(id))
            continue;
        m_applied.insert(id);
        queue << revision->downRevisions << revision->dependsOn;
    }
    m_edited.clear();
    for (auto it = appliedChecksums.cbegin(); it != appliedChecksums.cend(); ++it) {
        const Revision *revision = m_graph.find(it.key());
        if (revision && m_applied.contains(it.key()) && !it.value().isEmpty() && it.value() != revision->checksum)
            m_edited.insert(it.key());
    }
    badgesChanged();
}

void TimelineModel::clearDatabaseState()
{
    m_hasState = false;
    m_currentHeads.clear();
    m_applied.clear();
    m_edited.clear();
    badgesChanged();
}

void TimelineModel::setLintFindings(const LintFindings &findings)
{
    m_lint = findings;
    if (!m_graph.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_graph.size()) - 1),
                           {LintSeverityRole, LintFindingsRole, Qt::ToolTipRole});
}

void TimelineModel::badgesChanged()
{
    if (!m_graph.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_graph.size()) - 1),
                           {IsCurrentRole, IsAppliedRole, IsEditedRole, Qt::ToolTipRole});
}

int TimelineModel::rowOf(const QString &revisionId) const
{
    const qsizetype at = m_graph.positionOf(revisionId);
    return at < 0 ? -1 : int(m_graph.size() - 1 - at);
}

QString TimelineModel::revisionAt(int row) const
{
    return row >= 0 && row < m_graph.size() ? revisionOfRow(row).id : QString();
}

int TimelineModel::pendingCount() const { return int(m_graph.size() - m_applied.size()); }

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_graph.size());
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Revision &entry = revisionOfRow(row);
    switch (role) {
    case Qt::DisplayRole: return QString(entry.id.left(12) + u"  "_s + entry.message);
    case Qt::ToolTipRole: return toolTip(entry);
    case Qt::AccessibleTextRole: return entry.message;
    case RevisionIdRole: return entry.id;
    case ShortIdRole: return entry.id.left(12);
    case MessageRole: return entry.message;
    case CreatedRole: return entry.created;
    case FilePathRole: return entry.filePath;
    case ParentsRole: return entry.downRevisions;
    case BranchLabelsRole: return entry.branchLabels;
    case IsHeadRole: return m_heads.contains(entry.id);
    case IsBaseRole: return entry.isBase();
    case IsMergeRole: return entry.isMerge();
    // Without a database the state roles are invalid: nothing is applied or pending.
    case IsCurrentRole: return m_hasState ? QVariant(m_currentHeads.contains(entry.id)) : QVariant();
    case IsAppliedRole: return m_hasState ? QVariant(m_applied.contains(entry.id)) : QVariant();
    case IsEditedRole: return m_hasState ? QVariant(m_edited.contains(entry.id)) : QVariant();
    case LanesRole: return QVariant::fromValue(m_layout[row]);
    case TotalLanesRole: return m_totalLanes;
    case LintSeverityRole: {
        const auto found = m_lint.constFind(entry.id);
        return found == m_lint.cend() || found->isEmpty() ? QVariant() : QVariant(int(worstSeverity(*found)));
    }
    case LintFindingsRole: {
        QStringList lines;
        for (const Issue &issue : m_lint.value(entry.id))
            lines << u"%1 [%2] %3 (%4:%5)"_s.arg(severityTitle(issue.severity), issue.code, issue.text, issue.file)
                         .arg(issue.line);
        return lines.isEmpty() ? QVariant() : QVariant(lines);
    }
    default: return {};
    }
}

QString TimelineModel::toolTip(const Revision &entry) const
{
    QString state;
    if (m_hasState) {
        state = m_currentHeads.contains(entry.id) ? tr("The database is here.")
              : m_applied.contains(entry.id)      ? tr("Applied to the database.")
                                                  : tr("Pending: not applied to the database yet.");
        if (m_edited.contains(entry.id))
            state += u' ' + tr("The file changed after it was applied.");
    }
    const QString parents = entry.isBase() ? tr("none (a base)") : entry.downRevisions.join(u", "_s);
    QString lint;
    for (const Issue &issue : m_lint.value(entry.id))
        lint += u"<br/>• <b>%1</b> %2: %3"_s.arg(issue.code, severityTitle(issue.severity), issue.text.toHtmlEscaped());
    if (!lint.isEmpty())
        lint = u"<br/><br/>"_s + tr("Lint:") + lint;
    return u"<b>%1</b><br/>%2<br/><br/>%3: %4<br/>%5: %6<br/>%7: %8<br/>%9%10"_s.arg(
        entry.id, entry.message.toHtmlEscaped(), tr("Created"),
        QLocale().toString(entry.created.toLocalTime(), QLocale::LongFormat), tr("Parents"), parents,
        tr("File"), entry.filePath.toHtmlEscaped(), state, lint);
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    const std::pair<int, const char *> ours[] = {
        {RevisionIdRole, "revisionId"},     {ShortIdRole, "shortId"},     {MessageRole, "message"},
        {CreatedRole, "created"},           {FilePathRole, "filePath"},   {ParentsRole, "parents"},
        {BranchLabelsRole, "branchLabels"}, {IsHeadRole, "isHead"},       {IsBaseRole, "isBase"},
        {IsMergeRole, "isMerge"},           {IsCurrentRole, "isCurrent"}, {IsAppliedRole, "isApplied"},
        {IsEditedRole, "isEdited"},         {LanesRole, "lanes"},         {TotalLanesRole, "totalLanes"},
        {LintSeverityRole, "lintSeverity"}, {LintFindingsRole, "lintFindings"}};
    for (const auto &[role, name] : ours)
        names.insert(role, name);
    return names;
}

} // namespace strata::ui
