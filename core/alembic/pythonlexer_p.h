#pragma once

#include "core/error.h"

#include <QList>
#include <QString>

namespace strata::alembic {

// One token of Python source, enough of the language to read what Alembic
// writes: names, numbers, strings (all prefixes and quotes, triple-quoted
// too), operators, and the logical-line structure (NEWLINE, INDENT, DEDENT).
// Comments and blank lines leave no token; inside brackets lines join.
struct PyToken
{
    enum class Kind { Name, Number, String, Op, Newline, Indent, Dedent, End };

    Kind kind = Kind::End;
    QString text;             // a String's decoded value; the source text otherwise
    int line = 0;             // 1-based
    int column = 0;           // 1-based
    bool formatted = false;   // an f-string: its value depends on running Python
    bool bytes = false;       // a b'' literal

    bool is(Kind k, QStringView t) const { return kind == k && text == t; }
    bool isOp(QStringView t) const { return is(Kind::Op, t); }
    bool isName(QStringView t) const { return is(Kind::Name, t); }
};

// Tokenizes a whole module. Errors (an unterminated string, a bad dedent)
// carry "file:line:col".
Result<QList<PyToken>> tokenizePython(const QString &source, const QString &file);

} // namespace strata::alembic
