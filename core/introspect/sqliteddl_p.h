#pragma once

#include <QList>
#include <QStringList>

namespace strata {

// What SQLite's pragmas do not tell about a table, read from its CREATE TABLE
// statement as stored in sqlite_master: constraint names, check expressions
// exactly as written, and which column is AUTOINCREMENT.
struct SqliteTableDdl
{
    struct Constraint
    {
        enum class Kind { Unique, ForeignKey, Check };
        Kind kind = Kind::Unique;
        QString name;              // empty when the statement gives none
        QStringList columns;       // unique and foreign key
        QString refTable;          // foreign key
        QString expression;        // check, the text between its parentheses
    };

    QString autoincrementColumn;
    bool withoutRowid = false;     // WITHOUT ROWID: an INTEGER PRIMARY KEY is then an ordinary column
    QList<Constraint> constraints; // table and column constraints, in statement order
};

SqliteTableDdl parseSqliteCreateTable(const QString &sql);

// The predicate of a partial index from its CREATE INDEX statement, as
// written; empty when the index has none.
QString sqliteIndexPredicate(const QString &sql);

} // namespace strata
