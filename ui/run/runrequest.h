#pragma once

#include "db/databaseurl.h"
#include "safety/roundtrip.h"

#include <QMetaType>
#include <QStringList>

#include <memory>
#include <optional>

namespace strata { class Project; }

namespace strata::ui {

// One piece of work for the database thread. The URL is whole (password
// included) because the job opens its own connection; it is never shown.
struct RunRequest
{
    enum class Kind {
        ReadState,   // only read where the database is
        Upgrade,     // to target
        Downgrade,   // to target
        Stamp,       // set the version rows to target without running anything
        RoundTrip,   // each step up to target: up, down, up again, verified against the replay
    };

    Kind kind = Kind::ReadState;
    QString target;                               // a revision id, "head", "heads" or "base"
    DatabaseUrl url;
    std::shared_ptr<const Project> project;       // shared read-only with the window
    bool onScratchCopy = true;                    // RoundTrip: a copy of the SQLite file or a temporary
                                                  // PostgreSQL database, never the database itself

    QString describe() const;                     // "Upgrade to 3f2a9c1b7d10" (for logs and titles)
};

// What a round trip verified: the table the studio's result view shows.
struct RoundtripReport
{
    QString target;
    QString where;                // "scratch copy: sqlite:///tmp/…" or the real database (redacted)
    bool onScratchCopy = true;
    QList<RoundtripStep> steps;   // as far as the run got
    QStringList driftBefore;      // differences the database had before (left out of the checks)
    QString error;                // why it stopped before verifying anything; empty otherwise

    int failedCount() const;
};

// How a request ended.
struct RunOutcome
{
    bool ok = true;
    RunRequest::Kind kind = RunRequest::Kind::ReadState;
    bool cancelled = false;
    QString summary;          // one line for the log and the status bar
    QString errorText;        // the engine's full message when !ok
    std::optional<RoundtripReport> roundtrip;   // RoundTrip runs only
};

} // namespace strata::ui

Q_DECLARE_METATYPE(strata::ui::RunOutcome)
