#include "ui/safety/lintrunner.h"

#include "ui/app/workerpools.h"
#include "core/project/project.h"
#include "core/safety/lint.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace strata::ui {

namespace {

void lintNewestFirst(QPromise<LintRunner::Batch> &promise, const std::shared_ptr<const Project> &project,
                     DialectKind dialect)
{
    yieldToTheWindow();
    LintOptions options;
    options.dialect = dialect;
    const QList<Revision> &revisions = project->graph().revisions();   // parents first
    LintRunner::Batch batch;
    const auto end = revisions.size() > LintRunner::Limit ? revisions.crbegin() + LintRunner::Limit : revisions.crend();
    for (auto it = revisions.crbegin(); it != end; ++it) {
        if (promise.isCanceled())
            return;
        const QList<Issue> issues = lintRevision(*project, *it, options);
        batch.revisions << it->id;
        if (!issues.isEmpty())
            batch.findings.insert(it->id, issues);
        if (batch.revisions.size() >= LintRunner::BatchSize) {
            promise.addResult(std::move(batch));
            batch = {};
        }
    }
    if (!batch.revisions.isEmpty())
        promise.addResult(std::move(batch));
}

} // namespace

LintRunner::LintRunner(QObject *parent) : QObject(parent) {}

LintRunner::~LintRunner() { stop(); }

void LintRunner::stop()
{
    if (!m_watcher)
        return;
    // The task sees the cancel between two revisions; its later results are not collected.
    m_watcher->disconnect(this);
    m_future.cancel();
    m_watcher->deleteLater();
    m_watcher = nullptr;
}

void LintRunner::start(std::shared_ptr<const Project> project, DialectKind dialect)
{
    if (project == m_project && dialect == m_dialect)
        return;
    stop();
    m_project = project;
    m_dialect = dialect;
    m_findings.clear();
    m_linted.clear();
    if (!project)
        return;
    auto *watcher = new QFutureWatcher<Batch>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<Batch>::resultsReadyAt, this, [this, watcher](int begin, int end) {
        for (int i = begin; i < end; ++i) {
            const Batch batch = watcher->resultAt(i);
            m_linted.unite(QSet<QString>(batch.revisions.cbegin(), batch.revisions.cend()));
            m_findings.insert(batch.findings);
        }
        Q_EMIT progressed();
    });
    connect(watcher, &QFutureWatcher<Batch>::finished, this, [this, watcher] {
        m_watcher = nullptr;
        watcher->deleteLater();
        Q_EMIT finished();
    });
    m_future = QtConcurrent::run(lintPool(), lintNewestFirst, project, dialect);
    watcher->setFuture(m_future);
}

} // namespace strata::ui
