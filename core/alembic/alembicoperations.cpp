#include "core/alembic/alembicoperations_p.h"

#include "core/alembic/sqlalchemyschema_p.h"
#include "core/ops/columnops.h"
#include "core/ops/constraintops.h"
#include "core/ops/executeop.h"
#include "core/ops/indexops.h"
#include "core/ops/tableops.h"

using namespace Qt::StringLiterals;

namespace strata::alembic {

namespace {

using VK = PyValue::Kind;

std::unexpected<Error> untranslatable(const QString &message)
{
    return std::unexpected(Error::make(Error::Code::Input, message));
}

template<typename T>
OperationList one(std::shared_ptr<T> op) { return OperationList{std::move(op)}; }

// Keyword arguments the call may have: the allowed ones, schema=None, and
// those without effect on SQLite and PostgreSQL DDL.
Status onlyKeywords(const PyValue &call, const QStringList &allowed)
{
    for (const auto &[key, value] : call.keywords) {
        if (allowed.contains(key) || (key == u"schema"_s && value.kind == VK::None))
            continue;
        if (key.startsWith(u"existing_"_s) || key.startsWith(u"mysql_"_s) || key.startsWith(u"mariadb_"_s)
            || key == u"info"_s)
            continue;
        return untranslatable(u"%1 with %2= has no Strata equivalent"_s.arg(call.text, key));
    }
    return {};
}

Result<QString> stringArgument(const PyValue &call, qsizetype i, QStringView keyword)
{
    const PyValue *value = call.argument(i, keyword);
    if (!value)
        return untranslatable(u"%1 without its %2 argument"_s.arg(call.text, keyword.toString()));
    auto text = sqlalchemy::name(*value);
    if (!text || text->isEmpty())
        return untranslatable(u"%1 with a %2 that is not a literal string"_s.arg(call.text, keyword.toString()));
    return *text;
}

Result<QStringList> columnsArgument(const PyValue &call, qsizetype i, QStringView keyword)
{
    const PyValue *value = call.argument(i, keyword);
    const auto list = value ? value->stringList() : std::nullopt;
    if (!list || list->isEmpty())
        return untranslatable(u"%1 with %2 that are not a list of literal column names"_s.arg(
            call.text, keyword.toString()));
    return *list;
}

// One op.X / batch_op.X call. In a batch block `table` is the block's table
// and the table argument is absent, so positions shift by one.
class CallTranslator
{
public:
    CallTranslator(const PyValue &call, QString batchTable)
        : m_call(call), m_table(std::move(batchTable)), m_shift(m_table.isEmpty() ? 1 : 0)
    {
    }

    Result<OperationList> translate()
    {
        const QString fn = m_call.text.section(u'.', -1);
        if (fn == u"create_table"_s)
            return createTable();
        if (fn == u"drop_table"_s)
            return dropTable();
        if (fn == u"rename_table"_s)
            return renameTable();
        if (fn == u"add_column"_s)
            return addColumn();
        if (fn == u"drop_column"_s)
            return dropColumn();
        if (fn == u"alter_column"_s)
            return alterColumn();
        if (fn == u"create_index"_s)
            return createIndex();
        if (fn == u"drop_index"_s)
            return dropIndex();
        if (fn == u"create_foreign_key"_s)
            return createForeignKey();
        if (fn == u"create_unique_constraint"_s)
            return createUnique();
        if (fn == u"create_check_constraint"_s)
            return createCheck();
        if (fn == u"drop_constraint"_s)
            return dropConstraint();
        if (fn == u"execute"_s)
            return execute();
        return untranslatable(u"%1 has no Strata translation"_s.arg(m_call.text));
    }

private:
    // The table: the batch block's, or the argument at position i.
    Result<QString> table(qsizetype i, QStringView keyword)
    {
        if (!m_table.isEmpty())
            return m_table;
        return stringArgument(m_call, i, keyword);
    }

    Result<OperationList> createTable()
    {
        if (!m_table.isEmpty())
            return untranslatable(u"create_table inside a batch block"_s);
        auto op = std::make_shared<CreateTable>();
        auto name = stringArgument(m_call, 0, u"table_name");
        if (!name)
            return std::unexpected(name.error());
        op->table.name = *name;
        QList<sqlalchemy::ColumnDefinition> columns;
        for (qsizetype i = 1; i < m_call.items.size(); ++i) {
            if (auto ok = sqlalchemy::addTableItem(m_call.items.at(i), op->table, columns); !ok)
                return std::unexpected(ok.error());
        }
        if (auto ok = onlyKeywords(m_call, {}); !ok)
            return std::unexpected(ok.error());
        sqlalchemy::finishTable(op->table, columns);
        return one(op);
    }

