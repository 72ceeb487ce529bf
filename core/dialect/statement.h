#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace strata {

// One rendered SQL statement and what it is. The dialect that rendered it
// says the kind once (Dialect::typed), so the runner and the offline writer
// decide by the kind and never read the SQL text.
struct Statement
{
    enum class Kind {
        Schema,              // DDL, and the row copy inside a table rebuild
        TableRebuild,        // opens a table rebuild (SQLite): creates the new copy of `table`
        ForeignKeyCheck,     // a query whose rows are references pointing at nothing
        Setting,             // a connection setting (SQLite's PRAGMA foreign_keys)
        Data,                // rows of Strata's own tables: version moves, history
    };

    // From a bare string: a schema statement, what most operations render.
    Statement(QString text = {}, Kind what = Kind::Schema, QString on = {})
        : sql(std::move(text)), kind(what), table(std::move(on))
    {
    }

    QString sql;         // without a trailing ';'
    Kind kind = Kind::Schema;
    QString table;       // TableRebuild, ForeignKeyCheck: the table; else empty
};

using StatementList = QList<Statement>;

} // namespace strata
