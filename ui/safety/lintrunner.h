#pragma once

#include "core/dialect/dialectkind.h"
#include "core/safety/issue.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

template <typename T> class QFutureWatcher;

namespace strata {
class Project;
class SchemaCheckpoints;
}

namespace strata::ui {

// Lint findings per revision id.
using LintFindings = QHash<QString, QList<Issue>>;

// Lints the revisions of a project once per reload, on a pool thread: lint
// is pure (no database) but needs the schema below each revision. Only the
// newest Limit revisions are linted (older ones: `strata lint REV`): the
// schema below the oldest of them is asked once of the checkpoints the
// preview shares (a few thousand steps replayed on a long history, not the
// whole of it per revision), and the others follow it one step at a time.
// Revisions go newest first, in batches posted as they finish, so the rows
// at the top of the timeline get their badges first. A newer start()
// cancels the older run between two revisions and drops its results.
class LintRunner : public QObject
{
    Q_OBJECT
public:
    explicit LintRunner(QObject *parent = nullptr);
    ~LintRunner() override;

    // dialect: the rules' database. Nothing new
    // starts when this project and dialect already ran or run. checkpoints:
    // kept replays of this project (null: a replay from base).
    void start(std::shared_ptr<const Project> project, DialectKind dialect,
               std::shared_ptr<SchemaCheckpoints> checkpoints = nullptr);
    bool isRunning() const { return m_watcher != nullptr; }
    // The first batch (the newest revisions) is in.
    bool hasFirstBatch() const { return !isRunning() || !m_linted.isEmpty(); }
    bool isLinted(const QString &revisionId) const { return m_linted.contains(revisionId); }
    const LintFindings &findings() const { return m_findings; }

    struct Batch
    {
        QStringList revisions;   // linted, with or without findings
        LintFindings findings;
    };
    static constexpr int BatchSize = 25;
    static constexpr int Limit = 200;

Q_SIGNALS:
    // Some more revisions were linted (findings() grew).
    void progressed();
    void finished();

private:
    void stop();

    QFutureWatcher<Batch> *m_watcher = nullptr;
    QFuture<Batch> m_future;
    std::shared_ptr<const Project> m_project;
    std::optional<DialectKind> m_dialect;
    LintFindings m_findings;
    QSet<QString> m_linted;
};

} // namespace strata::ui
