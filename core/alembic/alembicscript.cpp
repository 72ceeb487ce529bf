#include "core/alembic/alembicscript.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace strata::alembic {

QString AlembicScript::sourceText(int first, int last) const
{
    return sourceLines.mid(first - 1, last - first + 1).join(u'\n');
}

namespace {

QString at(const QString &path, int line) { return u"%1:%2"_s.arg(path).arg(line); }

// None, a string, or a tuple/list of strings, as a list.
Result<QStringList> identifierList(const PyValue &value, const QString &name, const QString &path, int line)
{
    if (value.kind == PyValue::Kind::None)
        return QStringList();
    if (auto list = value.stringList())
        return *list;
    return fail(Error::Code::Input, u"%1 must be None, a string or a tuple of strings"_s.arg(name), at(path, line),
                u"write it as Alembic does, e.g. %1 = ('1a2b3c4d5e6f', '6f5e4d3c2b1a')"_s.arg(name));
}

void readDocstring(const QString &doc, AlembicScript &script)
{
    QStringList message;
    bool inMessage = true;
    static const QRegularExpression date(u"^Create Date:\\s*(\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d)"_s);
    for (const QString &raw : doc.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.startsWith(u"Revision ID:"_s) || (line.isEmpty() && !message.isEmpty()))
            inMessage = false;
        if (inMessage && !line.isEmpty())
            message << line;
        if (const auto match = date.match(line); match.hasMatch()) {
            QDateTime created = QDateTime::fromString(match.captured(1).replace(u'T', u' '), u"yyyy-MM-dd HH:mm:ss"_s);
            created.setTimeSpec(Qt::UTC);
            script.created = created;
        }
    }
    script.message = message.join(u' ');
}

Status readAssignment(const PyStatement &statement, AlembicScript &script)
{
    const QList<PyToken> &tokens = statement.tokens;
    // NAME = value, or NAME: annotation = value (newer templates).
    qsizetype equals = -1;
    for (qsizetype i = 1; i < tokens.size(); ++i) {
        if (tokens.at(i).isOp(u"=")) {
            equals = i;
            break;
        }
    }
    if (equals < 0 || (equals != 1 && !tokens.at(1).isOp(u":")))
        return {};
    const QString name = tokens.first().text;
    const PyValue value = parseExpression(tokens, equals + 1, tokens.size());
    const int line = statement.line;
    if (name == u"revision"_s) {
        if (value.kind != PyValue::Kind::String || value.formatted || value.text.isEmpty())
            return fail(Error::Code::Input, u"revision must be a plain string"_s, at(script.path, line),
                        u"write it as Alembic does: revision = '1a2b3c4d5e6f'"_s);
        script.revision = value.text;
        script.revisionLine = line;
    } else if (name == u"down_revision"_s) {
        auto list = identifierList(value, name, script.path, line);
        if (!list)
            return std::unexpected(list.error());
        script.downRevisions = *list;
        script.downRevisionLine = line;
    } else if (name == u"branch_labels"_s) {
        auto list = identifierList(value, name, script.path, line);
        if (!list)
            return std::unexpected(list.error());
        script.branchLabels = *list;
    } else if (name == u"depends_on"_s) {
        auto list = identifierList(value, name, script.path, line);
        if (!list)
            return std::unexpected(list.error());
        script.dependsOn = *list;
        script.dependsOnLine = line;
    }
    return {};
}

} // namespace

Result<AlembicScript> parseAlembicScript(const QString &source, const QString &path)
{
    AlembicScript script;
    script.path = path;
    script.sourceLines = source.split(u'\n');
    auto tokens = tokenizePython(source, path);
    if (!tokens)
        return std::unexpected(tokens.error());
    auto statements = parseStatements(*tokens, path);
    if (!statements)
        return std::unexpected(statements.error());
    bool first = true;
    for (const PyStatement &statement : std::as_const(*statements)) {
        const QList<PyToken> &t = statement.tokens;
        if (first && t.size() >= 1 && t.first().kind == PyToken::Kind::String)
            readDocstring(parseExpression(t, 0, t.size()).text, script);
        first = false;
        if (t.size() >= 2 && t.first().isName(u"def") && t.at(1).kind == PyToken::Kind::Name) {
            if (t.at(1).text == u"upgrade"_s) {
                script.upgrade = statement.body;
                script.upgradeLine = statement.line;
            } else if (t.at(1).text == u"downgrade"_s) {
                script.downgrade = statement.body;
                script.downgradeLine = statement.line;
            }
        } else if (t.size() >= 3 && t.first().kind == PyToken::Kind::Name) {
            if (auto ok = readAssignment(statement, script); !ok)
                return std::unexpected(ok.error());
        }
    }
    if (script.revision.isEmpty())
        return fail(Error::Code::Input, u"no `revision = '...'` line: this is not an Alembic revision script"_s,
                    path, u"move the file out of versions/, or add the identifiers Alembic writes"_s);
    return script;
}

Result<AlembicScript> readAlembicScript(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, u"can't read the revision script: %1"_s.arg(file.errorString()), path);
    return parseAlembicScript(QString::fromUtf8(file.readAll()), path);
}

} // namespace strata::alembic
