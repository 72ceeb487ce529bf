#include "core/run/sqliterebuild_p.h"

#include "core/diff/schemasource.h"
#include "core/introspect/sqliteintrospector.h"

#include <QHash>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

QStringList indexNames(const Table &table)
{
    QStringList names;
    for (const Index &index : table.indexes)
        names << index.name.toLower();
    return names;
}

} // namespace

SqliteRebuildGuard::~SqliteRebuildGuard() = default;

Result<bool> SqliteRebuildGuard::foreignKeysOff()
{
    auto on = m_connection.select(u"PRAGMA foreign_keys"_s);
    if (!on)
        return std::unexpected(on.error());
    if (on->isEmpty() || on->first().value(0).toInt() == 0)
        return false;
    if (auto off = m_connection.exec(u"PRAGMA foreign_keys = OFF"_s); !off)
        return std::unexpected(off.error());
    return true;
}

Status SqliteRebuildGuard::restoreForeignKeys(bool wereOn)
{
    if (!wereOn)
        return {};
    return m_connection.exec(u"PRAGMA foreign_keys = ON"_s);
}

Status SqliteRebuildGuard::run(const RenderedOperation &operation, bool inTransaction, const Execute &execute)
{
    // Read before anything runs: a difference stops the step with nothing changed.
    for (const RenderedOperation::Rebuild &rebuild : operation.rebuilds) {
        if (auto same = checkLiveTable(rebuild); !same)
            return same;
    }
    if (inTransaction)
        return runInside(operation, execute);

    // A non-transactional revision: an earlier `execute:` of this step may have
    // turned foreign keys on, and a rebuild half done must not stay behind.
    auto wereOn = foreignKeysOff();
    if (!wereOn)
        return std::unexpected(wereOn.error());
    const auto restore = qScopeGuard([this, on = *wereOn] { (void)restoreForeignKeys(on); });
    if (auto begun = m_connection.begin(); !begun)
        return begun;
    if (auto done = runInside(operation, execute); !done) {
        (void)m_connection.rollback();
        return done;
    }
    if (auto committed = m_connection.commit(); !committed) {
        (void)m_connection.rollback();
        return committed;
    }
    return {};
}

Status SqliteRebuildGuard::checkLiveTable(const RenderedOperation::Rebuild &rebuild)
{
    SqliteIntrospector introspector(m_connection);
    auto live = introspector.read(IntrospectOptions{});
    if (!live)
        return std::unexpected(live.error());
    qsizetype index = -1;
    for (qsizetype i = 0; i < live->tables.size(); ++i) {
        if (live->tables.at(i).name.compare(rebuild.before.name, Qt::CaseInsensitive) == 0)
            index = i;
    }
    // A missing table fails at the rebuild's first SELECT, naming it.
    if (index < 0)
        return {};

    // Only this table is compared: the other tables are the live ones on both
    // sides (its foreign keys need the tables they point at). Indexes are
    // carried over by name (objectsToCarry); columns and constraints live in
    // the CREATE TABLE the rebuild replaces.
    Schema databaseSide = *live;
    Table &liveShape = databaseSide.tables[index];
    liveShape.indexes.clear();
    liveShape.name = rebuild.before.name;
    Schema replayedSide = databaseSide;
    replayedSide.tables[index] = rebuild.before;
    replayedSide.tables[index].indexes.clear();
    const SchemaSource replayed{u"the revisions"_s, std::nullopt, replayedSide, {}};
    const SchemaSource database{u"the database"_s, Dialect::Kind::Sqlite, databaseSide, {}};
    auto diff = diffSources(replayed, database);
    if (!diff)
        return std::unexpected(diff.error());
    if (diff->isEmpty())
        return {};
    QStringList differences;
    for (const OperationPtr &op : std::as_const(diff->upgrade))
        differences << op->describe();
    differences << diff->unsupported;
    return fail(Error::Code::Conflict,
                u"table %1 in the database differs from what the revisions built, and rebuilding it would lose "
                "the difference: the database has %2 (relative to the revisions)"_s
                    .arg(rebuild.before.name, differences.join(u"; "_s)),
                m_connection.url().redacted(),
                u"nothing was changed; add the difference to a revision before this one (an `execute:` made it, "
                "or the database was created or touched by hand), or undo it in the database, then run again"_s);
}

