#include "ui/timeline/timelinefilter.h"

#include "ui/timeline/timelinemodel.h"

namespace strata::ui {

TimelineFilter::TimelineFilter(QObject *parent) : QSortFilterProxyModel(parent) {}

void TimelineFilter::setFilterWords(const QString &text)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool TimelineFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString id = index.data(TimelineModel::RevisionIdRole).toString();
    const QString message = index.data(TimelineModel::MessageRole).toString();
    const QStringList labels = index.data(TimelineModel::BranchLabelsRole).toStringList();
    return std::all_of(m_words.cbegin(), m_words.cend(), [&](const QString &word) {
        return id.startsWith(word, Qt::CaseInsensitive) || message.contains(word, Qt::CaseInsensitive)
            || labels.contains(word, Qt::CaseInsensitive);
    });
}

QVariant TimelineFilter::data(const QModelIndex &index, int role) const
{
    if (isFiltering() && role == TimelineModel::LanesRole) {
        TimelineRowLayout layout = QSortFilterProxyModel::data(index, role).value<TimelineRowLayout>();
        layout.edges.clear();
        return QVariant::fromValue(layout);
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace strata::ui
