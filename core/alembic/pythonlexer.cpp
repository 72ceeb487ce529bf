#include "core/alembic/pythonlexer_p.h"

using namespace Qt::StringLiterals;

namespace strata::alembic {

namespace {

bool isNameStart(QChar c) { return c.isLetter() || c == u'_'; }
bool isNameChar(QChar c) { return c.isLetterOrNumber() || c == u'_'; }

class Lexer
{
public:
    Lexer(const QString &source, const QString &file) : m_src(source), m_file(file) {}

    Result<QList<PyToken>> run()
    {
        while (m_pos < m_src.size()) {
            if (m_atLineStart && m_depth == 0) {
                if (auto ok = indentation(); !ok)
                    return std::unexpected(ok.error());
                if (m_pos >= m_src.size())
                    break;
            }
            const QChar c = m_src.at(m_pos);
            if (c == u'\n') {
                if (m_depth == 0 && m_lineHasTokens)
                    push(PyToken::Kind::Newline, u"\n"_s, m_line, column());
                newLine();
            } else if (c == u' ' || c == u'\t' || c == u'\r' || c == u'\f') {
                ++m_pos;
            } else if (c == u'#') {
                while (m_pos < m_src.size() && m_src.at(m_pos) != u'\n')
                    ++m_pos;
            } else if (c == u'\\' && (peek(1) == u'\n' || (peek(1) == u'\r' && peek(2) == u'\n'))) {
                m_pos += peek(1) == u'\r' ? 3 : 2;      // explicit line joining
                ++m_line;
                m_lineStart = m_pos;
            } else if (auto prefix = stringPrefixLength(); prefix >= 0) {
                if (auto ok = string(prefix); !ok)
                    return std::unexpected(ok.error());
            } else if (isNameStart(c)) {
                const int col = column();
                const qsizetype start = m_pos;
                while (m_pos < m_src.size() && isNameChar(m_src.at(m_pos)))
                    ++m_pos;
                push(PyToken::Kind::Name, m_src.mid(start, m_pos - start), m_line, col);
            } else if (c.isDigit() || (c == u'.' && peek(1).isDigit())) {
                const int col = column();
                const qsizetype start = m_pos;
                while (m_pos < m_src.size()
                       && (m_src.at(m_pos).isLetterOrNumber() || m_src.at(m_pos) == u'.' || m_src.at(m_pos) == u'_'
                           || ((m_src.at(m_pos) == u'+' || m_src.at(m_pos) == u'-')
                               && (m_src.at(m_pos - 1) == u'e' || m_src.at(m_pos - 1) == u'E'))))
                    ++m_pos;
                push(PyToken::Kind::Number, m_src.mid(start, m_pos - start), m_line, col);
            } else {
                operatorToken();
            }
        }
        if (m_lineHasTokens)
            push(PyToken::Kind::Newline, u"\n"_s, m_line, column());
        while (m_indents.size() > 1) {
            m_indents.removeLast();
            push(PyToken::Kind::Dedent, {}, m_line, 1);
        }
        push(PyToken::Kind::End, {}, m_line, 1);
        return m_tokens;
    }

private:
    QChar peek(qsizetype ahead) const
    {
        return m_pos + ahead < m_src.size() ? m_src.at(m_pos + ahead) : QChar();
    }
    int column() const { return int(m_pos - m_lineStart) + 1; }
    QString where(int line, int col) const { return u"%1:%2:%3"_s.arg(m_file).arg(line).arg(col); }

    void push(PyToken::Kind kind, QString text, int line, int col)
    {
        PyToken token;
        token.kind = kind;
        token.text = std::move(text);
        token.line = line;
        token.column = col;
        m_tokens << token;
        m_lineHasTokens = kind != PyToken::Kind::Newline;
    }

    void newLine()
    {
        ++m_pos;
        ++m_line;
        m_lineStart = m_pos;
        if (m_depth == 0)
            m_atLineStart = true;
    }

    // Measures the indentation of a line and emits INDENT/DEDENT; blank and
    // comment-only lines do not count.
    Status indentation()
    {
        int width = 0;
        while (m_pos < m_src.size() && (m_src.at(m_pos) == u' ' || m_src.at(m_pos) == u'\t')) {
            width = m_src.at(m_pos) == u'\t' ? (width / 8 + 1) * 8 : width + 1;
            ++m_pos;
        }
        if (m_pos >= m_src.size())
            return {};
        const QChar c = m_src.at(m_pos);
        if (c == u'\n' || c == u'#' || c == u'\r')
            return {};    // the main loop skips it; this line leaves no token
        m_atLineStart = false;
        if (width > m_indents.last()) {
            m_indents << width;
            push(PyToken::Kind::Indent, {}, m_line, column());
            m_lineHasTokens = false;
            return {};
        }
        while (width < m_indents.last()) {
            m_indents.removeLast();
            push(PyToken::Kind::Dedent, {}, m_line, column());
            m_lineHasTokens = false;
        }
        if (width != m_indents.last())
            return fail(Error::Code::Input, u"the indentation does not match any outer level"_s,
                        where(m_line, column()), u"indent the line like the block it belongs to"_s);
        return {};
    }

