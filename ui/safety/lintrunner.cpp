#include "ui/safety/lintrunner.h"

#include "ui/app/workerpools.h"
#include "core/project/project.h"
#include "core/project/schemacheckpoints.h"
#include "core/safety/lint.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace strata::ui {

namespace {

// The schema after one revision, exactly as Project::schemaAt() of it (none
// when that replay fails or was not made).
struct Walk
{
    QString at;
    std::optional<Schema> schema;
};

// Lints the newest revisions of a project, each against the schema below it.
class WindowLinter
{
public:
    WindowLinter(const Project &project, SchemaCheckpoints *checkpoints, DialectKind dialect)
        : m_project(project), m_checkpoints(checkpoints)
    {
        m_options.dialect = dialect;
    }

    // The schema below r as lint replays it (empty when that fails). A
    // revision whose only parent the walk is at starts from the walk's
    // schema: schemaAt(parents) + r is schemaAt(r), as a replay applies the
    // ancestors in graph order and r comes after all of them.
    Schema below(const Revision &r, const Walk &walk, bool &exact) const
    {
        if (walk.schema && r.dependsOn.isEmpty() && r.downRevisions == QStringList{walk.at}) {
            exact = true;
            return *walk.schema;
        }
        const QStringList ids = r.downRevisions + r.dependsOn;
        auto replayed = m_checkpoints ? m_checkpoints->schemaAt(ids) : m_project.schemaAt(ids);
        exact = replayed.has_value();
        return replayed ? std::move(*replayed) : Schema();
    }

    // Moves the walk past r, given the schema below it.
    void advance(const Revision &r, Schema schema, bool exact, Walk &walk) const
    {
        walk.at = r.id;
        walk.schema.reset();
        QString untranslated;
        if (exact && m_project.replay(schema, QStringList{r.id}, 0, 1, untranslated))
            walk.schema = std::move(schema);
    }

    QList<Issue> lint(const Revision &r, const Schema &before) const
    {
        LintOptions options = m_options;
        options.before = &before;
        return lintRevision(m_project, r, options);
    }

private:
    const Project &m_project;
    SchemaCheckpoints *m_checkpoints;
    LintOptions m_options;
};

void lintNewestFirst(QPromise<LintRunner::Batch> &promise, const std::shared_ptr<const Project> &project,
                     DialectKind dialect, const std::shared_ptr<SchemaCheckpoints> &checkpoints)
{
    yieldToTheWindow();
    const WindowLinter linter(*project, checkpoints.get(), dialect);
    const QList<Revision> &revisions = project->graph().revisions();   // parents first
    const qsizetype end = revisions.size();
    const qsizetype first = std::max<qsizetype>(0, end - LintRunner::Limit);
    // Batches from the newest down; each batch is linted oldest first, so
    // one walk forward first gives each batch the schema below its oldest.
    const auto batchStart = [&](qsizetype batch) { return std::max(first, end - (batch + 1) * LintRunner::BatchSize); };
    const qsizetype batches = (end - first + LintRunner::BatchSize - 1) / LintRunner::BatchSize;
    QList<std::pair<Schema, bool>> starts(batches);
    Walk walk;
    for (qsizetype i = first; i < end; ++i) {
        if (promise.isCanceled())
            return;
        bool exact = false;
        Schema below = linter.below(revisions.at(i), walk, exact);
        const qsizetype batch = (end - 1 - i) / LintRunner::BatchSize;
        if (i == batchStart(batch))
            starts[batch] = {below, exact};
        linter.advance(revisions.at(i), std::move(below), exact, walk);
    }
    for (qsizetype batch = 0; batch < batches; ++batch) {
        LintRunner::Batch done;
        walk = {};
        const qsizetype from = batchStart(batch);
        for (qsizetype i = from; i < end - batch * LintRunner::BatchSize; ++i) {
            if (promise.isCanceled())
                return;
            const Revision &revision = revisions.at(i);
            bool exact = starts[batch].second;
            Schema below = i == from ? std::move(starts[batch].first) : linter.below(revision, walk, exact);
            const QList<Issue> issues = linter.lint(revision, below);
            done.revisions << revision.id;
            if (!issues.isEmpty())
                done.findings.insert(revision.id, issues);
            linter.advance(revision, std::move(below), exact, walk);
        }
        promise.addResult(std::move(done));
    }
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

void LintRunner::start(std::shared_ptr<const Project> project, DialectKind dialect,
                       std::shared_ptr<SchemaCheckpoints> checkpoints)
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
    m_future = QtConcurrent::run(lintPool(), lintNewestFirst, project, dialect, std::move(checkpoints));
    watcher->setFuture(m_future);
}

} // namespace strata::ui
