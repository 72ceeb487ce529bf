#include "core/db/versionstore.h"

#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace strata {

bool VersionStore::exists()
{
    return m_connection.tableExists(m_versionTable);
}

Status VersionStore::create()
{
    const QString history = m_connection.dialect().historyLocation(m_historyTable);
    if (exists() && (history.isEmpty() || m_connection.tableExists(history)))
        return {};
    auto created = createTables(m_historyTable);
    // A history in its own schema needs CREATE on the database; a role without it still migrates.
    if (!created && history.contains(u'.')) {
        if (auto plain = createTables(QString()); !plain)
            return plain;
        m_note = u"Strata keeps no history here: this role cannot create schema '%1'; edited revision files "
                 "will not be detected"_s.arg(history.section(u'.', 0, 0));
        return {};
    }
    return created;
}

Status VersionStore::createTables(const QString &historyTable)
{
    // The statements say IF NOT EXISTS, so a database that has only one of the two tables gets the other.
    if (auto begun = m_connection.begin(); !begun)
        return begun;
    for (const QString &sql : m_connection.dialect().createVersionTables(m_versionTable, historyTable)) {
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

Status VersionStore::stamp(const QStringList &heads, bool purge)
{
    // Without purge the current rows must at least be readable, and must not
    // change before the new ones are written; with it, whatever they are, they go.
    if (purge)
        return replaceHeads(heads, std::nullopt);
    auto current = this->heads();
    if (!current)
        return std::unexpected(current.error());
    return replaceHeads(heads, *current);
}

Status VersionStore::replaceHeads(const QStringList &heads, const std::optional<QStringList> &expected)
{
    if (auto created = create(); !created)
        return created;
    if (auto locked = m_connection.acquireRunLock(m_versionTable); !locked)
        return locked;
    const auto unlock = qScopeGuard([this] { m_connection.releaseRunLock(); });
    if (auto begun = m_connection.begin(); !begun)
        return begun;
    // Inside the transaction (SQLite's write lock, PostgreSQL's run lock):
    // the rows must still be the ones the caller decided from.
    if (expected) {
        auto now = this->heads();
        if (!now) {
            (void)m_connection.rollback();
            return std::unexpected(now.error());
        }
        QStringList a = *now, b = *expected;
        a.sort();
        b.sort();
        if (a != b) {
            (void)m_connection.rollback();
            return fail(Error::Code::Locked,
                        u"the version rows changed while stamping: another process moved the database to %1"_s
                            .arg(a.isEmpty() ? u"base"_s : a.join(u", "_s)),
                        m_connection.url().redacted(), u"look at `strata current`, then stamp again"_s);
        }
    }
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
