#include "core/alembic/pythonsyntax_p.h"

using namespace Qt::StringLiterals;

namespace strata::alembic {

using Kind = PyToken::Kind;

const PyValue *PyValue::keyword(QStringView name) const
{
    for (const auto &[key, value] : keywords) {
        if (key == name)
            return &value;
    }
    return nullptr;
}

const PyValue *PyValue::argument(qsizetype i, QStringView name) const
{
    if (i >= 0 && i < items.size())
        return &items.at(i);
    return keyword(name);
}

std::optional<QStringList> PyValue::stringList() const
{
    if (kind == Kind::String && !formatted)
        return QStringList{text};
    if (kind != Kind::List && kind != Kind::Tuple)
        return std::nullopt;
    QStringList out;
    for (const PyValue &item : items) {
        if (item.kind != Kind::String || item.formatted)
            return std::nullopt;
        out << item.text;
    }
    return out;
}

namespace {

class ExpressionParser
{
public:
    ExpressionParser(const QList<PyToken> &tokens, qsizetype from, qsizetype to)
        : m_tokens(tokens), m_pos(from), m_end(to) {}

    qsizetype position() const { return m_pos; }

    // expression := primary, and anything after it up to a separator makes it Other.
    PyValue expression()
    {
        PyValue value = primary();
        if (!atSeparator()) {
            value.kind = PyValue::Kind::Other;
            skipToSeparator();
        }
        return value;
    }

private:
    const PyToken *current() const { return m_pos < m_end ? &m_tokens.at(m_pos) : nullptr; }
    bool atOp(QStringView op) const { return current() && current()->isOp(op); }
    bool atSeparator() const
    {
        const PyToken *t = current();
        return !t || t->kind == Kind::Newline
               || (t->kind == Kind::Op && (t->text == u","_s || t->text == u")"_s || t->text == u"]"_s
                                           || t->text == u"}"_s || t->text == u":"_s || t->text == u"="_s));
    }
    void skipToSeparator()
    {
        int depth = 0;
        while (const PyToken *t = current()) {
            if (t->kind == Kind::Op && (t->text == u"("_s || t->text == u"["_s || t->text == u"{"_s))
                ++depth;
            else if (depth > 0 && t->kind == Kind::Op && (t->text == u")"_s || t->text == u"]"_s || t->text == u"}"_s))
                --depth;
            else if (depth == 0 && atSeparator())
                return;
            ++m_pos;
        }
    }

    PyValue other(int line)
    {
        PyValue v;
        v.line = line;
        skipToSeparator();
        return v;
    }

    PyValue primary()
    {
        const PyToken *t = current();
        if (!t)
            return {};
        PyValue value;
        value.line = t->line;
        if (t->kind == Kind::String) {
            value.kind = PyValue::Kind::String;
            while (current() && current()->kind == Kind::String) {   // "a" "b" is one string
                value.text += current()->text;
                value.formatted = value.formatted || current()->formatted || current()->bytes;
                ++m_pos;
            }
        } else if (t->kind == Kind::Number || (t->isOp(u"-") && m_pos + 1 < m_end
                                                 && m_tokens.at(m_pos + 1).kind == Kind::Number)) {
            value.kind = PyValue::Kind::Number;
            if (t->isOp(u"-")) {
                value.text = u"-"_s;
                ++m_pos;
            }
            value.text += current()->text;
            ++m_pos;
        } else if (t->kind == Kind::Name) {
            ++m_pos;
            if (t->text == u"None"_s) {
                value.kind = PyValue::Kind::None;
            } else if (t->text == u"True"_s || t->text == u"False"_s) {
                value.kind = PyValue::Kind::Bool;
                value.boolean = t->text == u"True"_s;
            } else {
                value.kind = PyValue::Kind::Name;
                value.text = t->text;
                while (atOp(u".") && m_pos + 1 < m_end && m_tokens.at(m_pos + 1).kind == Kind::Name) {
                    value.text += u'.' + m_tokens.at(m_pos + 1).text;
                    m_pos += 2;
                }
                if (atOp(u"("))
                    return call(std::move(value));
            }
        } else if (t->isOp(u"(") || t->isOp(u"[") || t->isOp(u"{")) {
            return sequence();
        } else {
            return other(t->line);
        }
        return value;
    }

