#pragma once

#include "core/db/databaseurl.h"
#include "core/workflow/roundtripverifier.h"

#include <atomic>
#include <optional>

namespace strata {

class Project;
class WorkflowObserver;

struct RoundTripOptions
{
    QString target = QStringLiteral("heads");
    // A copy of the SQLite file, or a temporary PostgreSQL database that starts
    // empty; the database itself only when false (the studio asks first).
    bool onScratchCopy = true;
};

// What a round trip verified: the table both faces print.
struct RoundTripOutcome
{
    QString target;
    QString where;                 // "scratch copy /tmp/…" or the database itself (redacted)
    bool onScratchCopy = true;
    QList<RoundtripStep> steps;    // as far as the run got
    QStringList driftBefore;       // differences the database had before (left out of the checks)
    std::optional<Error> error;    // what stopped it, or the failed steps' summary

    int failedCount() const;
    bool ok() const { return !error.has_value(); }
    // "Nothing to verify: …", "3 of 3 steps passed." or the error's text.
    QString summary() const;
};

// Up, down and up again for every step to a target, each move compared with
// the replayed schema. When the target is one revision the database already
// has, it first goes down to that revision's parent, so the step is verified.
class RoundTrip
{
public:
    RoundTrip(const Project &project, WorkflowObserver *observer = nullptr)
        : m_project(project), m_observer(observer) {}

    RoundTripOutcome run(const DatabaseUrl &url, const RoundTripOptions &options);
    void cancel() { m_cancelled = true; }

private:
    Status verify(Connection &connection, RoundTripOutcome &outcome);
    QString parentOfTarget(const QString &target) const;

    const Project &m_project;
    WorkflowObserver *m_observer;
    std::atomic_bool m_cancelled = false;
};

} // namespace strata