    Result<OperationList> dropTable()
    {
        auto op = std::make_shared<DropTable>();
        auto name = stringArgument(m_call, 0, u"table_name");
        if (!name)
            return std::unexpected(name.error());
        op->name = *name;
        if (auto ok = onlyKeywords(m_call, {u"table_name"_s}); !ok)
            return std::unexpected(ok.error());
        return one(op);
    }

    Result<OperationList> renameTable()
    {
        auto op = std::make_shared<RenameTable>();
        auto from = stringArgument(m_call, 0, u"old_table_name");
        auto to = stringArgument(m_call, 1, u"new_table_name");
        if (!from || !to)
            return std::unexpected(!from ? from.error() : to.error());
        op->from = *from;
        op->to = *to;
        if (auto ok = onlyKeywords(m_call, {u"old_table_name"_s, u"new_table_name"_s}); !ok)
            return std::unexpected(ok.error());
        return one(op);
    }

    Result<OperationList> addColumn()
    {
        auto tableName = table(0, u"table_name");
        if (!tableName)
            return std::unexpected(tableName.error());
        const PyValue *columnValue = m_call.argument(m_shift, u"column");
        if (!columnValue)
            return untranslatable(u"add_column without a column"_s);
        auto def = sqlalchemy::column(*columnValue);
        if (!def)
            return std::unexpected(def.error());
        if (def->primaryKey || def->unique)
            return untranslatable(u"add_column of a primary key or unique column"_s);
        if (auto ok = onlyKeywords(m_call, {u"table_name"_s, u"column"_s, u"insert_before"_s, u"insert_after"_s});
            !ok)
            return std::unexpected(ok.error());
        auto op = std::make_shared<AddColumn>();
        op->table = *tableName;
        op->column = def->column;
        OperationList ops{op};
        for (const ForeignKey &fk : std::as_const(def->foreignKeys)) {
            auto create = std::make_shared<CreateForeignKey>();
            create->table = *tableName;
            create->foreignKey = fk;
            ops << create;
        }
        return ops;
    }

    Result<OperationList> dropColumn()
    {
        auto tableName = table(0, u"table_name");
        auto column = stringArgument(m_call, m_shift, u"column_name");
        if (!tableName || !column)
            return std::unexpected(!tableName ? tableName.error() : column.error());
        if (auto ok = onlyKeywords(m_call, {u"table_name"_s, u"column_name"_s}); !ok)
            return std::unexpected(ok.error());
        auto op = std::make_shared<DropColumn>();
        op->table = *tableName;
        op->column = *column;
        return one(op);
    }

    Result<OperationList> alterColumn()
    {
        auto tableName = table(0, u"table_name");
        auto column = stringArgument(m_call, m_shift, u"column_name");
        if (!tableName || !column)
            return std::unexpected(!tableName ? tableName.error() : column.error());
        if (auto ok = onlyKeywords(m_call, {u"table_name"_s, u"column_name"_s, u"nullable"_s, u"type_"_s,
                                            u"server_default"_s, u"new_column_name"_s});
            !ok)
            return std::unexpected(ok.error());
        auto op = std::make_shared<AlterColumn>();
        op->table = *tableName;
        op->column = *column;
        if (const PyValue *v = m_call.keyword(u"nullable"); v && v->kind != VK::None) {
            if (v->kind != VK::Bool)
                return untranslatable(u"alter_column with nullable= that is not True or False"_s);
            op->nullable = v->boolean;
        }
        if (const PyValue *v = m_call.keyword(u"type_")) {
            auto type = sqlalchemy::columnType(*v);
            if (!type)
                return std::unexpected(type.error());
            op->type = *type;
        }
        // Alembic: server_default=False (the default) leaves it, None drops it.
        if (const PyValue *v = m_call.keyword(u"server_default"); v && !(v->kind == VK::Bool && !v->boolean)) {
            op->changeDefault = true;
            if (v->kind != VK::None) {
                auto text = sqlalchemy::sqlText(*v, true);
                if (!text)
                    return std::unexpected(text.error());
                op->defaultValue = *text;
            }
        }
        if (const PyValue *v = m_call.keyword(u"new_column_name"); v && v->kind != VK::None) {
            auto name = sqlalchemy::name(*v);
            if (!name)
                return std::unexpected(name.error());
            op->newName = *name;
        }
        if (!op->nullable && !op->type && !op->changeDefault && !op->newName)
            return OperationList();   // Alembic emits nothing for it either
        return one(op);
    }

