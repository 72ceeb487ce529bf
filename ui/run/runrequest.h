#pragma once

#include "db/databaseurl.h"

#include <QMetaType>
#include <QStringList>

#include <memory>

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
        RoundTrip,   // upgrade to target, downgrade one step, upgrade again
    };

    Kind kind = Kind::ReadState;
    QString target;                               // a revision id, "head", "heads" or "base"
    DatabaseUrl url;
    std::shared_ptr<const Project> project;       // shared read-only with the window
    bool onScratchCopy = true;                    // RoundTrip on SQLite: work on a copy of the file

    QString describe() const;                     // "Upgrade to 3f2a9c1b7d10" (for logs and titles)
};

// How a request ended.
struct RunOutcome
{
    bool ok = true;
    RunRequest::Kind kind = RunRequest::Kind::ReadState;
    bool cancelled = false;
    QString summary;          // one line for the log and the status bar
    QString errorText;        // the engine's full message when !ok
};

} // namespace strata::ui

Q_DECLARE_METATYPE(strata::ui::RunOutcome)