    // The length of a string prefix (r, b, u, f and pairs) before a quote at m_pos, or -1.
    qsizetype stringPrefixLength() const
    {
        qsizetype n = 0;
        while (n < 2 && m_pos + n < m_src.size() && u"rRbBuUfF"_s.contains(m_src.at(m_pos + n)))
            ++n;
        for (qsizetype len = n; len >= 0; --len) {
            const QChar q = peek(len);
            if (q == u'\'' || q == u'"')
                return len;
        }
        return -1;
    }

    Status string(qsizetype prefixLength)
    {
        const int line = m_line;
        const int col = column();
        const QString prefix = m_src.mid(m_pos, prefixLength).toLower();
        m_pos += prefixLength;
        const QChar quote = m_src.at(m_pos);
        const bool triple = peek(1) == quote && peek(2) == quote;
        m_pos += triple ? 3 : 1;
        const bool raw = prefix.contains(u'r');
        QString value;
        while (true) {
            if (m_pos >= m_src.size() || (!triple && m_src.at(m_pos) == u'\n'))
                return fail(Error::Code::Input, u"a string starts here and never ends"_s, where(line, col),
                            u"close it with the same quote it opened with"_s);
            const QChar c = m_src.at(m_pos);
            if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
                m_pos += triple ? 3 : 1;
                break;
            }
            if (c == u'\n') {
                value += c;
                ++m_pos;
                ++m_line;
                m_lineStart = m_pos;
                continue;
            }
            if (c == u'\\') {
                escape(raw, value);
                continue;
            }
            value += c;
            ++m_pos;
        }
        push(PyToken::Kind::String, value, line, col);
        m_tokens.last().formatted = prefix.contains(u'f');
        m_tokens.last().bytes = prefix.contains(u'b');
        return {};
    }

    void escape(bool raw, QString &value)
    {
        const QChar next = peek(1);
        if (next == u'\n') {          // a backslash-newline continues the string
            if (raw)
                value += u"\\\n"_s;
            m_pos += 2;
            ++m_line;
            m_lineStart = m_pos;
            return;
        }
        if (raw) {
            value += u'\\';
            if (!next.isNull())
                value += next;
            m_pos += 2;
            return;
        }
        static const QString from = u"ntr0\\'\"abfv"_s;
        static const QString to = u"\n\t\r"_s + QChar(0) + u"\\'\""_s + QChar(7) + QChar(8) + QChar(12) + QChar(11);
        if (const qsizetype i = from.indexOf(next); i >= 0) {
            value += to.at(i);
            m_pos += 2;
        } else if (next == u'x' || next == u'u') {
            const int digits = next == u'x' ? 2 : 4;
            bool ok = false;
            const uint code = m_src.mid(m_pos + 2, digits).toUInt(&ok, 16);
            value += ok ? QChar(code) : next;
            m_pos += ok ? 2 + digits : 2;
        } else {
            value += u'\\';        // an unknown escape stays as written, as in Python
            ++m_pos;
        }
    }

    void operatorToken()
    {
        static const QStringList threes{u"**="_s, u"//="_s, u">>="_s, u"<<="_s, u"..."_s};
        static const QStringList twos{u"**"_s, u"//"_s, u"=="_s, u"!="_s, u"<="_s, u">="_s, u"->"_s, u":="_s,
                                      u"+="_s, u"-="_s, u"*="_s, u"/="_s, u"%="_s, u"&="_s, u"|="_s, u"^="_s,
                                      u"<<"_s, u">>"_s};
        const int col = column();
        QString text = m_src.mid(m_pos, 3);
        if (!threes.contains(text)) {
            text = m_src.mid(m_pos, 2);
            if (!twos.contains(text))
                text = m_src.mid(m_pos, 1);
        }
        m_pos += text.size();
        if (text == u"("_s || text == u"["_s || text == u"{"_s)
            ++m_depth;
        else if ((text == u")"_s || text == u"]"_s || text == u"}"_s) && m_depth > 0)
            --m_depth;
        push(PyToken::Kind::Op, text, m_line, col);
    }

    const QString &m_src;
    const QString &m_file;
    QList<PyToken> m_tokens;
    QList<int> m_indents{0};
    qsizetype m_pos = 0;
    qsizetype m_lineStart = 0;
    int m_line = 1;
    int m_depth = 0;
    bool m_atLineStart = true;
    bool m_lineHasTokens = false;
};

} // namespace

Result<QList<PyToken>> tokenizePython(const QString &source, const QString &file)
{
    return Lexer(source, file).run();
}

} // namespace strata::alembic
