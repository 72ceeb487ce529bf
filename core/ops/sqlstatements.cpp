#include "core/ops/sqlstatements.h"

#include "core/dialect/sqltokens.h"

using namespace Qt::StringLiterals;

namespace strata {

QList<SqlStatement> splitSqlStatements(const QString &sql)
{
    const QList<SqlToken> tokens = tokenizeSql(sql);
    QList<SqlStatement> statements;
    qsizetype first = -1;       // token that starts the current statement
    bool create = false;        // it is a CREATE ...: its body may hold ';'
    int depth = 0;              // BEGIN/CASE ... END inside that body
    int parentheses = 0;        // PostgreSQL's CREATE RULE ... DO (a; b)
    const auto finish = [&](qsizetype endOffset) {
        if (first < 0)
            return;
        const qsizetype begin = tokens.at(first).begin;
        statements << SqlStatement{sql.mid(begin, endOffset - begin).trimmed(),
                                   int(QStringView(sql).left(begin).count(u'\n')) + 1};
        first = -1;
    };
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const SqlToken &token = tokens.at(i);
        if (token.isSymbol("("_L1))
            ++parentheses;
        else if (token.isSymbol(")"_L1) && parentheses > 0)
            --parentheses;
        if (token.isSymbol(";"_L1) && depth == 0 && parentheses == 0) {
            finish(token.begin);
            continue;
        }
        if (first < 0) {
            first = i;
            create = token.isWord("CREATE"_L1);
            depth = 0;
            parentheses = token.isSymbol("("_L1) ? 1 : 0;
        }
        if (!create)
            continue;
        if (token.isWord("BEGIN"_L1) || (depth > 0 && token.isWord("CASE"_L1)))
            ++depth;
        else if (depth > 0 && token.isWord("END"_L1))
            --depth;
    }
    finish(sql.size());
    return statements;
}

StatementRule statementRule(const QString &statement)
{
    const QList<SqlToken> tokens = tokenizeSql(statement);
    if (tokens.isEmpty())
        return StatementRule::Allowed;
    const SqlToken &head = tokens.first();
    const auto second = [&tokens](QLatin1StringView word) { return tokens.size() > 1 && tokens.at(1).isWord(word); };
    for (const auto keyword : {"BEGIN"_L1, "COMMIT"_L1, "ROLLBACK"_L1, "SAVEPOINT"_L1, "RELEASE"_L1, "END"_L1,
                               "ABORT"_L1}) {
        if (head.isWord(keyword))
            return StatementRule::TransactionControl;
    }
    if ((head.isWord("START"_L1) || head.isWord("PREPARE"_L1)) && second("TRANSACTION"_L1))
        return StatementRule::TransactionControl;
    if (head.isWord("VACUUM"_L1))
        return StatementRule::OutsideTransaction;
    // PRAGMA foreign_keys, PRAGMA main.foreign_keys.
    if (head.isWord("PRAGMA"_L1)) {
        const qsizetype name = tokens.size() > 3 && tokens.at(2).isSymbol("."_L1) ? 3 : 1;
        if (tokens.size() > name && tokens.at(name).isName()
            && tokens.at(name).text.compare("foreign_keys"_L1, Qt::CaseInsensitive) == 0)
            return StatementRule::OutsideTransaction;
    }
    return StatementRule::Allowed;
}

} // namespace strata
