#include "core/workflow/viewtriggerdrift.h"

#include "core/alembic/alembictranslate.h"
#include "core/db/connection.h"
#include "core/dialect/sqltokens.h"
#include "core/ops/executeop.h"
#include "core/ops/sqlstatements.h"
#include "core/project/project.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

using Kind = SchemaObject::Kind;

// A name as the statement gives it, schema qualification dropped: an unquoted
// word folded to lower case (PostgreSQL's rule, and SQLite compares without case).
QString nameAt(const QList<SqlToken> &tokens, qsizetype &i)
{
    QString name;
    while (i < tokens.size() && tokens.at(i).isName()) {
        const SqlToken &token = tokens.at(i);
        name = token.kind == SqlToken::Kind::Word ? token.text.toLower() : token.text;
        ++i;
        if (i + 1 < tokens.size() && tokens.at(i).isSymbol("."_L1))
            ++i;
        else
            break;
    }
    return name;
}

bool skipWords(const QList<SqlToken> &tokens, qsizetype &i, std::initializer_list<QLatin1StringView> words)
{
    for (const QLatin1StringView word : words) {
        if (i >= tokens.size() || !tokens.at(i).isWord(word))
            return false;
        ++i;
    }
    return true;
}

class ObjectLedger
{
public:
    explicit ObjectLedger(bool caseInsensitive) : m_caseInsensitive(caseInsensitive) {}

    void read(const QString &statement, const QString &origin)
    {
        const QList<SqlToken> tokens = tokenizeSql(statement);
        if (tokens.isEmpty())
            return;
        if (tokens.first().isWord("create"_L1))
            readCreate(tokens, origin);
        else if (tokens.first().isWord("drop"_L1))
            readDrop(tokens);
    }

    // Triggers go with their table: DROP TABLE (typed or in SQL) takes them
    // along, and a renamed table keeps them under its new name.
    void tablesChanged(const QStringList &dropped, const QString &renamedTo)
    {
        QStringList keys;
        for (const QString &table : dropped)
            keys << fold(table);
        for (SchemaObject &object : m_objects) {
            if (object.kind == Kind::Trigger && keys.contains(fold(object.table)) && !renamedTo.isEmpty())
                object.table = renamedTo;
        }
        m_objects.removeIf([&](const SchemaObject &o) { return o.kind == Kind::Trigger && keys.contains(fold(o.table)); });
    }

    const QList<SchemaObject> &objects() const { return m_objects; }
    bool hasTriggers() const
    {
        return std::any_of(m_objects.cbegin(), m_objects.cend(), [](const SchemaObject &o) { return o.kind == Kind::Trigger; });
    }
    const QStringList &droppedTables() const { return m_droppedTables; }
    void clearDroppedTables() { m_droppedTables.clear(); }

private:
    QString fold(const QString &name) const { return m_caseInsensitive ? name.toLower() : name; }

    void remove(Kind kind, const QString &name)
    {
        m_objects.removeIf([&](const SchemaObject &o) { return o.kind == kind && fold(o.name) == fold(name); });
    }

    void readCreate(const QList<SqlToken> &tokens, const QString &origin)
    {
        qsizetype i = 1;
        bool temporary = false;
        skipWords(tokens, i, {"or"_L1, "replace"_L1});
        if (i < tokens.size() && (tokens.at(i).isWord("temp"_L1) || tokens.at(i).isWord("temporary"_L1))) {
            temporary = true;
            ++i;
        }
        skipWords(tokens, i, {"materialized"_L1});
        skipWords(tokens, i, {"recursive"_L1});
        skipWords(tokens, i, {"constraint"_L1});
        if (i >= tokens.size())
            return;
        const bool view = tokens.at(i).isWord("view"_L1);
        if (!view && !tokens.at(i).isWord("trigger"_L1))
            return;
        ++i;
        skipWords(tokens, i, {"if"_L1, "not"_L1, "exists"_L1});
        SchemaObject object{view ? Kind::View : Kind::Trigger, nameAt(tokens, i), {}, origin};
        if (object.name.isEmpty() || temporary)
            return;
        if (!view) {
            while (i < tokens.size() && !tokens.at(i).isWord("on"_L1))
                ++i;
            ++i;
            object.table = nameAt(tokens, i);
        }
        remove(object.kind, object.name);
        m_objects << object;
    }

    void readDrop(const QList<SqlToken> &tokens)
    {
        qsizetype i = 1;
        skipWords(tokens, i, {"materialized"_L1});
        if (i >= tokens.size())
            return;
        const SqlToken &what = tokens.at(i++);
        const bool table = what.isWord("table"_L1);
        if (!table && !what.isWord("view"_L1) && !what.isWord("trigger"_L1))
            return;
        skipWords(tokens, i, {"if"_L1, "exists"_L1});
        // DROP VIEW and DROP TABLE take a list of names; DROP TRIGGER one (then ON table).
        do {
            const QString name = nameAt(tokens, i);
            if (name.isEmpty())
                return;
            if (table)
                m_droppedTables << name;
            else
                remove(what.isWord("view"_L1) ? Kind::View : Kind::Trigger, name);
        } while (!what.isWord("trigger"_L1) && i < tokens.size() && tokens.at(i++).isSymbol(","_L1));
    }

    bool m_caseInsensitive;
    QList<SchemaObject> m_objects;
    QStringList m_droppedTables;
};

QString line(const SchemaObject &object, bool added)
{
    const QString on = object.table.isEmpty() ? QString() : u" on '%1'"_s.arg(object.table);
    return added ? u"Detected added %1 '%2'%3 (no applied revision makes it)"_s.arg(object.kindName(), object.name, on)
                 : u"Detected removed %1 '%2'%3 (made at %4)"_s.arg(object.kindName(), object.name, on, object.origin);
}

} // namespace

