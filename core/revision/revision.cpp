#include "revision.h"

#include "core/ops/yamlbounds.h"
#include "core/ops/executeop.h"
#include "core/ops/yamlread.h"
#include "core/revision/lintignore.h"

#include <yaml-cpp/yaml.h>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <optional>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

constexpr std::initializer_list<const char *> kRevisionKeys = {
    "revision", "down_revision", "message", "created", "branch_labels",
    "depends_on", "transactional", "upgrade", "downgrade", "lint_ignore"};

// Ids and labels appear in targets ("REV+1", "LABEL@head") and in a
// VARCHAR(32) column, so they keep to characters those forms can't confuse.
const QRegularExpression &nameSyntax()
{
    static const QRegularExpression re(u"^[A-Za-z0-9_.\\-]{1,32}$"_s);
    return re;
}

Status checkName(const YAML::Node &node, const QString &name, const QString &what, const QString &file)
{
    // A leading '.' would make "." or ".." (a folder, not a file) or a hidden
    // file that the next listing skips.
    if (nameSyntax().match(name).hasMatch() && !name.startsWith(u'.'))
        return {};
    return std::unexpected(yaml::inputError(
        node, file, u"%1 '%2' is not a valid name"_s.arg(what, yaml::shown(name)),
        u"use 1 to 32 letters, digits, '_', '-' or '.', not starting with '.'"_s));
}

Result<QString> readId(const YAML::Node &root, const QString &file)
{
    const YAML::Node node = root["revision"];
    if (!node || node.IsNull())
        return std::unexpected(yaml::inputError(
            root, file, u"missing 'revision'; expected the revision id, e.g. `revision: 3f2a9c1b7d10`"_s));
    if (!node.IsScalar())
        return std::unexpected(yaml::inputError(
            node, file, u"expected the revision id as text for 'revision', found %1"_s.arg(yaml::describeNode(node)),
            u"one revision per file: write `revision: 3f2a9c1b7d10`; a merge lists its parents in down_revision"_s));
    // The scalar's text as written: "0123" and "1234e5" stay ids, not numbers.
    const QString id = yaml::toQString(node);
    if (auto ok = checkName(node, id, u"revision id"_s, file); !ok)
        return std::unexpected(ok.error());
    return id;
}

Result<QStringList> readParents(const YAML::Node &root, const QString &file)
{
    if (!root["down_revision"])
        return std::unexpected(yaml::inputError(
            root, file, u"missing 'down_revision'; expected the parent revision id, a list of ids for a merge, "
                        "or null for a first revision"_s,
            u"write `down_revision: null` if this revision starts from an empty database"_s));
    auto parents = yaml::stringList(root, "down_revision", file);
    if (!parents)
        return parents;
    if (parents->removeDuplicates() > 0)
        return std::unexpected(yaml::inputError(root["down_revision"], file,
                                                u"down_revision names the same revision twice"_s));
    return parents;
}

Result<QDateTime> readCreated(const YAML::Node &root, const QString &file)
{
    const YAML::Node node = root["created"];
    if (!node || node.IsNull())
        return QDateTime();
    const QString text = node.IsScalar() ? yaml::toQString(node) : QString();
    const QDateTime created = QDateTime::fromString(text, Qt::ISODate);
    if (!created.isValid())
        return std::unexpected(yaml::inputError(
            node, file, u"expected an ISO-8601 date and time for 'created', e.g. 2026-11-23T10:00:00Z"_s));
    return created;
}

Result<OperationList> readOperations(const YAML::Node &root, const char *key, const QString &file)
{
    const YAML::Node list = root[key];
    OperationList ops;
    if (!list || list.IsNull())
        return ops;
    if (!list.IsSequence())
        return std::unexpected(yaml::inputError(
            list, file, u"expected a list of operations under '%1', one `- kind: ...` item each"_s
                            .arg(QLatin1StringView(key)),
            u"write `%1: []` for none"_s.arg(QLatin1StringView(key))));
    for (const YAML::Node &item : list) {
        auto op = parseOperation(item, file);
        if (!op)
            return std::unexpected(op.error());
        ops << *op;
    }
    return ops;
}

