#include "core/introspect/introspector.h"

#include "core/introspect/postgresintrospector.h"
#include "core/introspect/sqliteintrospector.h"
#include "core/project/config.h"

using namespace Qt::StringLiterals;

namespace strata {

std::unique_ptr<Introspector> Introspector::forConnection(Connection &connection)
{
    if (connection.dialect().kind() == Dialect::Kind::Sqlite)
        return std::make_unique<SqliteIntrospector>(connection);
    return std::make_unique<PostgresIntrospector>(connection);
}

Result<Schema> introspect(Connection &connection, const ProjectConfig &config, QStringList *warnings)
{
    auto introspector = Introspector::forConnection(connection);
    IntrospectOptions options;
    // A history kept in its own schema (Alembic folders) may be the plain table on SQLite (STRATA_HISTORY=on).
    options.excludeTables = {config.versionTable, config.historyTable, config.historyTable.section(u'.', -1)};
    // The URL's ?schema= is the more specific choice; the connection already selected it.
    if (!connection.url().options.contains(u"schema"_s))
        options.schema = config.schema;
    auto schema = introspector->read(options);
    if (warnings)
        *warnings << introspector->warnings();
    return schema;
}

} // namespace strata
