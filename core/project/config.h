#pragma once

#include "core/error.h"

#include <QString>

namespace strata {

// strata.yaml; every key is optional.
struct ProjectConfig
{
    QString database;                               // a URL; DATABASE_URL and --database override it
    QString models = QStringLiteral("models.yaml");
    QString versionTable = QStringLiteral("strata_version");
    QString historyTable = QStringLiteral("strata_history");
    QString fileTemplate = QStringLiteral("{rev}_{slug}");
    QString schema;                                 // PostgreSQL schema; empty means the server's default

    static Result<ProjectConfig> read(const QString &path);
    // The same from the file's bytes; path only names the file in errors.
    static Result<ProjectConfig> parse(const QByteArray &text, const QString &path);
    QByteArray toYaml() const;
};

} // namespace strata
