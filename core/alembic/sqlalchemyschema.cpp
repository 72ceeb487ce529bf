#include "core/alembic/sqlalchemyschema_p.h"

using namespace Qt::StringLiterals;

namespace strata::alembic::sqlalchemy {

namespace {

using VK = PyValue::Kind;

std::unexpected<Error> untranslatable(const QString &message)
{
    return std::unexpected(Error::make(Error::Code::Input, message));
}

QString lastSegment(const QString &dotted) { return dotted.section(u'.', -1); }

std::optional<int> integer(const PyValue *value)
{
    if (!value || value->kind != VK::Number)
        return std::nullopt;
    bool ok = false;
    const int n = value->text.toInt(&ok);
    return ok ? std::optional<int>(n) : std::nullopt;
}

bool isTrue(const PyValue *value) { return value && value->kind == VK::Bool && value->boolean; }

// Keyword arguments a call may carry without changing the DDL on SQLite and
// PostgreSQL: Python-side defaults, documentation, other databases' options.
bool harmlessKeyword(const QString &key)
{
    static const QStringList keys{u"default"_s, u"onupdate"_s, u"info"_s, u"doc"_s, u"quote"_s, u"key"_s,
                                  u"existing_type"_s, u"existing_nullable"_s, u"existing_server_default"_s,
                                  u"existing_autoincrement"_s, u"existing_comment"_s};
    return keys.contains(key) || key.startsWith(u"mysql_"_s) || key.startsWith(u"mariadb_"_s)
           || key.startsWith(u"mssql_"_s) || key.startsWith(u"oracle_"_s);
}

// sa.Enum('a', 'b', name='x') and postgresql.ENUM(...): native on PostgreSQL
// unless native_enum=False; a CHECK only with create_constraint=True (SQLAlchemy 1.4's default is False).
Result<ColumnType> enumType(const PyValue &call)
{
    if (call.kind != VK::Call)
        return untranslatable(u"sa.Enum without its values"_s);
    QStringList values;
    for (const PyValue &item : call.items) {
        if (item.kind != VK::String || item.formatted)
            return untranslatable(u"sa.Enum with a value that is not a literal string (an Enum class?)"_s);
        values << item.text;
    }
    const PyValue *typeName = call.keyword(u"name");
    if (!typeName || typeName->kind != VK::String || typeName->formatted || typeName->text.isEmpty())
        return untranslatable(u"sa.Enum without a literal name= (PostgreSQL needs the type's name)"_s);
    if (values.isEmpty())
        return untranslatable(u"sa.Enum without values (create_type=False refers to a type made elsewhere)"_s);
    ColumnType type = ColumnType::enumType(typeName->text, values);
    if (const PyValue *native = call.keyword(u"native_enum"); native && native->kind == VK::Bool)
        type.native = native->boolean;
    type.createConstraint = isTrue(call.keyword(u"create_constraint"));
    return type;
}

} // namespace

Result<ColumnType> columnType(const PyValue &value)
{
    if (value.kind != VK::Call && value.kind != VK::Name)
        return untranslatable(u"a column type that is not a plain type call"_s);
    const QString name = lastSegment(value.text);
    const QString upper = name.toUpper();
    ColumnType type;
    using Kind = ColumnType::Kind;
    const auto simple = [&](Kind kind) -> Result<ColumnType> {
        type.kind = kind;
        return type;
    };
    if (upper == u"INTEGER"_s || upper == u"INT"_s)
        return simple(Kind::Integer);
    if (upper == u"BIGINTEGER"_s || upper == u"BIGINT"_s)
        return simple(Kind::BigInt);
    if (upper == u"SMALLINTEGER"_s || upper == u"SMALLINT"_s)
        return simple(Kind::SmallInt);
    if (upper == u"BOOLEAN"_s)
        return simple(Kind::Boolean);
    if (upper == u"TEXT"_s || upper == u"UNICODETEXT"_s || upper == u"CLOB"_s)
        return simple(Kind::Text);
    const bool varying = upper == u"STRING"_s || upper == u"VARCHAR"_s || upper == u"UNICODE"_s || upper == u"NVARCHAR"_s;
    if (varying || upper == u"CHAR"_s || upper == u"NCHAR"_s) {
        // String() without a length is VARCHAR without one, as SQLAlchemy emits it.
        const PyValue *lengthArgument = value.kind == VK::Call ? value.argument(0, u"length") : nullptr;
        const auto length = integer(lengthArgument);
        if (lengthArgument && lengthArgument->kind != VK::None && (!length || *length <= 0))
            return untranslatable(u"%1 with a length that is not a positive number"_s.arg(name));
        type.kind = varying ? Kind::String : Kind::Char;
        type.length = length.value_or(0);
        return type;
    }
    if (upper == u"ENUM"_s)
        return enumType(value);
    if (upper == u"NUMERIC"_s || upper == u"DECIMAL"_s) {
        type.kind = Kind::Numeric;
        const auto precision = integer(value.argument(0, u"precision"));
        const auto scale = integer(value.argument(1, u"scale"));
        if (value.argument(0, u"precision") && !precision)
            return untranslatable(u"%1 with a precision that is not a number"_s.arg(name));
        type.precision = precision.value_or(0);
        type.scale = scale.value_or(0);
        return type;
    }
    if (upper == u"FLOAT"_s) {
        // SQLAlchemy's Float() is double precision on PostgreSQL; Float(24) or less is real.
        const auto precision = integer(value.argument(0, u"precision"));
        return simple(precision && *precision <= 24 ? Kind::Float : Kind::Double);
    }
    if (upper == u"REAL"_s)
        return simple(Kind::Float);
    if (upper == u"DOUBLE"_s || upper == u"DOUBLE_PRECISION"_s)
        return simple(Kind::Double);
    if (upper == u"DATE"_s)
        return simple(Kind::Date);
    if (upper == u"TIME"_s) {
        if (isTrue(value.keyword(u"timezone")))
            return untranslatable(u"Time(timezone=True)"_s);
        return simple(Kind::Time);
    }
    if (upper == u"DATETIME"_s || upper == u"TIMESTAMP"_s)
        return simple(isTrue(value.keyword(u"timezone")) ? Kind::TimestampTz : Kind::DateTime);
    if (upper == u"JSON"_s)
        return simple(Kind::Json);
    if (upper == u"JSONB"_s)
        return simple(Kind::JsonB);
    if (upper == u"LARGEBINARY"_s || upper == u"BLOB"_s || upper == u"BYTEA"_s)
        return simple(Kind::Binary);
    if (upper == u"UUID"_s)
        return simple(Kind::Uuid);
    return untranslatable(u"the column type %1 has no Strata equivalent"_s.arg(value.text));
}

Result<QString> sqlText(const PyValue &value, bool quoteStrings)
{
    if (value.kind == VK::String && !value.formatted) {
        if (!quoteStrings)
            return value.text;
        QString quoted = value.text;
        return u"'"_s + quoted.replace(u"'"_s, u"''"_s) + u"'"_s;
    }
    if ((value.isCall(u"sa.text") || value.isCall(u"text") || value.isCall(u"sqlalchemy.text")
         || value.isCall(u"sa.literal_column"))
        && value.items.size() == 1 && value.keywords.isEmpty() && value.items.first().kind == VK::String
        && !value.items.first().formatted)
        return value.items.first().text;
    if (value.kind == VK::Number)
        return value.text;
    return untranslatable(u"an SQL expression that is not a literal or sa.text('...')"_s);
}

Result<QString> name(const PyValue &value)
{
    if (value.kind == VK::None)
        return QString();
    if (value.kind == VK::String && !value.formatted)
        return value.text;
    if (value.kind == VK::Call && lastSegment(value.text) == u"f"_s && value.items.size() == 1
        && value.items.first().kind == VK::String && !value.items.first().formatted)
        return value.items.first().text;
    return untranslatable(u"a name that is not a literal string"_s);
}

Result<std::pair<QString, QString>> columnReference(const QString &text)
{
    const QStringList parts = text.split(u'.');
    if (parts.size() != 2 || parts.first().isEmpty() || parts.last().isEmpty())
        return untranslatable(u"the reference '%1' is not written as 'table.column'"_s.arg(text));
    return std::pair{parts.first(), parts.last()};
}

QString referentialAction(const QString &text) { return text.trimmed().toLower(); }

namespace {

Status readForeignKeyOptions(const PyValue &call, ForeignKey &fk, const QStringList &allowed)
{
    for (const auto &[key, value] : call.keywords) {
        if (key == u"name"_s) {
            auto n = name(value);
            if (!n)
                return std::unexpected(n.error());
            fk.name = *n;
        } else if (key == u"ondelete"_s || key == u"onupdate"_s) {
            if (value.kind == VK::None)
                continue;
            if (value.kind != VK::String)
                return untranslatable(u"%1 that is not a literal string"_s.arg(key));
            (key == u"ondelete"_s ? fk.onDelete : fk.onUpdate) = referentialAction(value.text);
        } else if (!allowed.contains(key)) {
            return untranslatable(u"the foreign key option %1= has no Strata equivalent"_s.arg(key));
        }
    }
    return {};
}

} // namespace

Result<ColumnDefinition> column(const PyValue &call)
{
    if (!call.isCall(u"sa.Column") && !call.isCall(u"Column") && !call.isCall(u"sqlalchemy.Column"))
        return untranslatable(u"a column that is not written as sa.Column(...)"_s);
    ColumnDefinition def;
    if (call.items.size() < 2 || call.items.first().kind != VK::String)
        return untranslatable(u"sa.Column without a literal name and a type"_s);
    def.column.name = call.items.first().text;
    auto type = columnType(call.items.at(1));
    if (!type)
        return std::unexpected(type.error());
    def.column.type = *type;
    for (qsizetype i = 2; i < call.items.size(); ++i) {
        const PyValue &item = call.items.at(i);
        if (!item.isCall(u"sa.ForeignKey") && !item.isCall(u"ForeignKey"))
            return untranslatable(u"a column argument other than sa.ForeignKey(...)"_s);
        if (item.items.size() != 1 || item.items.first().kind != VK::String)
            return untranslatable(u"sa.ForeignKey without a literal 'table.column'"_s);
        auto ref = columnReference(item.items.first().text);
        if (!ref)
            return std::unexpected(ref.error());
        ForeignKey fk;
        fk.columns = {def.column.name};
        fk.refTable = ref->first;
        fk.refColumns = {ref->second};
        if (auto ok = readForeignKeyOptions(item, fk, {}); !ok)
            return std::unexpected(ok.error());
        def.foreignKeys << fk;
    }
    for (const auto &[key, value] : call.keywords) {
        if (key == u"nullable"_s) {
            if (value.kind != VK::Bool)
                return untranslatable(u"nullable= that is not True or False"_s);
            def.column.nullable = value.boolean;
        } else if (key == u"primary_key"_s) {
            def.primaryKey = isTrue(&value);
        } else if (key == u"autoincrement"_s) {
            if (value.kind == VK::Bool)
                def.autoincrement = value.boolean;
            else if (!(value.kind == VK::String && value.text == u"auto"_s))
                return untranslatable(u"autoincrement= that is not True, False or 'auto'"_s);
        } else if (key == u"unique"_s) {
            def.unique = isTrue(&value);
        } else if (key == u"server_default"_s) {
            if (value.kind == VK::None)
                continue;
            auto text = sqlText(value, true);
            if (!text)
                return std::unexpected(text.error());
            def.column.defaultValue = *text;
        } else if (!harmlessKeyword(key)) {
            return untranslatable(u"the column option %1= has no Strata equivalent"_s.arg(key));
        }
    }
    if (def.primaryKey)
        def.column.nullable = false;
    return def;
}

Status addTableItem(const PyValue &item, Table &table, QList<ColumnDefinition> &columns)
{
    if (item.kind != VK::Call)
        return untranslatable(u"a create_table argument that is not a column or constraint"_s);
    const QString kind = lastSegment(item.text);
    if (kind == u"Column"_s) {
        auto def = column(item);
        if (!def)
            return std::unexpected(def.error());
        table.columns << def->column;
        if (def->unique)
            table.uniques << UniqueConstraint{QString(), {def->column.name}};   // unnamed, as SQLAlchemy leaves it
        table.foreignKeys << def->foreignKeys;
        columns << *def;
        return {};
    }
    QString constraintName;
    if (const PyValue *n = item.keyword(u"name")) {
        auto text = name(*n);
        if (!text)
            return std::unexpected(text.error());
        constraintName = *text;
    }
    for (const auto &[key, value] : item.keywords) {
        if (key != u"name"_s && key != u"ondelete"_s && key != u"onupdate"_s && !harmlessKeyword(key))
            return untranslatable(u"the %1 option %2= has no Strata equivalent"_s.arg(kind, key));
    }
    if (kind == u"PrimaryKeyConstraint"_s || kind == u"UniqueConstraint"_s) {
        QStringList names;
        for (const PyValue &v : item.items) {
            if (v.kind != VK::String)
                return untranslatable(u"a %1 column that is not a literal name"_s.arg(kind));
            names << v.text;
        }
        if (kind == u"PrimaryKeyConstraint"_s)
            table.primaryKey = names;
        else
            table.uniques << UniqueConstraint{constraintName, names};
        return {};
    }
    if (kind == u"ForeignKeyConstraint"_s) {
        const auto local = item.items.size() == 2 ? item.items.at(0).stringList() : std::nullopt;
        const auto remote = item.items.size() == 2 ? item.items.at(1).stringList() : std::nullopt;
        if (!local || !remote || local->size() != remote->size() || local->isEmpty())
            return untranslatable(u"sa.ForeignKeyConstraint without two equal lists of literal columns"_s);
        ForeignKey fk;
        fk.columns = *local;
        for (const QString &ref : *remote) {
            auto parts = columnReference(ref);
            if (!parts)
                return std::unexpected(parts.error());
            if (!fk.refTable.isEmpty() && fk.refTable != parts->first)
                return untranslatable(u"a foreign key referencing two tables"_s);
            fk.refTable = parts->first;
            fk.refColumns << parts->second;
        }
        if (auto ok = readForeignKeyOptions(item, fk, {}); !ok)
            return std::unexpected(ok.error());
        table.foreignKeys << fk;
        return {};
    }
    if (kind == u"CheckConstraint"_s) {
        if (item.items.size() != 1)
            return untranslatable(u"sa.CheckConstraint without one condition"_s);
        auto text = sqlText(item.items.first(), false);
        if (!text)
            return std::unexpected(text.error());
        table.checks << CheckConstraint{constraintName, *text};
        return {};
    }
    return untranslatable(u"%1 inside create_table has no Strata equivalent"_s.arg(item.text));
}

void finishTable(Table &table, const QList<ColumnDefinition> &columns)
{
    if (table.primaryKey.isEmpty()) {
        for (const ColumnDefinition &def : columns) {
            if (def.primaryKey)
                table.primaryKey << def.column.name;
        }
    }
    for (const QString &key : std::as_const(table.primaryKey)) {
        if (Column *c = table.column(key))
            c->nullable = false;
    }
    // SQLAlchemy's autoincrement="auto": a lone integer primary key without a
    // foreign key is numbered by the database (SERIAL, SQLite's rowid).
    if (table.primaryKey.size() != 1)
        return;
    Column *key = table.column(table.primaryKey.first());
    if (!key || !key->type.isInteger())
        return;
    const bool referencing = std::ranges::any_of(table.foreignKeys, [&](const ForeignKey &fk) {
        return fk.columns.contains(key->name);
    });
    for (const ColumnDefinition &def : columns) {
        if (def.column.name == key->name) {
            key->autoincrement = def.autoincrement.value_or(!referencing);
            key->serial = key->autoincrement;
        }
    }
}

} // namespace strata::alembic::sqlalchemy