int lineOf(const YAML::Node &map, const char *key)
{
    const YAML::Node value = map[key];
    return value && !value.Mark().is_null() ? value.Mark().line + 1 : 0;
}

Result<Revision> readRevision(const YAML::Node &root, const QString &file)
{
    if (!root.IsMap())
        return std::unexpected(yaml::inputError(
            root, file, u"expected a revision: a mapping with 'revision', 'down_revision' and 'upgrade'"_s,
            root.IsNull() ? u"the file is empty; write the revision's keys, or delete the file"_s
                          : u"start the file with `revision: <id>` and `down_revision: <parent id or null>` "
                            "at the left margin, not as list items"_s));
    if (auto ok = yaml::onlyKeys(root, kRevisionKeys, u"a revision file"_s, file); !ok)
        return std::unexpected(ok.error());

    // Fields in file order, so the first error reported is the first in the file.
    Revision r;
    auto id = readId(root, file);
    if (!id)
        return std::unexpected(id.error());
    r.id = *id;
    auto parents = readParents(root, file);
    if (!parents)
        return std::unexpected(parents.error());
    r.downRevisions = *parents;
    auto message = yaml::optionalString(root, "message", file);
    if (!message)
        return std::unexpected(message.error());
    r.message = *message;
    auto created = readCreated(root, file);
    if (!created)
        return std::unexpected(created.error());
    r.created = *created;
    auto labels = yaml::stringList(root, "branch_labels", file);
    if (!labels)
        return std::unexpected(labels.error());
    for (const QString &label : *labels) {
        if (auto ok = checkName(root["branch_labels"], label, u"branch label"_s, file); !ok)
            return std::unexpected(ok.error());
    }
    r.branchLabels = *labels;
    auto depends = yaml::stringList(root, "depends_on", file);
    if (!depends)
        return std::unexpected(depends.error());
    r.dependsOn = *depends;
    r.idLine = lineOf(root, "revision");
    r.downRevisionLine = lineOf(root, "down_revision");
    r.dependsOnLine = lineOf(root, "depends_on");
    auto transactional = yaml::optionalBool(root, "transactional", file, true);
    if (!transactional)
        return std::unexpected(transactional.error());
    r.transactional = *transactional;
    if (auto ignored = readLintIgnore(root, file); !ignored)
        return std::unexpected(ignored.error());

    auto upgrade = readOperations(root, "upgrade", file);
    if (!upgrade)
        return std::unexpected(upgrade.error());
    auto downgrade = readOperations(root, "downgrade", file);
    if (!downgrade)
        return std::unexpected(downgrade.error());
    r.upgrade = *upgrade;
    r.downgrade = *downgrade;
    for (const OperationList *ops : {&r.upgrade, &r.downgrade}) {
        for (const OperationPtr &op : *ops) {
            if (auto allowed = op->checkInRevision(r.transactional, file); !allowed)
                return std::unexpected(allowed.error());
        }
    }
    return r;
}

// --- writing -------------------------------------------------------------

constexpr qsizetype kMaxFlowLength = 100;

// Text another YAML reader would take for a number, boolean, null or date
// gets quotes, so the file means the same to every tool.
bool looksTyped(const QString &text)
{
    static const QRegularExpression re(
        u"^(|~|null|true|false|yes|no|y|n|on|off"
        "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])*"
        "|[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
        "|0x[0-9a-f_]+|0o[0-7]+|0b[01_]+|[-+]?\\.(inf|nan)"
        "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re.match(text).hasMatch();
}

// Flags like `primary_key: true` stay plain; a default is SQL text, where
// "false" or "3" is meant as written, so it keeps its quotes.
void emitScalar(YAML::Emitter &out, const QString &text, bool inFlow, const std::string &key = {})
{
    const bool flag = (text == u"true"_s || text == u"false"_s) && key != "default";
    // A "|" block reads back with exactly one final newline; other multi-line
    // text keeps its exact bytes in a quoted string.
    const bool literal = text.endsWith(u'\n') && !text.endsWith(u"\n\n"_s) && !text.startsWith(u' ')
                         && !text.startsWith(u'\n');
    if (!inFlow && literal) {
        // The block's own line break stands for the final newline.
        out << YAML::Literal << text.chopped(1).toStdString();
        return;
    }
    if (text.contains(u'\n') || (!flag && looksTyped(text)))
        out << YAML::DoubleQuoted;
    out << text.toStdString();
}

// Flow style can't hold a literal block, so a multi-line string forces block style.
bool singleLine(const YAML::Node &node)
{
    if (node.IsScalar())
        return node.Scalar().find('\n') == std::string::npos;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!singleLine(node.IsMap() ? it->second : *it))
            return false;
    }
    return true;
}

