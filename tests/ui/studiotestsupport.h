#pragma once

#include "core/db/databaseurl.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

// Settings and data folders of a UI test go to a temporary place, so a test
// never reads or writes the user's own studio settings.
inline void isolateStudioSettings(const QTemporaryDir &dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
}

inline QString sqliteUrl(const QString &file)
{
    strata::DatabaseUrl url;
    url.dialect = strata::DialectKind::Sqlite;
    url.path = file;
    return url.toString();
}