QString SchemaObject::key(bool caseInsensitive) const
{
    return caseInsensitive ? name.toLower() : name;
}

Result<HistoryObjects> historyObjects(const Project &project, const QStringList &heads, const Dialect &dialect)
{
    const RevisionGraph &graph = project.graph();
    const bool sqlite = dialect.kind() == Dialect::Kind::Sqlite;
    ObjectLedger ledger(sqlite);
    HistoryObjects result;
    Schema schema;
    const auto tableNames = [&schema] {
        QSet<QString> names;
        names.reserve(schema.tables.size());
        for (const Table &table : schema.tables)
            names.insert(table.name);
        return names;
    };
    for (const QString &id : graph.topologicalOrder(graph.ancestorsOf(heads))) {
        const Revision *revision = graph.find(id);
        if (!revision)
            continue;
        const QString file = revision->filePath.isEmpty() ? u"revision "_s + id : revision->filePath;
        if (revision->upgradeData.needed && revision->upgradeData.partial)
            result.complete = false;
        for (const OperationPtr &op : revision->upgrade) {
            if (project.isAlembic() && alembic::isPlaceholder(*op))
                result.complete = false;
            // Only triggers follow their table; without any, no operation needs the table
            // lists compared (which, per operation, made a history of 5,000 tables quadratic).
            const bool tracking = ledger.hasTriggers();
            const QSet<QString> before = tracking ? tableNames() : QSet<QString>();
            if (auto applied = op->apply(schema); !applied)
                return std::unexpected(applied.error().wrappedIn(u"replaying revision %1"_s.arg(id),
                                                                 u"%1:%2"_s.arg(file).arg(op->line)));
            if (const auto *execute = dynamic_cast<const Execute *>(op.get())) {
                for (const SqlStatement &statement : splitSqlStatements(execute->sqlFor(dialect.name())))
                    ledger.read(statement.text, u"%1:%2"_s.arg(file).arg(op->line));
            }
            QStringList dropped = ledger.droppedTables();
            QStringList added;
            if (tracking) {
                const QSet<QString> after = tableNames();
                QStringList gone = QSet<QString>(before).subtract(after).values();
                gone.sort();
                dropped << gone;
                added = QSet<QString>(after).subtract(before).values();
            }
            // One table gone and one come in the same operation: a rename.
            if (!dropped.isEmpty())
                ledger.tablesChanged(dropped, dropped.size() == 1 && added.size() == 1 ? added.first() : QString());
            ledger.clearDroppedTables();
        }
    }
    result.objects = ledger.objects();
    return result;
}

Result<QList<SchemaObject>> liveObjects(Connection &connection, const Project &project)
{
    Result<QList<QVariantList>> rows;
    if (connection.dialect().kind() == Dialect::Kind::Sqlite) {
        rows = connection.select(u"SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('trigger', 'view') "
                                 "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name"_s);
    } else {
        // The schema the introspection reads: the URL's ?schema= (already the
        // connection's search path), else strata.yaml's, else the current one.
        QString schema = connection.url().options.contains(u"schema"_s) ? QString() : project.config().schema;
        if (schema.isEmpty()) {
            auto current = connection.select(u"SELECT current_schema()"_s);
            if (!current)
                return std::unexpected(current.error());
            schema = current->isEmpty() ? QString() : current->first().value(0).toString();
        }
        rows = connection.select(
            u"SELECT 'view', c.relname, '' FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace "
            "WHERE n.nspname = ? AND c.relkind IN ('v', 'm') AND NOT EXISTS (SELECT 1 FROM pg_depend AS d "
            "WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e') "
            "UNION ALL "
            "SELECT 'trigger', t.tgname, c.relname FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid "
            "JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE n.nspname = ? AND NOT t.tgisinternal "
            "AND NOT EXISTS (SELECT 1 FROM pg_depend AS d WHERE d.classid = 'pg_trigger'::regclass "
            "AND d.objid = t.oid AND d.deptype = 'e') ORDER BY 1, 2"_s,
            {schema, schema});
    }
    if (!rows)
        return std::unexpected(rows.error().wrappedIn(u"could not list the database's triggers and views"_s));
    QList<SchemaObject> objects;
    for (const QVariantList &row : *rows) {
        const bool view = row.value(0).toString() == "view"_L1;
        objects << SchemaObject{view ? Kind::View : Kind::Trigger, row.value(1).toString(),
                                view ? QString() : row.value(2).toString(), {}};
    }
    return objects;
}

Result<QStringList> viewTriggerDrift(Connection &connection, const Project &project, const QStringList &heads)
{
    const bool caseInsensitive = connection.dialect().kind() == Dialect::Kind::Sqlite;
    auto known = historyObjects(project, heads, connection.dialect());
    if (!known)
        return std::unexpected(known.error());
    auto live = liveObjects(connection, project);
    if (!live)
        return std::unexpected(live.error());
    const auto holds = [&](const QList<SchemaObject> &list, const SchemaObject &object) {
        return std::ranges::any_of(list, [&](const SchemaObject &o) {
            return o.kind == object.kind && o.key(caseInsensitive) == object.key(caseInsensitive);
        });
    };
    QStringList lines;
    if (known->complete) {
        for (const SchemaObject &object : std::as_const(*live)) {
            if (!holds(known->objects, object))
                lines << line(object, true);
        }
    }
    for (const SchemaObject &object : std::as_const(known->objects)) {
        if (!holds(*live, object))
            lines << line(object, false);
    }
    return lines;
}

} // namespace strata