// A collection goes on one line when it holds only scalars or lists of
// scalars: a column, an index, a foreign key.
bool flowable(const YAML::Node &node, int depth = 0)
{
    if (node.IsNull())
        return true;
    if (node.IsScalar())
        return node.Scalar().find('\n') == std::string::npos;
    if (depth > 1 || (node.IsMap() && depth > 0))
        return false;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node child = node.IsMap() ? it->second : *it;
        if (!flowable(child, depth + 1))
            return false;
    }
    return true;
}

void emitNode(YAML::Emitter &out, const YAML::Node &node, bool inFlow, const std::string &key = {});

void emitCollection(YAML::Emitter &out, const YAML::Node &node, bool inFlow)
{
    if (inFlow)
        out << YAML::Flow;
    if (node.IsMap()) {
        out << YAML::BeginMap;
        for (auto it = node.begin(); it != node.end(); ++it) {
            out << YAML::Key << it->first.Scalar() << YAML::Value;
            emitNode(out, it->second, inFlow, it->first.Scalar());
        }
        out << YAML::EndMap;
    } else {
        out << YAML::BeginSeq;
        for (const YAML::Node &item : node)
            emitNode(out, item, inFlow);
        out << YAML::EndSeq;
    }
}

// The operation's own choice of style wins; otherwise short, shallow
// collections go on one line.
void emitNode(YAML::Emitter &out, const YAML::Node &node, bool inFlow, const std::string &key)
{
    if (node.IsNull()) {
        out << YAML::Null;
        return;
    }
    if (node.IsScalar()) {
        emitScalar(out, QString::fromStdString(node.Scalar()), inFlow, key);
        return;
    }
    if (!inFlow && node.Style() != YAML::EmitterStyle::Default) {
        inFlow = node.Style() == YAML::EmitterStyle::Flow && singleLine(node);
    } else if (!inFlow && flowable(node)) {
        YAML::Emitter probe;
        emitCollection(probe, node, true);
        inFlow = qsizetype(probe.size()) <= kMaxFlowLength;
    }
    emitCollection(out, node, inFlow);
}

void emitIds(YAML::Emitter &out, const QStringList &ids)
{
    if (ids.size() == 1) {
        emitScalar(out, ids.first(), false);
        return;
    }
    out << YAML::Flow << YAML::BeginSeq;
    for (const QString &id : ids)
        emitScalar(out, id, true);
    out << YAML::EndSeq;
}

