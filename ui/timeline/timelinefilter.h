#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace strata::ui {

// Keeps the revisions whose id starts with, or whose message or branch
// labels contain, every word typed (case-insensitive). It reads the model's
// roles, never its display text. While filtering, rows are no longer
// neighbours, so the lanes it hands on show only the node: an edge between
// two rows that are not adjacent would lie.
class TimelineFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TimelineFilter(QObject *parent = nullptr);

    void setFilterWords(const QString &text);
    bool isFiltering() const { return !m_words.isEmpty(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace strata::ui
