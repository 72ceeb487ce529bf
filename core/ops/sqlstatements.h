#pragma once

#include <QList>
#include <QString>

namespace strata {

// One statement of an `execute:` text, as written (comments inside it kept,
// the ';' and the blanks and comments around it left out).
struct SqlStatement
{
    QString text;
    int line = 1;       // 1-based line of its first character in the text
};

// Splits SQL text at the ';' that end statements, with the tokenizer rather
// than a regex: a ';' inside a string, a quoted identifier, a comment, a
// PostgreSQL dollar-quoted body or an SQLite trigger's BEGIN ... END does not
// end a statement. Text that holds only blanks and comments gives no statement.
QList<SqlStatement> splitSqlStatements(const QString &sql);

// Why a statement cannot run inside a migration step, or an empty string:
// "transaction control" for BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, END,
// START TRANSACTION, ABORT and PREPARE TRANSACTION (they would end or nest the
// step's own transaction); "outside a transaction" for VACUUM and
// PRAGMA foreign_keys, which do nothing or fail inside one.
enum class StatementRule { Allowed, TransactionControl, OutsideTransaction };
StatementRule statementRule(const QString &statement);

} // namespace strata