std::string operationsSection(const char *key, const OperationList &ops)
{
    YAML::Emitter out;
    out.SetNullFormat(YAML::LowerNull);
    out << YAML::BeginMap << YAML::Key << key << YAML::Value;
    if (ops.isEmpty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
    } else {
        out << YAML::BeginSeq;
        for (const OperationPtr &op : ops) {
            const YAML::Node item = operationToYaml(*op);
            // The item itself stays a block map so each operation starts with "- kind:".
            out << YAML::BeginMap;
            for (auto it = item.begin(); it != item.end(); ++it) {
                out << YAML::Key << it->first.Scalar() << YAML::Value;
                emitNode(out, it->second, false, it->first.Scalar());
            }
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
    std::string text = out.c_str();
    text.erase(text.find_last_not_of('\n') + 1);
    return text + '\n';
}

// yaml-cpp accepts a quoted value that runs to the end of the file (it keeps
// the rest of the file as the value), so an unclosed quote would go unseen.
// Finds the first quoted scalar whose closing quote never comes.
std::optional<YAML::Node> unclosedQuote(const YAML::Node &node, const std::string &text)
{
    if (node.IsMap() || node.IsSequence()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node first = node.IsMap() ? it->first : YAML::Node(*it);
            if (auto bad = unclosedQuote(first, text))
                return bad;
            if (node.IsMap())
                if (auto bad = unclosedQuote(it->second, text))
                    return bad;
        }
        return std::nullopt;
    }
    if (!node.IsScalar() || node.Tag() != "!" || node.Mark().is_null())
        return std::nullopt;
    auto i = static_cast<std::size_t>(node.Mark().pos);
    if (i >= text.size() || (text[i] != '"' && text[i] != '\''))
        return std::nullopt;
    const char quote = text[i++];
    while (i < text.size()) {
        if (quote == '"' && text[i] == '\\')
            i += 2;
        else if (quote == '\'' && text[i] == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
            i += 2;
        else if (text[i] == quote)
            return std::nullopt;
        else
            ++i;
    }
    return node;
}

} // namespace

Result<Revision> parseRevision(const QByteArray &yamlText, const QString &pathForMessages)
{
    Result<Revision> revision;
    try {
        const std::string text = yamlText.toStdString();
        if (auto bounded = yaml::checkBounds(text, pathForMessages); !bounded)
            return std::unexpected(bounded.error());
        const YAML::Node root = YAML::Load(text);
        if (const auto open = unclosedQuote(root, text))
            return std::unexpected(yaml::inputError(
                *open, pathForMessages, u"not valid YAML: this quoted value has no closing quote"_s,
                u"add the closing quote on this line (a quote inside the value is written \\\" or '')"_s));
        revision = readRevision(root, pathForMessages);
    } catch (const YAML::Exception &e) {
        return std::unexpected(yamlSyntaxError(e, pathForMessages, yamlText));
    }
    if (revision)
        revision->checksum = revisionChecksum(yamlText);
    return revision;
}

QString revisionChecksum(const QByteArray &fileBytes)
{
    QByteArrayView text(fileBytes);
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    // CRLF and a lone CR both count as LF; hashed in runs, not copied.
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != '\r')
            continue;
        hash.addData(text.sliced(start, i - start));
        hash.addData("\n");
        if (i + 1 < text.size() && text[i + 1] == '\n')
            ++i;
        start = i + 1;
    }
    hash.addData(text.sliced(start));
    return QString::fromLatin1(hash.result().toHex());
}

Result<Revision> readRevisionFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, u"can't read the revision file: %1"_s.arg(file.errorString()), path);
    auto revision = parseRevision(file.readAll(), path);
    if (revision)
        revision->filePath = QFileInfo(path).absoluteFilePath();
    return revision;
}

QByteArray revisionToYaml(const Revision &revision)
{
    YAML::Emitter header;
    header.SetNullFormat(YAML::LowerNull);
    header << YAML::BeginMap;
    header << YAML::Key << "revision" << YAML::Value;
    emitScalar(header, revision.id, false);
    header << YAML::Key << "down_revision" << YAML::Value;
    if (revision.downRevisions.isEmpty())
        header << YAML::Null;
    else
        emitIds(header, revision.downRevisions);
    header << YAML::Key << "message" << YAML::Value;
    emitScalar(header, revision.message, false);
    if (revision.created.isValid())
        header << YAML::Key << "created" << YAML::Value << revision.created.toString(Qt::ISODate).toStdString();
    if (!revision.branchLabels.isEmpty()) {
        header << YAML::Key << "branch_labels" << YAML::Value;
        emitIds(header, revision.branchLabels);
    }
    if (!revision.dependsOn.isEmpty()) {
        header << YAML::Key << "depends_on" << YAML::Value;
        emitIds(header, revision.dependsOn);
    }
    if (!revision.transactional)
        header << YAML::Key << "transactional" << YAML::Value << false;
    header << YAML::EndMap;

    const std::string text = std::string(header.c_str()) + "\n\n"
                             + operationsSection("upgrade", revision.upgrade) + '\n'
                             + operationsSection("downgrade", revision.downgrade);
    return QByteArray::fromStdString(text);
}