Result<QList<SqliteRebuildGuard::SchemaObject>>
SqliteRebuildGuard::objectsToCarry(const RenderedOperation::Rebuild &rebuild)
{
    // DROP TABLE takes the table's indexes and triggers with it; a view or a
    // trigger elsewhere that names the table makes the RENAME fail ("error in
    // view v: no such table"), so those are dropped first and made again after.
    auto rows = m_connection.select(
        u"SELECT type, name, sql, lower(tbl_name) = lower(?) FROM sqlite_master WHERE sql IS NOT NULL AND ("
        "(type IN ('index', 'trigger') AND lower(tbl_name) = lower(?)) OR "
        "(type IN ('view', 'trigger') AND lower(tbl_name) <> lower(?) AND instr(lower(sql), lower(?)) > 0)) "
        "ORDER BY rowid"_s,
        {rebuild.before.name, rebuild.before.name, rebuild.before.name, rebuild.before.name});
    if (!rows)
        return std::unexpected(rows.error());
    // The rebuild makes the indexes the revisions know; it drops on purpose those it leaves out.
    const QStringList known = indexNames(rebuild.before) + indexNames(rebuild.after);
    QList<SchemaObject> objects;
    for (const QVariantList &row : std::as_const(*rows)) {
        SchemaObject object{row.value(0).toString(), row.value(1).toString(), row.value(2).toString()};
        if (object.type == u"index"_s && known.contains(object.name.toLower()))
            continue;
        if (!row.value(3).toBool() || object.type == u"view"_s)
            object.type.prepend(u"other "_s);
        objects << object;
    }
    return objects;
}

Status SqliteRebuildGuard::runInside(const RenderedOperation &operation, const Execute &execute)
{
    QList<SchemaObject> carried;
    for (const RenderedOperation::Rebuild &rebuild : operation.rebuilds) {
        auto objects = objectsToCarry(rebuild);
        if (!objects)
            return std::unexpected(objects.error());
        carried << *objects;
    }
    for (const SchemaObject &object : std::as_const(carried)) {
        if (object.type == u"other view"_s || object.type == u"other trigger"_s) {
            const QString kind = object.type.mid(6).toUpper();
            if (auto dropped = execute(u"DROP %1 IF EXISTS %2"_s.arg(kind, m_connection.dialect().quote(object.name)));
                !dropped)
                return dropped;
        }
    }
    QHash<QString, qsizetype> brokenBefore;
    for (const RenderedOperation::Rebuild &rebuild : operation.rebuilds) {
        auto rows = referencesTo(rebuild.after.name);
        if (!rows)
            return std::unexpected(rows.error());
        brokenBefore.insert(rebuild.after.name, rows->size());
    }
    for (const Statement &statement : operation.statements) {
        if (auto done = execute(statement); !done)
            return done;
    }
    for (const SchemaObject &object : std::as_const(carried)) {
        auto exists = m_connection.select(u"SELECT 1 FROM sqlite_master WHERE lower(name) = lower(?)"_s, {object.name});
        if (!exists)
            return std::unexpected(exists.error());
        if (!exists->isEmpty())
            continue;
        if (auto made = execute(object.sql); !made) {
            return std::unexpected(made.error().wrappedIn(
                u"could not carry %1 %2 over the rebuild (it was not made by the revisions)"_s
                    .arg(object.type.startsWith(u"other "_s) ? object.type.mid(6) : object.type, object.name)));
        }
    }
    for (const RenderedOperation::Rebuild &rebuild : operation.rebuilds) {
        if (auto clean = checkReferences(rebuild.after.name, brokenBefore.value(rebuild.after.name)); !clean)
            return clean;
    }
    return {};
}

Result<QList<QVariantList>> SqliteRebuildGuard::referencesTo(const QString &table)
{
    return m_connection.select(u"SELECT \"table\", rowid, parent FROM pragma_foreign_key_check "
                               "WHERE lower(parent) = lower(?) AND lower(\"table\") <> lower(?)"_s,
                               {table, table});
}

Status SqliteRebuildGuard::checkReferences(const QString &table, qsizetype brokenBefore)
{
    // The rebuild's own check covers the table's foreign keys; this covers the
    // rows of other tables that point at it. Rows already broken before the
    // rebuild are the database's business, not this step's.
    auto rows = referencesTo(table);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->size() <= brokenBefore)
        return {};
    QStringList children;
    for (const QVariantList &row : std::as_const(*rows)) {
        if (!children.contains(row.value(0).toString()))
            children << row.value(0).toString();
    }
    const QVariantList &first = rows->first();
    return fail(Error::Code::Database,
                u"foreign key violations after rebuilding %1: %2 of table %3 point%4 at no row of it (first: %5 "
                "rowid %6)"_s.arg(table, rows->size() == 1 ? u"1 row"_s : u"%1 rows"_s.arg(rows->size()),
                                  children.join(u", "_s), rows->size() == 1 ? u"s"_s : QString(),
                                  first.value(0).toString(), first.value(1).toString()),
                u"PRAGMA foreign_key_check"_s);
}

} // namespace strata
