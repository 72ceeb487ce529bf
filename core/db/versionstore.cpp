#include "db/versionstore.h"

using namespace Qt::StringLiterals;

namespace strata {

bool VersionStore::exists()
{
    return m_connection.tableExists(m_versionTable);
}

Status VersionStore::create()
{
    if (exists() && m_connection.tableExists(m_historyTable))
        return {};
    // The statements say IF NOT EXISTS, so a database that has only one of the two tables gets the other.
    if (auto begun = m_connection.begin(); !begun)
        return begun;
    for (const QString &sql : m_connection.dialect().createVersionTables(m_versionTable, m_historyTable)) {
        if (auto done = m_connection.exec(sql); !done) {
            (void)m_connection.rollback();
            return std::unexpected(done.error().wrappedIn(
                u"could not create the version tables"_s, m_connection.url().redacted()));
        }
    }
    return m_connection.commit();
}

Result<QStringList> VersionStore::heads()
{
    if (!exists())
        return QStringList();
    const Dialect &d = m_connection.dialect();
    auto rows = m_connection.select(u"SELECT "_s + d.quote(u"version_num"_s) + u" FROM "_s + d.quote(m_versionTable)
                                    + u" ORDER BY "_s + d.quote(u"version_num"_s));
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(
            u"could not read the version table %1"_s.arg(m_versionTable), m_connection.url().redacted()));
    QStringList heads;
    for (const QVariantList &row : *rows)
        heads << row.value(0).toString();
    return heads;
}

Result<QHash<QString, QString>> VersionStore::appliedChecksums()
{
    QHash<QString, QString> checksums;
    if (!m_connection.tableExists(m_historyTable))
        return checksums;
    const Dialect &d = m_connection.dialect();
    // Oldest first, so a later upgrade of the same revision overwrites an earlier one.
    auto rows = m_connection.select(u"SELECT "_s + d.quotedList({u"revision"_s, u"checksum"_s}) + u" FROM "_s
                                    + d.quote(m_historyTable) + u" WHERE "_s + d.quote(u"direction"_s)
                                    + u" = 'upgrade' ORDER BY "_s + d.quote(u"id"_s));
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(
            u"could not read the history table %1"_s.arg(m_historyTable), m_connection.url().redacted()));
    for (const QVariantList &row : *rows) {
        if (!row.value(1).isNull())
            checksums.insert(row.value(0).toString(), row.value(1).toString());
    }
    return checksums;
}

Status VersionStore::stamp(const QStringList &heads, bool purge)
{
    // Without purge the current rows must at least be readable; with it,
    // whatever they are, they go.
    if (!purge) {
        if (auto current = this->heads(); !current)
            return std::unexpected(current.error());
    }
    if (auto created = create(); !created)
        return created;
    if (auto begun = m_connection.begin(); !begun)
        return begun;
    const Dialect &d = m_connection.dialect();
    QStringList statements{u"DELETE FROM "_s + d.quote(m_versionTable)};
    for (const QString &head : heads)
        statements << d.insertVersion(m_versionTable, head);
    for (const QString &sql : statements) {
        if (auto done = m_connection.exec(sql); !done) {
            (void)m_connection.rollback();
            return std::unexpected(done.error().wrappedIn(u"could not stamp the database"_s,
                                                          m_connection.url().redacted()));
        }
    }
    return m_connection.commit();
}

} // namespace strata
