#include "core/db/preparedquery.h"

#include <QSqlError>
#include <QSqlRecord>

namespace strata {

PreparedQuery::PreparedQuery(Connection &connection, QString sql)
    : m_connection(connection), m_sql(std::move(sql)), m_query(connection.database())
{
    m_query.setForwardOnly(true);
}

Result<QList<QVariantList>> PreparedQuery::select(const QVariantList &bindings)
{
    // Prepared on first use, so a failure to prepare is reported like a failure to run.
    if (!m_prepared && !m_query.prepare(m_sql))
        return std::unexpected(m_connection.statementError(m_sql, m_query.lastError()));
    m_prepared = true;
    for (qsizetype i = 0; i < bindings.size(); ++i)
        m_query.bindValue(int(i), bindings.at(i));
    if (!m_query.exec())
        return std::unexpected(m_connection.statementError(m_sql, m_query.lastError()));
    QList<QVariantList> rows;
    const int columns = m_query.record().count();
    while (m_query.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row << m_query.value(i);
        rows << row;
    }
    // Lets SQLite release its read of the table before the step writes.
    m_query.finish();
    return rows;
}

} // namespace strata
