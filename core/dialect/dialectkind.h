#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace strata {

// Which database a URL, a status or a renderer is about. Code decides on the
// kind; the names below are only for reading and writing text (URLs, YAML
// keys, --dialect, the Python bridge) and the titles only for people.
enum class DialectKind { Sqlite, Postgresql };

QList<DialectKind> dialectKinds();
QString dialectName(DialectKind kind);    // "sqlite", "postgresql" (SQLAlchemy's names)
QString dialectTitle(DialectKind kind);   // "SQLite", "PostgreSQL"
std::optional<DialectKind> dialectKindNamed(const QString &name);

} // namespace strata
