#include "core/project/models.h"

#include "core/ops/tableops.h"
#include "core/ops/yamlbounds.h"
#include "core/ops/yamlread.h"
#include "core/project/modelsplit.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace strata {

Result<Schema> readModels(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Schema{};
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, u"cannot read the models file: "_s + file.errorString(), path);
    return parseModels(file.readAll(), path);
}

namespace {

// A table's foreign keys wait until every table exists: models may list a
// referring table before the one it references. keyLines: the line of each
// foreign_keys item, in the order parseTable keeps.
struct PendingKeys { QString table; QList<ForeignKey> keys; int line; QList<int> keyLines; };

// One entry of `tables:` added to the schema without its foreign keys.
Status addTable(Schema &schema, QList<PendingKeys> &pendingKeys, const YAML::Node &key, const YAML::Node &value,
                const QString &path)
{
    if (!value.IsMap())
        return std::unexpected(yaml::inputError(value, path,
            u"expected table '%1' to be a mapping with `columns:`"_s.arg(yaml::toQString(key))));
    // The create_table reader, so models and revisions can never disagree on the shape.
    auto parsed = parseTable(value, path, yaml::toQString(key));
    if (!parsed)
        return std::unexpected(parsed.error());
    Table table = std::move(*parsed);
    const int line = value.Mark().line + 1;
    QList<int> keyLines;
    if (const YAML::Node keys = value["foreign_keys"]; keys && keys.IsSequence()) {
        for (const auto &fk : keys)
            keyLines << fk.Mark().line + 1;
    }
    pendingKeys.append({table.name, table.foreignKeys, line, keyLines});
    table.foreignKeys.clear();
    CreateTable bare;
    bare.table = std::move(table);
    if (auto applied = bare.apply(schema); !applied)
        return std::unexpected(applied.error().wrappedIn(u"in models"_s, u"%1:%2"_s.arg(path).arg(line)));
    return {};
}

Status attachForeignKeys(Schema &schema, const QList<PendingKeys> &pendingKeys, const QString &path)
{
    for (const PendingKeys &pending : pendingKeys) {
        for (qsizetype i = 0; i < pending.keys.size(); ++i) {
            const ForeignKey &fk = pending.keys.at(i);
            const int keyLine = pending.keyLines.size() == pending.keys.size() ? pending.keyLines.at(i) : pending.line;
            const Table *target = schema.table(fk.refTable);
            bool ok = target != nullptr;
            for (const QString &column : fk.refColumns)
                ok = ok && target->column(column);
            if (!ok)
                return fail(Error::Code::Input,
                            u"table '%1' has a foreign key to %2(%3), which models.yaml does not define"_s
                                .arg(pending.table, fk.refTable, fk.refColumns.join(u", "_s)),
                            u"%1:%2"_s.arg(path).arg(keyLine),
                            u"add table '%1' to models.yaml, or fix the reference's table and ref_columns"_s.arg(
                                fk.refTable));
        }
        if (!pending.keys.isEmpty())
            schema.table(pending.table)->foreignKeys = pending.keys;
    }
    return {};
}

Result<Schema> readModelsText(const QByteArray &yamlText, const QString &path)
{
    YAML::Node root;
    try {
        const std::string content = yamlText.toStdString();
        if (auto bounded = yaml::checkBounds(content, path); !bounded)
            return std::unexpected(bounded.error());
        root = YAML::Load(content);
    } catch (const YAML::Exception &e) {
        return fail(Error::Code::Input, QString::fromStdString(e.msg),
                    u"%1:%2:%3"_s.arg(path).arg(e.mark.line + 1).arg(e.mark.column + 1),
                    u"fix the YAML syntax; models.yaml is a mapping `tables:` keyed by table name"_s);
    }
    if (!root || root.IsNull())
        return Schema{};
    if (!root.IsMap())
        return std::unexpected(yaml::inputError(
            root, path, u"expected a mapping with a `tables:` key, found %1"_s.arg(yaml::describeNode(root)),
            u"start the file with `tables:` and put each table under it by name, with its `columns:`"_s));
    if (auto keys = yaml::onlyKeys(root, {"tables"}, u"models.yaml"_s, path); !keys)
        return std::unexpected(keys.error());

    QList<PendingKeys> pendingKeys;
    Schema schema;
    const YAML::Node tables = root["tables"];
    if (!tables || tables.IsNull())
        return schema;
    if (!tables.IsMap())
        return std::unexpected(yaml::inputError(tables, path, u"expected `tables:` to map table names to tables"_s));
    for (const auto &entry : tables) {
        if (auto added = addTable(schema, pendingKeys, entry.first, entry.second, path); !added)
            return std::unexpected(added.error());
    }
    if (auto attached = attachForeignKeys(schema, pendingKeys, path); !attached)
        return std::unexpected(attached.error());
    return schema;
}

// The same schema read one table at a time (see splitModelTables), so the
// memory a large file needs is one table's tree, not the whole file's (a
// 5,000-table file: about 310 MB at its peak, read whole). Nothing when the
// file is not of the plain shape or anything in it fails: the whole-file
// reading then runs and reports the error at its true line (a piece's lines
// start at 1).
std::optional<Schema> readModelsByTable(const QByteArray &yamlText, const QString &path)
{
    const std::optional<QList<QByteArray>> pieces = splitModelTables(yamlText);
    if (!pieces)
        return std::nullopt;
    QList<PendingKeys> pendingKeys;
    Schema schema;
    try {
        for (const QByteArray &piece : *pieces) {
            const std::string content = piece.toStdString();
            if (!yaml::checkBounds(content, path))
                return std::nullopt;
            const YAML::Node root = YAML::Load(content);
            if (!root.IsMap() || root.size() != 1)
                return std::nullopt;
            const auto entry = root.begin();
            if (!addTable(schema, pendingKeys, entry->first, entry->second, path))
                return std::nullopt;
        }
    } catch (const YAML::Exception &) {
        return std::nullopt;
    }
    if (!attachForeignKeys(schema, pendingKeys, path))
        return std::nullopt;
    return schema;
}

} // namespace

// yaml-cpp throws when the shape is not the expected one (a key asked of a
// missing node, through an alias say): the reader's own checks come first, this
// catches what they missed, so a bad models.yaml is an error, never an abort.
Result<Schema> parseModels(const QByteArray &yamlText, const QString &path)
{
    try {
        if (std::optional<Schema> schema = readModelsByTable(yamlText, path))
            return std::move(*schema);
        return readModelsText(yamlText, path);
    } catch (const YAML::Exception &e) {
        return fail(Error::Code::Input, u"models.yaml has an unexpected shape: "_s + QString::fromStdString(e.msg),
                    u"%1:%2:%3"_s.arg(path).arg(e.mark.line + 1).arg(e.mark.column + 1),
                    u"models.yaml is a mapping `tables:` keyed by table name, each with `columns:`"_s);
    }
}

} // namespace strata