    Result<OperationList> createIndex()
    {
        auto name = stringArgument(m_call, 0, u"index_name");
        auto tableName = table(1, u"table_name");
        auto columns = columnsArgument(m_call, 1 + m_shift, u"columns");
        if (!name || !tableName || !columns)
            return std::unexpected(!name ? name.error() : !tableName ? tableName.error() : columns.error());
        if (auto ok = onlyKeywords(m_call, {u"index_name"_s, u"table_name"_s, u"columns"_s, u"unique"_s,
                                            u"postgresql_where"_s, u"sqlite_where"_s});
            !ok)
            return std::unexpected(ok.error());
        auto op = std::make_shared<CreateIndex>();
        op->table = *tableName;
        op->index.name = *name;
        op->index.columns = *columns;
        if (const PyValue *v = m_call.keyword(u"unique"))
            op->index.unique = v->kind == VK::Bool && v->boolean;
        const PyValue *pgWhere = m_call.keyword(u"postgresql_where");
        const PyValue *liteWhere = m_call.keyword(u"sqlite_where");
        if (pgWhere || liteWhere) {
            // A partial index on one database only is not what Strata's one `where` says.
            auto pg = pgWhere ? sqlalchemy::sqlText(*pgWhere, false) : Result<QString>();
            auto lite = liteWhere ? sqlalchemy::sqlText(*liteWhere, false) : Result<QString>();
            if (!pgWhere || !liteWhere || !pg || !lite || *pg != *lite)
                return untranslatable(u"a partial index whose condition is not the same on SQLite and PostgreSQL"_s);
            op->index.where = *pg;
        }
        return one(op);
    }

    Result<OperationList> dropIndex()
    {
        auto name = stringArgument(m_call, 0, u"index_name");
        if (!name)
            return std::unexpected(name.error());
        if (auto ok = onlyKeywords(m_call, {u"index_name"_s, u"table_name"_s}); !ok)
            return std::unexpected(ok.error());
        auto op = std::make_shared<DropIndex>();
        op->name = *name;
        if (!m_table.isEmpty()) {
            op->table = m_table;
        } else if (m_call.argument(1, u"table_name")) {
            auto tableName = stringArgument(m_call, 1, u"table_name");
            if (!tableName)
                return std::unexpected(tableName.error());
            op->table = *tableName;
        }
        return one(op);
    }

    Result<OperationList> createForeignKey()
    {
        // op.create_foreign_key(name, source, referent, local, remote); batch: no source.
        const PyValue *nameValue = m_call.argument(0, u"constraint_name");
        auto name = nameValue ? sqlalchemy::name(*nameValue) : Result<QString>(QString());
        auto tableName = table(1, u"source_table");
        auto referent = stringArgument(m_call, 1 + m_shift, u"referent_table");
        auto local = columnsArgument(m_call, 2 + m_shift, u"local_cols");
        auto remote = columnsArgument(m_call, 3 + m_shift, u"remote_cols");
        for (const Status &ok : {name ? Status() : std::unexpected(name.error()),
                                 tableName ? Status() : std::unexpected(tableName.error()),
                                 referent ? Status() : std::unexpected(referent.error()),
                                 local ? Status() : std::unexpected(local.error()),
                                 remote ? Status() : std::unexpected(remote.error())}) {
            if (!ok)
                return std::unexpected(ok.error());
        }
        if (auto ok = onlyKeywords(m_call, {u"constraint_name"_s, u"source_table"_s, u"referent_table"_s,
                                            u"local_cols"_s, u"remote_cols"_s, u"ondelete"_s, u"onupdate"_s,
                                            u"source_schema"_s, u"referent_schema"_s});
            !ok)
            return std::unexpected(ok.error());
        for (const char *schemaKey : {"source_schema", "referent_schema"}) {
            if (const PyValue *v = m_call.keyword(QString::fromLatin1(schemaKey)); v && v->kind != VK::None)
                return untranslatable(u"a foreign key across schemas"_s);
        }
        auto op = std::make_shared<CreateForeignKey>();
        op->table = *tableName;
        op->foreignKey.name = *name;
        op->foreignKey.columns = *local;
        op->foreignKey.refTable = *referent;
        op->foreignKey.refColumns = *remote;
        for (const auto &[key, value] : m_call.keywords) {
            if ((key == u"ondelete"_s || key == u"onupdate"_s) && value.kind == VK::String)
                (key == u"ondelete"_s ? op->foreignKey.onDelete : op->foreignKey.onUpdate)
                    = sqlalchemy::referentialAction(value.text);
        }
        return one(op);
    }

