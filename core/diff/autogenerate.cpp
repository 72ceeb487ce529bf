#include "diff/autogenerate.h"

#include "ops/columnops.h"
#include "ops/constraintops.h"
#include "ops/indexops.h"
#include "ops/tableops.h"
#include "project/project.h"

#include <yaml-cpp/yaml.h>

#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

QString columnsText(const QStringList &columns)
{
    return u"("_s + columns.join(u", "_s) + u')';
}

QString defaultText(const std::optional<QString> &value)
{
    return value ? *value : u"none"_s;
}

QStringList alterLines(const AlterColumn &op, const Operation *undo)
{
    const auto *old = dynamic_cast<const AlterColumn *>(undo);
    const QString where = u"'%1.%2'"_s.arg(op.table, op.column);
    QStringList lines;
    if (op.type) {
        lines << u"Detected type change from %1 to %2 on %3"_s.arg(
            old && old->type ? old->type->toString() : u"?"_s, op.type->toString(), where);
    }
    if (op.nullable)
        lines << u"Detected %1 on column %2"_s.arg(*op.nullable ? u"NULL"_s : u"NOT NULL"_s, where);
    if (op.changeDefault) {
        lines << u"Detected default change from %1 to %2 on %3"_s.arg(
            defaultText(old ? old->defaultValue : std::nullopt), defaultText(op.defaultValue), where);
    }
    return lines;
}

QString droppedConstraintLine(const DropConstraint &op, const Operation *undo)
{
    QString what = u"constraint"_s;
    if (dynamic_cast<const CreateUnique *>(undo))
        what = u"unique constraint"_s;
    else if (dynamic_cast<const CreateForeignKey *>(undo))
        what = u"foreign key"_s;
    else if (dynamic_cast<const CreateCheck *>(undo))
        what = u"check constraint"_s;
    return u"Detected removed %1 '%2' on '%3'"_s.arg(what, op.name, op.table);
}

QStringList linesFor(const Operation &op, const Operation *undo)
{
    if (const auto *o = dynamic_cast<const CreateTable *>(&op))
        return {u"Detected added table '%1'"_s.arg(o->table.name)};
    if (const auto *o = dynamic_cast<const DropTable *>(&op))
        return {u"Detected removed table '%1'"_s.arg(o->name)};
    if (const auto *o = dynamic_cast<const AddColumn *>(&op))
        return {u"Detected added column '%1.%2'"_s.arg(o->table, o->column.name)};
    if (const auto *o = dynamic_cast<const DropColumn *>(&op))
        return {u"Detected removed column '%1.%2'"_s.arg(o->table, o->column)};
    if (const auto *o = dynamic_cast<const AlterColumn *>(&op))
        return alterLines(*o, undo);
    if (const auto *o = dynamic_cast<const CreateIndex *>(&op)) {
        return {u"Detected added %1index '%2' on '%3' %4"_s.arg(o->index.unique ? u"unique "_s : QString(),
                                                                 o->index.name, o->table, columnsText(o->index.columns))};
    }
    if (const auto *o = dynamic_cast<const DropIndex *>(&op))
        return {u"Detected removed index '%1' on '%2'"_s.arg(o->name, o->table)};
    if (const auto *o = dynamic_cast<const CreateUnique *>(&op)) {
        return {u"Detected added unique constraint '%1' on '%2' %3"_s.arg(o->constraint.name, o->table,
                                                                         columnsText(o->constraint.columns))};
    }
    if (const auto *o = dynamic_cast<const CreateForeignKey *>(&op)) {
        const ForeignKey &fk = o->foreignKey;
        return {u"Detected added foreign key '%1' on '%2' %3 -> %4%5"_s.arg(
            fk.name, o->table, columnsText(fk.columns), fk.refTable, columnsText(fk.refColumns))};
    }
    if (const auto *o = dynamic_cast<const CreateCheck *>(&op))
        return {u"Detected added check constraint '%1' on '%2'"_s.arg(o->check.name, o->table)};
    if (const auto *o = dynamic_cast<const DropConstraint *>(&op))
        return {droppedConstraintLine(*o, undo)};
    return {op.describe()};
}