Error yamlSyntaxError(const YAML::Exception &exception, const QString &file, const QByteArray &text)
{
    // yaml-cpp's messages name the parser state; say what the person should write instead.
    static const QHash<QString, QString> expected = {
        {u"end of map not found"_s, u"expected a key lined up with the keys above it, or the end of the mapping"_s},
        {u"end of sequence not found"_s, u"expected a list item ('- ') lined up with the items above it"_s},
        {u"end of map flow not found"_s, u"expected ',' or '}' to close the '{' mapping"_s},
        {u"end of sequence flow not found"_s, u"expected ',' or ']' to close the '[' list"_s},
        {u"illegal map value"_s, u"unexpected ':'; expected a key at the indentation of the keys above it"_s},
        {u"illegal block entry"_s, u"unexpected '- '; a list item needs a key above it that holds the list"_s},
        {u"illegal EOF in scalar"_s, u"the file ends inside a quoted value; expected the closing quote"_s},
        {u"illegal tab when looking for indentation"_s, u"a tab in the indentation; YAML indents with spaces"_s},
    };
    const QString raw = QString::fromStdString(exception.msg);
    QString said = expected.value(raw);
    const YAML::Mark &mark = exception.mark;
    // yaml-cpp blames whatever follows a tab; the tab is the real problem.
    if (!mark.is_null() && mark.line < text.count('\n') + 1) {
        const QByteArray line = text.split('\n').at(mark.line);
        qsizetype indent = 0;
        while (indent < line.size() && (line.at(indent) == ' ' || line.at(indent) == '\t'))
            ++indent;
        if (line.left(indent).contains('\t'))
            said = expected.value(u"illegal tab when looking for indentation"_s);
    }
    const QString where = mark.is_null() ? file : u"%1:%2:%3"_s.arg(file).arg(mark.line + 1).arg(mark.column + 1);
    return Error::make(Error::Code::Input,
                       said.isEmpty() ? u"not valid YAML: "_s + raw
                                      : u"not valid YAML: %1 (%2)"_s.arg(said, raw),
                       where,
                       u"check the indentation on or just before this line; quote values that contain ': ' "
                       "or start with '{', '[', '*', '&' or '#'"_s);
}

qsizetype applyAlembicCall(Schema &schema, const OperationList &ops, const QList<AlembicCall> &calls, qsizetype first)
{
    qsizetype end = first + 1;
    while (end < ops.size() && end < calls.size() && calls.at(end).call == calls.at(first).call)
        ++end;
    Schema copy = schema;
    bool fits = true;
    for (qsizetype k = first; k < end && fits; ++k)
        fits = bool(ops.at(k)->apply(copy));
    if (fits)
        schema = std::move(copy);
    return end;
}

Result<Schema> replayRevision(Schema schema, const Revision &revision, bool upgrade, bool alembicCalls)
{
    const OperationList &ops = upgrade ? revision.upgrade : revision.downgrade;
    const QList<AlembicCall> &calls = revision.alembicCalls(upgrade);
    for (qsizetype i = 0; i < ops.size(); ++i) {
        if (alembicCalls && i < calls.size() && calls.at(i).sql) {
            i = applyAlembicCall(schema, ops, calls, i) - 1;
            continue;
        }
        if (auto applied = ops.at(i)->apply(schema); !applied) {
            const int line = ops.at(i)->line;
            return std::unexpected(applied.error().wrappedIn(
                u"cannot %1: it does not fit the schema so far"_s.arg(ops.at(i)->describe()),
                line > 0 ? u"%1:%2"_s.arg(revision.filePath).arg(line) : revision.filePath));
        }
    }
    return schema;
}

QString newRevisionId()
{
    const quint64 bits = QRandomGenerator::system()->generate64() & 0xffffffffffffULL;
    return u"%1"_s.arg(bits, 12, 16, QChar(u'0'));
}

} // namespace strata