    // name(args): positional then keyword arguments; *args and **kwargs make it Other.
    PyValue call(PyValue callee)
    {
        callee.kind = PyValue::Kind::Call;
        ++m_pos;   // (
        while (current() && !atOp(u")")) {
            if (atOp(u"*") || atOp(u"**"))
                return other(callee.line);
            const PyToken *t = current();
            if (t->kind == Kind::Name && m_pos + 1 < m_end && m_tokens.at(m_pos + 1).isOp(u"=")) {
                m_pos += 2;
                callee.keywords.append({t->text, expression()});
            } else {
                callee.items << expression();
            }
            if (atOp(u","))
                ++m_pos;
            else if (!atOp(u")"))
                return other(callee.line);
        }
        if (!atOp(u")"))
            return other(callee.line);
        ++m_pos;
        // A call on a call's result (sa.String(50).with_variant(...)) is beyond this reader.
        if (atOp(u".") || atOp(u"(") || atOp(u"["))
            return other(callee.line);
        return callee;
    }

    PyValue sequence()
    {
        const PyToken *open = current();
        PyValue value;
        value.line = open->line;
        const QString close = open->text == u"("_s ? u")"_s : open->text == u"["_s ? u"]"_s : u"}"_s;
        value.kind = open->text == u"("_s ? PyValue::Kind::Tuple
                     : open->text == u"["_s ? PyValue::Kind::List : PyValue::Kind::Dict;
        ++m_pos;
        bool sawComma = false;
        while (current() && !atOp(close)) {
            value.items << expression();
            if (value.kind == PyValue::Kind::Dict) {
                if (!atOp(u":"))
                    return other(value.line);
                ++m_pos;
                value.items << expression();
            }
            if (atOp(u",")) {
                sawComma = true;
                ++m_pos;
            } else if (!atOp(close)) {
                return other(value.line);
            }
        }
        if (!atOp(close))
            return other(value.line);
        ++m_pos;
        // (x) is x, not a tuple.
        if (value.kind == PyValue::Kind::Tuple && value.items.size() == 1 && !sawComma)
            return value.items.first();
        return value;
    }

    const QList<PyToken> &m_tokens;
    qsizetype m_pos;
    qsizetype m_end;
};

class StatementParser
{
public:
    StatementParser(const QList<PyToken> &tokens, const QString &file) : m_tokens(tokens), m_file(file) {}

    Result<QList<PyStatement>> block(bool nested)
    {
        QList<PyStatement> statements;
        while (m_pos < m_tokens.size()) {
            const PyToken &t = m_tokens.at(m_pos);
            if (t.kind == Kind::End)
                break;
            if (t.kind == Kind::Dedent) {
                if (nested) {
                    ++m_pos;
                    return statements;
                }
                ++m_pos;
                continue;
            }
            if (t.kind == Kind::Indent)
                return fail(Error::Code::Input, u"unexpected indent"_s, u"%1:%2"_s.arg(m_file).arg(t.line),
                            u"indent only the lines of a block, after a line ending in ':'"_s);
            PyStatement statement;
            statement.line = t.line;
            while (m_pos < m_tokens.size() && m_tokens.at(m_pos).kind != Kind::Newline
                   && m_tokens.at(m_pos).kind != Kind::End)
                statement.tokens << m_tokens.at(m_pos++);
            statement.lastLine = statement.tokens.isEmpty() ? t.line : statement.tokens.last().line;
            if (m_pos < m_tokens.size() && m_tokens.at(m_pos).kind == Kind::Newline)
                ++m_pos;
            if (m_pos < m_tokens.size() && m_tokens.at(m_pos).kind == Kind::Indent) {
                ++m_pos;
                auto body = block(true);
                if (!body)
                    return std::unexpected(body.error());
                statement.body = std::move(*body);
                if (!statement.body.isEmpty())
                    statement.lastLine = statement.body.last().lastLine;
            }
            statements << std::move(statement);
        }
        return statements;
    }

private:
    const QList<PyToken> &m_tokens;
    const QString &m_file;
    qsizetype m_pos = 0;
};

} // namespace

Result<QList<PyStatement>> parseStatements(const QList<PyToken> &tokens, const QString &file)
{
    return StatementParser(tokens, file).block(false);
}

PyValue parseExpression(const QList<PyToken> &tokens, qsizetype from, qsizetype to, qsizetype *used)
{
    ExpressionParser parser(tokens, from, to);
    PyValue value = parser.expression();
    if (used)
        *used = parser.position() - from;
    return value;
}

} // namespace strata::alembic
