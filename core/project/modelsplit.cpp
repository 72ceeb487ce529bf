#include "core/project/modelsplit.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

qsizetype indentOf(const QByteArray &line)
{
    qsizetype n = 0;
    while (n < line.size() && line.at(n) == ' ')
        ++n;
    return n;
}

bool isBlankOrComment(const QByteArray &line)
{
    const qsizetype n = indentOf(line);
    return n == line.size() || line.at(n) == '#';
}

} // namespace

std::optional<QList<QByteArray>> splitModelTables(const QByteArray &text)
{
    // Characters that can give a node a meaning beyond its own piece
    // (anchors, aliases, tags) or lines a piece cannot be cut around; some
    // may sit inside quoted text, which then only costs the fast path.
    for (const char c : {'&', '*', '!', '\t', '\r', '%'}) {
        if (text.contains(c))
            return std::nullopt;
    }
    static const QRegularExpression tablesLine(u"^tables:\\s*(#.*)?$"_s);
    static const QRegularExpression keyLine(
        u"^ +([A-Za-z0-9_][A-Za-z0-9_.$-]*|\"[^\"\\\\]*\"|'[^']*') *:( .*)?$"_s);
    const QList<QByteArray> lines = text.split('\n');
    qsizetype i = 0;
    for (; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith('#') || line.trimmed().isEmpty())
            continue;
        if (!tablesLine.match(QString::fromUtf8(line)).hasMatch())
            return std::nullopt;
        break;
    }
    QList<QByteArray> pieces;
    qsizetype indent = -1;
    for (++i; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (isBlankOrComment(line)) {
            if (!pieces.isEmpty())
                pieces.last() += line + '\n';
            continue;
        }
        const qsizetype n = indentOf(line);
        if (indent < 0)
            indent = n;
        if (n == 0 || n < indent || line.startsWith("---") || line.startsWith("..."))
            return std::nullopt;
        if (n == indent) {
            if (!keyLine.match(QString::fromUtf8(line)).hasMatch())
                return std::nullopt;
            pieces.append(QByteArray());
        }
        pieces.last() += line + '\n';
    }
    if (pieces.isEmpty())
        return std::nullopt;
    return pieces;
}

} // namespace strata
