#include "ui/database/databaseview.h"

#include "ui/app/studiosession.h"
#include "ui/database/overviewloader.h"
#include "ui/database/overviewmodels.h"
#include "ui/theme/themecolors.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QEvent>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

QTreeView *makeView(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(RawValueRole);
    auto *view = new QTreeView(parent);
    view->setObjectName(name);
    view->setModel(proxy);
    view->setRootIsDecorated(false);
    view->setAlternatingRowColors(true);
    view->setUniformRowHeights(true);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder);   // the model's order until a header is clicked
    view->header()->setStretchLastSection(true);
    return view;
}

QLabel *makeLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

DatabaseView::DatabaseView(StudioSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_loader(new OverviewLoader(this)), m_tables(new TableFootprintModel(this)),
      m_drift(new ObjectDriftModel(this)), m_summary(makeLabel(u"databaseSummary"_s, this)),
      m_driftSummary(makeLabel(u"driftSummary"_s, this)), m_refresh(new QToolButton(this)),
      m_tableView(makeView(m_tables, u"databaseTables"_s, this)), m_driftView(makeView(m_drift, u"objectDrift"_s, this))
{
    setObjectName(u"databaseView"_s);
    // One line each, elided to the width; the whole text is the tooltip.
    m_summary->setWordWrap(false);
    m_driftSummary->setWordWrap(false);
    for (QLabel *label : {m_summary, m_driftSummary}) {
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        label->installEventFilter(this);
    }
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Read the tables, their sizes and the drift again"));
    m_tableView->header()->setStretchLastSection(false);
    m_tableView->header()->setSectionResizeMode(TableFootprintModel::Name, QHeaderView::Stretch);
    m_tableView->header()->setSectionResizeMode(TableFootprintModel::Rows, QHeaderView::ResizeToContents);
    m_tableView->header()->setSectionResizeMode(TableFootprintModel::Size, QHeaderView::ResizeToContents);
    for (const int column : {ObjectDriftModel::Side, ObjectDriftModel::Kind, ObjectDriftModel::Table})
        m_driftView->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_refresh, 0, Qt::AlignTop);
    auto *driftPane = new QWidget(this);
    auto *driftLayout = new QVBoxLayout(driftPane);
    driftLayout->setContentsMargins(0, 0, 0, 0);
    driftLayout->addWidget(m_driftSummary);
    driftLayout->addWidget(m_driftView, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tableView);
    split->addWidget(driftPane);
    // Table names are short and the drift rows long: the drift gets the room.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    split->setSizes({340, 660});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    top->setSpacing(6);
    driftLayout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    // Some rows of each list always show, however low the bottom pane is.
    for (QTreeView *view : {m_tableView, m_driftView})
        view->setMinimumHeight(view->header()->sizeHint().height() + 4 * view->fontMetrics().height() + 8);

    connect(m_refresh, &QToolButton::clicked, this, &DatabaseView::refresh);
    connect(m_loader, &OverviewLoader::loaded, this, &DatabaseView::onLoaded);
    connect(m_loader, &OverviewLoader::failed, this, &DatabaseView::onFailed);
    connect(m_loader, &OverviewLoader::started, this, [this] { m_refresh->setEnabled(false); });
    // Every read of the state (after runs, F5, a new connection) reads the overview too.
    // A run may change tables without moving the heads (a repair, a failed
    // step): read at its end unless the state read at its end already did.
    connect(m_session, &StudioSession::runStarted, this, [this] { m_requestsAtRunStart = m_requests; });
    connect(m_session, &StudioSession::runFinished, this, [this](const RunOutcome &outcome) {
        if (outcome.kind == RunRequest::Kind::ReadState || m_requests != m_requestsAtRunStart)
            return;
        m_afterRun = true;
        onStateChanged();
    });
    connect(m_session, &StudioSession::stateChanged, this, &DatabaseView::onStateChanged);
    connect(m_session, &StudioSession::databaseChanged, this, [this] {
        m_loader->drop();
        m_tables->setTables({}, {});
        m_drift->setDrift({}, {});
        m_readAt = {};
        m_stale = false;
        onStateChanged();
    });
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state == Qt::ApplicationActive && isVisible() && !m_loader->isBusy())
            refresh();
    });
    showDisconnected();
}

bool DatabaseView::isBusy() const { return m_loader->isBusy(); }

QString DatabaseView::summary() const { return m_summaryText + u'\n' + m_driftText; }

void DatabaseView::setSummary(const QString &text, const QString &drift)
{
    m_summaryText = text;
    m_driftText = drift;
    m_summary->setToolTip(text);
    m_driftSummary->setToolTip(drift);
    elideSummaries();
}

