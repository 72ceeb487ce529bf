#pragma once

#include "core/db/connection.h"
#include "core/schema/schema.h"

#include <memory>

namespace strata {

struct ProjectConfig;

struct IntrospectOptions
{
    // Tables that are not part of the user's schema: the version and history tables.
    QStringList excludeTables;
    // PostgreSQL schema to read; empty: the connection's current schema
    // (the URL's ?schema= sets it). Ignored on SQLite.
    QString schema;
};

// Reads what a connected database holds into the same Schema that replaying
// revisions produces. Types map back to the abstract types and defaults lose
// the casts the database added, so a schema that went through a database
// compares equal to the one it came from (see normalizedSchema()). Each kind
// of object is read with one catalog query for all tables, not one per table.
class Introspector
{
public:
    virtual ~Introspector() = default;

    // The introspector for the connection's dialect.
    static std::unique_ptr<Introspector> forConnection(Connection &connection);

    virtual Result<Schema> read(const IntrospectOptions &options) = 0;

    // What read() left out or read approximately (an expression index, a
    // generated column, a type SQLite only knows by affinity), for people.
    const QStringList &warnings() const { return m_warnings; }

protected:
    QStringList m_warnings;
};

// The project's view of a database: its schema without the project's version
// and history tables, in the schema strata.yaml names. Warnings are appended
// to `warnings` when given.
Result<Schema> introspect(Connection &connection, const ProjectConfig &config, QStringList *warnings = nullptr);

} // namespace strata
