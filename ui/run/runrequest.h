#pragma once

#include "core/db/databaseurl.h"
#include "core/workflow/roundtrip.h"

#include <QHash>
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
        Repair,      // record the checksums of applied files edited since (strata repair)
        DeleteRevision,  // remove target's file, when nothing builds on it and the database has not applied it
    };

    Kind kind = Kind::ReadState;
    QString target;                               // a revision id, "head", "heads" or "base"
    DatabaseUrl url;
    std::shared_ptr<const Project> project;       // shared read-only with the window
    bool atomic = false;                          // Upgrade, Downgrade: every step in one transaction
    bool allowEdited = false;                     // Upgrade: run although applied files were edited since
    bool onScratchCopy = true;                    // RoundTrip: a copy of the SQLite file or a temporary
                                                  // PostgreSQL database, never the database itself
    QHash<QString, QString> roundTripFailures;    // Upgrade: revision -> why its last round-trip in this
                                                  // session failed; asked about before it runs

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
    std::optional<RoundTripOutcome> roundtrip;  // RoundTrip runs only
};

} // namespace strata::ui

Q_DECLARE_METATYPE(strata::ui::RunOutcome)
