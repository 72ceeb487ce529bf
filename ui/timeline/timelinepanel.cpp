#include "ui/timeline/timelinepanel.h"

#include "ui/timeline/timelinedelegate.h"
#include "ui/timeline/timelinefilter.h"
#include "ui/timeline/timelinemodel.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata::ui {

TimelinePanel::TimelinePanel(TimelineModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new TimelineFilter(this)), m_filter(new QLineEdit(this)),
      m_view(new QListView(this))
{
    m_proxy->setSourceModel(model);

    m_filter->setObjectName(u"timelineFilter"_s);
    m_filter->setPlaceholderText(tr("Filter: id prefix or words of the message"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QString keep = currentRevision();
        m_proxy->setFilterWords(text);
        if (!keep.isEmpty())
            selectRevision(keep);
    });
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    connect(focusFilter, &QAction::triggered, m_filter, [this] { m_filter->setFocus(); m_filter->selectAll(); });
    addAction(focusFilter);

    m_view->setObjectName(u"timelineView"_s);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new TimelineDelegate(m_view));
    // Same height for every row: the view lays out 10,000 rows without asking each one.
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setMouseTracking(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &TimelinePanel::emitCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TimelinePanel::selectionChanged);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        m_view->setCurrentIndex(index);
        Q_EMIT contextMenuRequested(index.data(TimelineModel::RevisionIdRole).toString(),
                                    m_view->viewport()->mapToGlobal(pos));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
}

QString TimelinePanel::currentRevision() const
{
    return m_view->currentIndex().data(TimelineModel::RevisionIdRole).toString();
}

bool TimelinePanel::selectRevision(const QString &id)
{
    const int row = m_model->rowOf(id);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

QStringList TimelinePanel::selectedRevisions() const
{
    QModelIndexList indexes = m_view->selectionModel()->selectedIndexes();
    std::sort(indexes.begin(), indexes.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    ids.reserve(indexes.size());
    for (const QModelIndex &index : std::as_const(indexes))
        ids << index.data(TimelineModel::RevisionIdRole).toString();
    return ids;
}

bool TimelinePanel::selectRange(const QString &first, const QString &last)
{
    const auto proxyIndex = [this](const QString &id) {
        const int row = m_model->rowOf(id);
        return row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row));
    };
    const QModelIndex from = proxyIndex(first);
    const QModelIndex to = proxyIndex(last);
    if (!from.isValid() || !to.isValid())
        return false;
    m_view->setCurrentIndex(to);
    m_view->selectionModel()->select(QItemSelection(from, to), QItemSelectionModel::ClearAndSelect);
    m_view->scrollTo(to);
    return true;
}

void TimelinePanel::emitCurrent()
{
    Q_EMIT currentRevisionChanged(currentRevision());
}

} // namespace strata::ui
