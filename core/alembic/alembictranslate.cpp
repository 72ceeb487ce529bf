#include "core/alembic/alembictranslate.h"

#include "core/alembic/alembicoperations_p.h"
#include "core/ops/executeop.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace strata::alembic {

namespace {

class BodyTranslator
{
public:
    explicit BodyTranslator(const AlembicScript &script) : m_script(script) {}

    TranslatedBody run(const QList<PyStatement> &body)
    {
        for (const PyStatement &statement : body)
            translateStatement(statement, {}, {});
        return std::move(m_out);
    }

private:
    void translateStatement(const PyStatement &statement, const QString &batchAlias, const QString &batchTable)
    {
        const QList<PyToken> &tokens = statement.tokens;
        if (tokens.size() == 1 && (tokens.first().isName(u"pass") || tokens.first().kind == PyToken::Kind::String))
            return;   // `pass`, or a docstring
        if (statement.startsWith(u"with") && batchAlias.isEmpty()) {
            batch(statement);
            return;
        }
        qsizetype used = 0;
        const PyValue call = parseExpression(tokens, 0, tokens.size(), &used);
        const QString receiver = call.text.section(u'.', 0, -2);
        const bool isOperation = call.kind == PyValue::Kind::Call && used == tokens.size() && statement.body.isEmpty()
                                 && (receiver == (batchAlias.isEmpty() ? u"op"_s : batchAlias));
        if (!isOperation) {
            placeholder(statement, u"Python code that is not an Alembic operation call"_s);
            return;
        }
        auto ops = translateOperationCall(call, batchTable);
        if (!ops) {
            placeholder(statement, ops.error().message);
            return;
        }
        m_out.operations << *ops;
    }

    // with op.batch_alter_table('t', schema=None) as batch_op: ...
    void batch(const PyStatement &statement)
    {
        const QList<PyToken> &tokens = statement.tokens;
        qsizetype as = tokens.size();
        for (qsizetype i = tokens.size() - 1; i > 0; --i) {
            if (tokens.at(i).isName(u"as"))
                as = i;
        }
        qsizetype used = 0;
        const PyValue call = parseExpression(tokens, 1, as, &used);
        const bool shaped = 1 + used == as && as + 3 == tokens.size() && tokens.at(as + 1).kind == PyToken::Kind::Name
                            && tokens.at(as + 2).isOp(u":");
        auto table = batchTableName(call);
        const bool known = shaped && table.has_value();
        if (!known) {
            placeholder(statement, u"a `with` block other than op.batch_alter_table('table') as name"_s);
            return;
        }
        // Strata's SQLite dialect rebuilds a table whenever ALTER TABLE can't do
        // the change, as batch mode does; on PostgreSQL batch mode is plain ALTERs.
        for (const PyStatement &inner : statement.body)
            translateStatement(inner, tokens.at(as + 1).text, *table);
    }

    void placeholder(const PyStatement &statement, const QString &reason)
    {
        const QString file = QFileInfo(m_script.path).fileName();
        const QString where = u"%1:%2"_s.arg(file).arg(statement.line);
        const QString firstLine = m_script.sourceText(statement.line, statement.line).trimmed();
        m_out.operations << placeholderOperation(
            u"Alembic code at %1 was not translated (%2); translate it by hand"_s.arg(where, firstLine.left(60)));
        m_out.needsHand << u"%1:%2: %3: %4"_s.arg(m_script.path).arg(statement.line).arg(reason, firstLine);
    }

    const AlembicScript &m_script;
    TranslatedBody m_out;
};

} // namespace

OperationPtr placeholderOperation(const QString &message)
{
    QString text = message;
    text.remove(u'\'').remove(u'"').remove(u'$');
    auto op = std::make_shared<Execute>();
    // SQLite has no RAISE outside triggers: a table that can't exist carries the message.
    op->sql = u"SELECT * FROM \"STRATA PLACEHOLDER: %1\""_s.arg(text);
    op->variants.insert(u"postgresql"_s,
                        u"DO $strata$ BEGIN RAISE EXCEPTION 'STRATA PLACEHOLDER: %1'; END $strata$"_s.arg(text));
    return op;
}

bool isPlaceholder(const Operation &op)
{
    const std::optional<QString> sql = op.rawSql();
    return sql && sql->startsWith(u"SELECT * FROM \"STRATA PLACEHOLDER"_s);
}

TranslatedBody translateBody(const AlembicScript &script, const QList<PyStatement> &body)
{
    return BodyTranslator(script).run(body);
}

} // namespace strata::alembic
