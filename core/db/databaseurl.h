#pragma once

#include "core/dialect/dialectkind.h"
#include "core/error.h"

#include <QMap>
#include <QString>

namespace strata {

// A database URL as SQLAlchemy writes it:
//   sqlite:///relative.db   sqlite:////absolute/path.db   sqlite://  (in memory)
//   postgresql[+driver]://user:password@host:port/database?option=value
struct DatabaseUrl
{
    DialectKind dialect = DialectKind::Sqlite;
    QString path;                    // sqlite: file path (relative paths stay relative); empty = memory
    QString host;
    int port = 0;                    // 0: the driver's default
    QString user;
    QString password;
    QString database;
    QMap<QString, QString> options;  // query string, e.g. sslmode, connect_timeout, schema

    static Result<DatabaseUrl> parse(const QString &url);
    bool isMemory() const { return dialect == DialectKind::Sqlite && path.isEmpty(); }
    // The URL with the password replaced by "***": the only form ever printed.
    QString redacted() const;
    // The URL in full, password included, for storing in a connection (never printed).
    QString toString() const;
};

} // namespace strata
