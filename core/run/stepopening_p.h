#pragma once

#include "core/error.h"

#include <QStringList>

namespace strata {

class Connection;
class Dialect;

// What opens a step on the server: BEGIN, the check of the version rows and
// the version moves, held back to go with the step's first statement in one
// message (PostgreSQL: one round trip). The check and each move must report
// exactly one row; anything else means another process moved the version.
class StepOpening
{
public:
    enum class Outcome {
        Pending,        // not sent, or sent and done
        BeginFailed,
        MoveFailed,     // the database refused the check or a move
        Moved,          // the check or a move found no row: another process moved the version
        RiderFailed,    // the statement sent with them failed
    };

    void addBegin(const QString &sql);
    void addHeadsCheck(const QString &sql);
    void addMoves(const QStringList &sql);
    bool isEmpty() const { return m_statements.isEmpty(); }
    Outcome outcome() const { return m_outcome; }

    // Sends what is held, with `rider` (when not empty) last in the same message.
    Status send(Connection &connection, const QString &rider);

private:
    QStringList m_statements;
    qsizetype m_oneRowEach = 0;     // the last statements held, each of which must report one row
    bool m_withBegin = false;
    Outcome m_outcome = Outcome::Pending;
};

// A query that returns one row exactly when the version table holds `heads`
// and nothing else; no row when another process moved it.
QString headsCheckSql(const Dialect &dialect, const QString &versionTable, const QStringList &heads);

} // namespace strata
