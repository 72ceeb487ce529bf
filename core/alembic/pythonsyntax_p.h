#pragma once

#include "core/alembic/pythonlexer_p.h"

#include <QStringList>

#include <optional>

namespace strata::alembic {

// A Python expression as far as a migration script needs it: literals,
// dotted names, calls with positional and keyword arguments, tuples, lists.
// Anything else (arithmetic, subscripts, lambdas, comprehensions) is Other:
// its source line is kept, its meaning is not guessed.
struct PyValue
{
    enum class Kind { None, Bool, Number, String, Name, Call, Tuple, List, Dict, Other };

    Kind kind = Kind::Other;
    QString text;                 // String: the value; Name/Call: the dotted name; Number: as written
    bool boolean = false;
    bool formatted = false;       // a String from an f-string
    QList<PyValue> items;         // Call: positional arguments; Tuple/List: items; Dict: key, value, key, ...
    QList<std::pair<QString, PyValue>> keywords;   // Call: keyword arguments, in order
    int line = 0;

    bool isCall(QStringView name) const { return kind == Kind::Call && text == name; }
    // The keyword argument of that name, or nullptr.
    const PyValue *keyword(QStringView name) const;
    // The positional argument i, else the keyword argument of that name, or nullptr.
    const PyValue *argument(qsizetype i, QStringView name) const;
    // A string, or a list/tuple of strings, as a list; nullopt for anything else.
    std::optional<QStringList> stringList() const;
};

// One logical line, with the block under it when it ends with ':'.
struct PyStatement
{
    QList<PyToken> tokens;        // without the NEWLINE
    QList<PyStatement> body;
    int line = 0;
    int lastLine = 0;             // the last line of the statement, its block included

    bool startsWith(QStringView name) const { return !tokens.isEmpty() && tokens.first().isName(name); }
};

// Splits a token stream into statements and blocks.
Result<QList<PyStatement>> parseStatements(const QList<PyToken> &tokens, const QString &file);

// Parses tokens[from, to) as one expression; a value of Kind::Other when it
// is more than this reader follows. `used` gets how many tokens it took.
PyValue parseExpression(const QList<PyToken> &tokens, qsizetype from, qsizetype to, qsizetype *used = nullptr);

} // namespace strata::alembic
