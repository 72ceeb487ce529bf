#pragma once

#include "core/error.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>

namespace strata::alembic {

// Strata's Python program (core/alembic/python, embedded as a Qt resource)
// run by the team's own interpreter: STRATA_PYTHON, else `python3` on PATH,
// then /usr/bin/python3 when the first lacks SQLAlchemy or Alembic.
class PythonBridge
{
public:
    // What a call answered, and which interpreter gave the answer.
    struct Answer
    {
        QJsonObject json;
        QString interpreter;        // the program that answered
        QStringList skipped;        // "python3 (/path): lacks sqlalchemy (...)", one per interpreter passed over
    };

    // The interpreters tried, in order (paths as found, or the bare name when
    // not found): cheap, no process started, so it can key a cache.
    static QStringList candidates();
    // A digest of the embedded program: a new Strata's bridge is a new cache key.
    static QByteArray programDigest();

    // Runs `bridge MODE` with the request on stdin, trying each candidate
    // until one has SQLAlchemy and Alembic. The environment gets `extra` on
    // top of this process's (a database URL goes there, never on a command line).
    // Fails with Code::NotFound, listing every interpreter tried and what it
    // lacked, when none can run it.
    static Result<Answer> call(const QString &mode, const QJsonObject &request,
                               const QProcessEnvironment &extra = {}, int timeoutMs = 300'000);
};

} // namespace strata::alembic
