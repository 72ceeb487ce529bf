#pragma once

#include "core/db/connection.h"

#include <QSqlQuery>

namespace strata {

// One statement prepared once on a connection and run many times with
// new bindings: SQLite parses it once, PostgreSQL plans it once, instead of
// once per step of a run. Belongs to the connection's thread.
class PreparedQuery
{
public:
    PreparedQuery(Connection &connection, QString sql);

    // Runs the statement with '?' placeholders bound in order; every row, each as a list of values.
    Result<QList<QVariantList>> select(const QVariantList &bindings = {});

private:
    Connection &m_connection;
    QString m_sql;
    QSqlQuery m_query;
    bool m_prepared = false;
};

} // namespace strata
