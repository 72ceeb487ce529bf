#pragma once

#include "core/error.h"

#include <QHash>
#include <QStringList>

namespace strata {

class Connection;
class Project;

// A pending revision that someone should look at before it runs.
struct UpgradeConcern
{
    QString revision;
    QString message;
    QStringList reasons;    // "lint: downgrade-not-inverse: ...", "failed its last round-trip: ..."

    // "• 3f2a9c1b7d10 Add notes\n    lint: ..." (one line per reason).
    QString toString() const;
};

// The steps an upgrade from the database's heads to `target` would run, each
// checked with the lint rules for the connection's dialect (errors only) and
// against `roundTripFailures` (revision -> why its last round-trip failed,
// which the caller remembers). Empty: nothing to ask about.
Result<QList<UpgradeConcern>> upgradeConcerns(Connection &connection, const Project &project, const QString &target,
                                              const QHash<QString, QString> &roundTripFailures = {});

} // namespace strata