    Result<OperationList> createUnique()
    {
        const PyValue *nameValue = m_call.argument(0, u"constraint_name");
        auto name = nameValue ? sqlalchemy::name(*nameValue) : Result<QString>(QString());
        auto tableName = table(1, u"table_name");
        auto columns = columnsArgument(m_call, 1 + m_shift, u"columns");
        if (!name || !tableName || !columns)
            return std::unexpected(!name ? name.error() : !tableName ? tableName.error() : columns.error());
        if (auto ok = onlyKeywords(m_call, {u"constraint_name"_s, u"table_name"_s, u"columns"_s}); !ok)
            return std::unexpected(ok.error());
        auto op = std::make_shared<CreateUnique>();
        op->table = *tableName;
        op->constraint = UniqueConstraint{*name, *columns};
        return one(op);
    }

    Result<OperationList> createCheck()
    {
        const PyValue *nameValue = m_call.argument(0, u"constraint_name");
        auto name = nameValue ? sqlalchemy::name(*nameValue) : Result<QString>(QString());
        auto tableName = table(1, u"table_name");
        const PyValue *condition = m_call.argument(1 + m_shift, u"condition");
        auto text = condition ? sqlalchemy::sqlText(*condition, false)
                              : Result<QString>(untranslatable(u"create_check_constraint without a condition"_s));
        if (!name || !tableName || !text)
            return std::unexpected(!name ? name.error() : !tableName ? tableName.error() : text.error());
        if (auto ok = onlyKeywords(m_call, {u"constraint_name"_s, u"table_name"_s, u"condition"_s}); !ok)
            return std::unexpected(ok.error());
        auto op = std::make_shared<CreateCheck>();
        op->table = *tableName;
        op->check = CheckConstraint{*name, *text};
        return one(op);
    }

    Result<OperationList> dropConstraint()
    {
        auto name = stringArgument(m_call, 0, u"constraint_name");
        auto tableName = table(1, u"table_name");
        if (!name || !tableName)
            return std::unexpected(!name ? name.error() : tableName.error());
        if (auto ok = onlyKeywords(m_call, {u"constraint_name"_s, u"table_name"_s, u"type_"_s}); !ok)
            return std::unexpected(ok.error());
        if (const PyValue *type = m_call.argument(1 + m_shift, u"type_");
            type && type->kind == VK::String && type->text == u"primary"_s)
            return untranslatable(u"dropping a primary key"_s);
        auto op = std::make_shared<DropConstraint>();
        op->table = *tableName;
        op->name = *name;
        return one(op);
    }

    Result<OperationList> execute()
    {
        if (!m_table.isEmpty())
            return untranslatable(u"execute inside a batch block"_s);
        const PyValue *statement = m_call.argument(0, u"sqltext");
        if (!statement || m_call.items.size() > 1)
            return untranslatable(u"execute with more than one literal SQL text"_s);
        auto sql = sqlalchemy::sqlText(*statement, false);
        if (!sql || statement->kind == VK::Number)
            return untranslatable(u"execute of SQL built in Python (only a literal or sa.text('...') is kept)"_s);
        if (auto ok = onlyKeywords(m_call, {u"sqltext"_s}); !ok)
            return std::unexpected(ok.error());
        auto op = std::make_shared<Execute>();
        op->sql = sql->trimmed();
        return one(op);
    }

    const PyValue &m_call;
    QString m_table;
    qsizetype m_shift;
};

} // namespace

Result<OperationList> translateOperationCall(const PyValue &call, const QString &batchTable)
{
    return CallTranslator(call, batchTable).translate();
}

Result<QString> batchTableName(const PyValue &call)
{
    if (!call.isCall(u"op.batch_alter_table"))
        return untranslatable(u"not op.batch_alter_table(...)"_s);
    auto table = stringArgument(call, 0, u"table_name");
    if (!table)
        return table;
    if (auto ok = onlyKeywords(call, {u"table_name"_s, u"recreate"_s, u"partial_reordering"_s}); !ok)
        return std::unexpected(ok.error());
    return table;
}

} // namespace strata::alembic
