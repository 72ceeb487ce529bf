#include "ui/app/studioautomation.h"

#include "ui/app/mainwindow.h"
#include "ui/app/studioactions.h"
#include "ui/app/studiosession.h"
#include "ui/database/databaseview.h"
#include "ui/diff/diffpane.h"
#include "ui/safety/lintrunner.h"

#include <QAction>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace strata::ui {

StudioAutomation::StudioAutomation(MainWindow &window) : QObject(&window), m_window(window) {}

void StudioAutomation::whenSettled(std::function<void()> then, int lintWaitMs)
{
    // One waiter: re-checked on every signal that can end the wait, and once at the lint deadline.
    struct Waiter
    {
        std::function<void()> then;
        QDeadlineTimer lintDeadline;
        QList<QMetaObject::Connection> connections;
        bool done = false;
    };
    auto waiter = std::make_shared<Waiter>();
    waiter->then = std::move(then);
    waiter->lintDeadline = QDeadlineTimer(lintWaitMs);
    const auto check = [this, waiter] {
        if (waiter->done || !m_window.isSettled())
            return;
        if (!m_window.lint()->hasFirstBatch() && !waiter->lintDeadline.hasExpired())
            return;
        if (const auto *database = m_window.findChild<DatabaseView *>(); database && database->isBusy())
            return;
        waiter->done = true;
        for (const auto &connection : std::as_const(waiter->connections))
            disconnect(connection);
        waiter->then();
    };
    waiter->connections << connect(&m_window, &MainWindow::settled, this, check, Qt::QueuedConnection)
                        << connect(m_window.lint(), &LintRunner::progressed, this, check, Qt::QueuedConnection)
                        << connect(m_window.lint(), &LintRunner::finished, this, check, Qt::QueuedConnection);
    if (const auto *database = m_window.findChild<DatabaseView *>())
        waiter->connections << connect(database, &DatabaseView::updated, this, check, Qt::QueuedConnection);
    if (lintWaitMs > 0)
        QTimer::singleShot(lintWaitMs + 1, this, check);
    QTimer::singleShot(0, this, check);
}

void StudioAutomation::grabWhenSettled(const QString &path, std::function<void(bool)> done)
{
    // Lint badges too, unless a long history keeps lint busy for more than a few seconds.
    whenSettled([this, path, done] {
        // One more turn of the event loop so the last repaint lands.
        QTimer::singleShot(150, this, [this, path, done] { done(m_window.grab().save(path)); });
    }, 5000);
}

void StudioAutomation::roundTripWhenSettled(std::function<void()> done)
{
    whenSettled([this, done] {
        StudioSession *session = m_window.session();
        const auto finished = connect(session, &StudioSession::runFinished, this, done, Qt::SingleShotConnection);
        m_window.actions().roundTrip->trigger();
        if (!session->isRunning()) {
            disconnect(finished);
            done();   // nothing to round-trip (no database, no selection, or declined)
        }
    });
}

bool StudioAutomation::showTab(const QString &name)
{
    const QStringList diffTabs{u"schema"_s, u"upgrade"_s, u"downgrade"_s, u"file"_s, u"lint"_s};
    if (const qsizetype at = diffTabs.indexOf(name); at >= 0) {
        m_window.diffPane()->tabs()->setCurrentIndex(int(at));
        return true;
    }
    if (name == u"unified"_s) {   // the schema tab in one column
        m_window.diffPane()->tabs()->setCurrentIndex(DiffPane::SchemaTab);
        m_window.diffPane()->setUnified(true);
        return true;
    }
    const QStringList bottomTabs{u"log"_s, u"round-trip"_s, u"database"_s};
    const qsizetype at = bottomTabs.indexOf(name);
    if (at < 0 || at >= m_window.bottomTabs()->count())
        return false;
    m_window.bottomTabs()->setCurrentIndex(int(at));
    return true;
}

void StudioAutomation::timeSelectionWhenSettled(const QString &idOrPrefix, std::function<void(qint64)> done)
{
    whenSettled([this, idOrPrefix, done] {
        QElapsedTimer sinceClick;
        sinceClick.start();
        if (!m_window.selectRevision(idOrPrefix))
            return done(-1);
        // A synchronous paint, so the time includes drawing the preview, not only computing it.
        const auto painted = [this, sinceClick, done] {
            DiffPane *pane = m_window.diffPane();
            if (!pane->hasPreview())
                return done(-1);
            pane->repaint();
            done(sinceClick.elapsed());
        };
        // A small history is previewed at once; a large one on a pool thread, until settled again.
        if (m_window.isSettled())
            painted();
        else
            whenSettled(painted);
    });
}

} // namespace strata::ui
