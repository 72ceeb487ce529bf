#include "core/project/models.h"

#include "core/ops/tableops.h"
#include "core/ops/yamlbounds.h"
#include "core/ops/yamlread.h"

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

    // keyLines: the line of each foreign_keys item, in the order parseTable keeps.
    struct PendingKeys { QString table; QList<ForeignKey> keys; int line; QList<int> keyLines; };
    QList<PendingKeys> pendingKeys;
    Schema schema;
    const YAML::Node tables = root["tables"];
    if (!tables || tables.IsNull())
        return schema;
    if (!tables.IsMap())
        return std::unexpected(yaml::inputError(tables, path, u"expected `tables:` to map table names to tables"_s));
    for (const auto &entry : tables) {
        if (!entry.second.IsMap())
            return std::unexpected(yaml::inputError(entry.second, path,
                u"expected table '%1' to be a mapping with `columns:`"_s.arg(yaml::toQString(entry.first))));
        // The create_table reader, so models and revisions can never disagree on the shape.
        auto parsed = parseTable(entry.second, path, yaml::toQString(entry.first));
        if (!parsed)
            return std::unexpected(parsed.error());
        // Foreign keys are attached once every table exists: models may list a
        // referring table before the one it references.
        Table table = *parsed;
        const int line = entry.second.Mark().line + 1;
        QList<int> keyLines;
        if (const YAML::Node keys = entry.second["foreign_keys"]; keys && keys.IsSequence()) {
            for (const auto &key : keys)
                keyLines << key.Mark().line + 1;
        }
        pendingKeys.append({table.name, table.foreignKeys, line, keyLines});
        table.foreignKeys.clear();
        CreateTable bare;
        bare.table = table;
        if (auto applied = bare.apply(schema); !applied)
            return std::unexpected(applied.error().wrappedIn(u"in models"_s, u"%1:%2"_s.arg(path).arg(line)));
    }
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
        schema.table(pending.table)->foreignKeys = pending.keys;
    }
    return schema;
}

} // namespace

// yaml-cpp throws when the shape is not the expected one (a key asked of a
// missing node, through an alias say): the reader's own checks come first, this
// catches what they missed, so a bad models.yaml is an error, never an abort.
Result<Schema> parseModels(const QByteArray &yamlText, const QString &path)
{
    try {
        return readModelsText(yamlText, path);
    } catch (const YAML::Exception &e) {
        return fail(Error::Code::Input, u"models.yaml has an unexpected shape: "_s + QString::fromStdString(e.msg),
                    u"%1:%2:%3"_s.arg(path).arg(e.mark.line + 1).arg(e.mark.column + 1),
                    u"models.yaml is a mapping `tables:` keyed by table name, each with `columns:`"_s);
    }
}

} // namespace strata