void DatabaseView::elideSummaries()
{
    // QLabel cannot elide by itself; wrapped, these lines took half of a low pane.
    const auto elide = [](QLabel *label, const QString &text) {
        const int width = std::max(label->width(), 80);
        label->setText(label->fontMetrics().elidedText(text, Qt::ElideRight, width));
    };
    // A failed refresh says why in full: that is what the user has to act on.
    m_summary->setWordWrap(m_stale);
    if (m_stale)
        m_summary->setText(m_summaryText);
    else
    elide(m_summary, m_summaryText);
    elide(m_driftSummary, m_driftText);
}

bool DatabaseView::eventFilter(QObject *watched, QEvent *event)
{
    // The drift line's width follows the splitter, not this widget's size.
    if (event->type() == QEvent::Resize && (watched == m_summary || watched == m_driftSummary))
        elideSummaries();
    return QWidget::eventFilter(watched, event);
}

void DatabaseView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void DatabaseView::onStateChanged()
{
    // A state being read (none yet) is followed by another stateChanged when it is in.
    if (!m_session->database()) {
        showDisconnected();
        return;
    }
    if (!m_session->state())
        return;
    // Counting rows is not free: a state read that finds nothing new (the
    // idle watch, focus) reads again only once the picture is some seconds old.
    const bool news = m_afterRun || m_session->state()->heads != m_headsRead || !m_readAt.isValid()
        || m_readAt.secsTo(QDateTime::currentDateTime()) >= minSecondsBetweenReads;
    if (!news)
        return;
    if (isVisible())
        refresh();
    else
        m_dirty = true;
}

void DatabaseView::refresh()
{
    const auto url = m_session->database();
    if (!url || !m_session->project()) {
        showDisconnected();
        return;
    }
    m_dirty = false;
    m_afterRun = false;
    ++m_requests;
    m_headsRead = m_session->state() ? m_session->state()->heads : QStringList();
    m_loader->request(*url, m_session->project());
}

void DatabaseView::showDisconnected()
{
    m_loader->drop();
    m_refresh->setEnabled(m_session->database().has_value());
    setSummary(tr("Not connected. Use Database > Connect to see the tables, their sizes and what differs "
                  "from the history."),
               {});
}

void DatabaseView::onLoaded(const DatabaseOverview &overview)
{
    m_readAt = QDateTime::currentDateTime();
    m_stale = false;
    m_refresh->setEnabled(true);
    m_tables->setTables(overview.footprint.tables, overview.bookkeepingTables);
    m_drift->setDrift(overview.drift, overview.footprint.untracked);
    qint64 rows = 0;
    for (const TableFootprint &table : overview.footprint.tables)
        rows += overview.bookkeepingTables.contains(table.name) ? 0 : std::max<qint64>(0, table.rows);
    const int userTables = int(overview.footprint.tables.size() - overview.bookkeepingTables.size());
    m_summary->setStyleSheet({});
    // Counts first: a long URL is what the elision cuts.
    const QString summary = tr("%2 tables, %3 rows, %4 in all — %1. Read at %5; sizes: %6.")
                                .arg(overview.displayUrl)
                                .arg(userTables)
                                .arg(QLocale().toString(rows), sizeText(overview.footprint.totalBytes),
                                     QLocale().toString(m_readAt.time(), QLocale::ShortFormat),
                                     overview.footprint.sizeSource);
    const QString at = overview.heads.isEmpty() ? tr("base") : overview.heads.join(u", "_s);
    if (!overview.driftChecked) {
        setSummary(summary, overview.driftProblem);
    } else if (overview.drift.isEmpty()) {
        setSummary(summary, tr("No drift: the database holds what the history builds at %1.").arg(at));
    } else {
        int inDatabase = 0;
        int inHistory = 0;
        for (const ObjectDrift &d : overview.drift) {
            inDatabase += d.side == ObjectDrift::Side::OnlyInDatabase;
            inHistory += d.side == ObjectDrift::Side::OnlyInHistory;
        }
        setSummary(summary, tr("Drift from %1: %2 object(s) only in the database, %3 only in the history, %4 "
                               "different. Write a revision for them or undo them by hand.")
                                .arg(at)
                                .arg(inDatabase)
                                .arg(inHistory)
                                .arg(overview.drift.size() - inDatabase - inHistory));
    }
    Q_EMIT updated();
}

void DatabaseView::onFailed(const QString &message)
{
    m_stale = true;
    m_refresh->setEnabled(true);
    m_tables->setStale(true);
    m_drift->setStale(true);
    const QString when = m_readAt.isValid()
        ? tr("Stale: showing what was read at %1.").arg(QLocale().toString(m_readAt.time(), QLocale::ShortFormat))
        : tr("Could not read the database.");
    m_summary->setStyleSheet(u"color: %1"_s.arg(ThemeColors::warning(palette()).name()));
    setSummary(tr("%1 The last refresh failed: %2").arg(when, message), m_driftText);
    Q_EMIT updated();
}

} // namespace strata::ui
