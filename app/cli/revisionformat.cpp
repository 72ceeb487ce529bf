#include "revisionformat.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace strata::cli {

RevisionFormat::RevisionFormat(const RevisionGraph &graph, QSet<QString> current)
    : m_graph(graph), m_current(std::move(current))
{
    const QStringList heads = graph.heads();
    m_heads = QSet<QString>(heads.begin(), heads.end());
}

QString RevisionFormat::markers(const Revision &revision) const
{
    QString text;
    if (!revision.branchLabels.isEmpty())
        text += u" ("_s + revision.branchLabels.join(u", "_s) + u')';
    if (m_heads.contains(revision.id))
        text += u" (head)"_s;
    if (m_current.contains(revision.id))
        text += u" (current)"_s;
    if (m_graph.children(revision.id).size() > 1)
        text += u" (branchpoint)"_s;
    if (revision.isMerge())
        text += u" (mergepoint)"_s;
    return text;
}

QString RevisionFormat::historyLine(const Revision &revision) const
{
    const QString parents = revision.isBase() ? u"<base>"_s : revision.downRevisions.join(u", "_s);
    return parents + u" -> "_s + revision.id + markers(revision) + u", "_s + revision.message;
}

QString RevisionFormat::idLine(const Revision &revision) const
{
    return revision.id + markers(revision);
}

QString RevisionFormat::verbose(const Revision &revision) const
{
    QStringList lines;
    lines << u"Rev: "_s + revision.id + markers(revision);
    if (revision.isMerge())
        lines << u"Merges: "_s + revision.downRevisions.join(u", "_s);
    else
        lines << u"Parent: "_s + (revision.isBase() ? u"<base>"_s : revision.downRevisions.first());
    const QStringList children = m_graph.children(revision.id);
    if (children.size() > 1)
        lines << u"Branches into: "_s + children.join(u", "_s);
    if (!revision.branchLabels.isEmpty())
        lines << u"Branch names: "_s + revision.branchLabels.join(u", "_s);
    if (!revision.dependsOn.isEmpty())
        lines << u"Also depends on: "_s + revision.dependsOn.join(u", "_s);
    lines << u"Path: "_s + revision.filePath;
    lines << QString();
    lines << u"    "_s + revision.message;
    lines << QString();
    lines << u"    Revision ID: "_s + revision.id;
    lines << u"    Revises: "_s + (revision.isBase() ? QString() : revision.downRevisions.join(u", "_s));
    lines << u"    Create Date: "_s + revision.created.toUTC().toString(Qt::ISODate);
    lines << u"    Steps: "_s + QString::number(revision.upgrade.size()) + u" up, "_s
                 + QString::number(revision.downgrade.size()) + u" down"_s;
    for (bool upgrade : {true, false}) {
        const DataStep &data = revision.dataStep(upgrade);
        if (!data.needed)
            continue;
        lines << u"    Data step (%1): runs through Alembic, its Python needs a live connection"_s.arg(
                     upgrade ? u"upgrade"_s : u"downgrade"_s);
        for (const QString &use : data.uses)
            lines << u"      "_s + use;
    }
    if (!revision.pythonError.isEmpty())
        lines << u"    Read without Python: "_s + revision.pythonError;
    return lines.join(u'\n') + u'\n';
}

} // namespace strata::cli