// The line numbers (0-based) where the items of a top-level list start, and their indentation.
QList<QPair<qsizetype, QString>> listItems(const QStringList &lines, const QString &key)
{
    static const QRegularExpression item(u"^(\\s*)- "_s);
    QList<QPair<qsizetype, QString>> items;
    qsizetype i = lines.indexOf(key + u':');
    if (i < 0)
        return items;
    qsizetype indent = -1;
    for (++i; i < lines.size() && (lines.at(i).isEmpty() || lines.at(i).front().isSpace() || lines.at(i).startsWith(u'-')); ++i) {
        const auto match = item.match(lines.at(i));
        if (!match.hasMatch())
            continue;
        const qsizetype width = match.capturedLength(1);
        if (indent < 0)
            indent = width;
        if (width == indent)
            items.append({i, match.captured(1)});
    }
    return items;
}

} // namespace

QStringList detectedChanges(const SchemaDiff &diff)
{
    QStringList lines;
    const qsizetype count = diff.upgrade.size();
    for (qsizetype i = 0; i < count; ++i) {
        // downgrade is the upgrade's inverses in reverse order.
        const Operation *undo = diff.downgrade.size() == count ? diff.downgrade.at(count - 1 - i).get() : nullptr;
        lines << linesFor(*diff.upgrade.at(i), undo);
    }
    return lines;
}

Revision autogeneratedRevision(const SchemaDiff &diff, const QString &message, const QStringList &parents,
                               const QString &id)
{
    Revision revision;
    revision.id = id.isEmpty() ? newRevisionId() : id;
    revision.message = message;
    revision.created = QDateTime::currentDateTimeUtc();
    revision.downRevisions = parents;
    revision.upgrade = diff.upgrade;
    revision.downgrade = diff.downgrade;
    return revision;
}

Result<QString> writeAutogenerated(Project &project, const Revision &revision, const SchemaDiff &diff)
{
    auto path = project.writeRevision(revision);
    if (!path || diff.possibleRenames.isEmpty())
        return path;

    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, u"cannot read back the new revision file: "_s + file.errorString(), *path);
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    file.close();
    const auto items = listItems(lines, u"upgrade"_s);
    // Insert from the bottom up so the line numbers found stay right.
    QList<QPair<qsizetype, QStringList>> inserts;
    for (const PossibleRename &rename : diff.possibleRenames) {
        for (qsizetype i = 0; i < revision.upgrade.size() && i < items.size(); ++i) {
            const auto *drop = dynamic_cast<const DropColumn *>(revision.upgrade.at(i).get());
            if (!drop || drop->table != rename.table || drop->column != rename.dropped)
                continue;
            const QString indent = items.at(i).second;
            inserts.append({items.at(i).first,
                            {indent + u"# POSSIBLE RENAME: '%1.%2' is dropped and '%1.%3' added with the same type."_s
                                          .arg(rename.table, rename.dropped, rename.added),
                             indent + u"# If it is a rename, replace this drop_column and the add_column of '%1' with"_s
                                          .arg(rename.added),
                             indent + u"#   - alter_column: {table: %1, column: %2, new_name: %3}"_s
                                          .arg(rename.table, rename.dropped, rename.added),
                             indent + u"# (and the reverse in downgrade), or the data in '%1' is lost."_s.arg(rename.dropped)}});
        }
    }
    std::ranges::sort(inserts, [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[at, comment] : std::as_const(inserts)) {
        for (qsizetype k = comment.size() - 1; k >= 0; --k)
            lines.insert(at, comment.at(k));
    }
    // Renamed into place: a full disk must not leave the new revision file empty.
    QSaveFile rewritten(*path);
    const QByteArray text = lines.join(u'\n').toUtf8();
    if (!rewritten.open(QIODevice::WriteOnly) || rewritten.write(text) != text.size() || !rewritten.flush()
        || !rewritten.commit()) {
        QFile::remove(*path);
        return fail(Error::Code::Io, u"cannot write the new revision file: "_s + rewritten.errorString(), *path,
                    u"no revision was added; free some space, then run the command again"_s);
    }
    return path;
}

QByteArray modelsYaml(const Schema &schema, const QString &comment)
{
    YAML::Node tables(YAML::NodeType::Map);
    for (const Table &table : schema.tables)
        tables[table.name.toStdString()] = tableToYaml(table, false);
    YAML::Node root(YAML::NodeType::Map);
    root["tables"] = tables;
    YAML::Emitter out;
    out.SetNullFormat(YAML::LowerNull);
    out << root;
    QByteArray text;
    for (const QString &line : comment.split(u'\n'))
        text += "# " + line.toUtf8() + '\n';
    return text + out.c_str() + '\n';
}

} // namespace strata
