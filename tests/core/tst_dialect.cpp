// Dialect rendering on hand-built tables: quoting, type names, column
// definitions, CREATE TABLE, ALTER COLUMN and execute. SQLite's rebuild is in
// tst_sqliterebuild, version bookkeeping in tst_versionsql, whole operations
// in the golden cases of tst_render.

#include "dialectfixtures.h"
#include "core/schema/constraintnames.h"
#include "inmemorysqlite.h"

#include "core/dialect/postgresdialect.h"
#include "core/dialect/sqlitedialect.h"
#include "core/ops/columnops.h"
#include "core/ops/executeop.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

using namespace fixtures;

namespace {

std::unique_ptr<Dialect> dialect(const QString &name)
{
    return Dialect::forName(name);
}

} // namespace

class tst_Dialect : public QObject
{
    Q_OBJECT

private slots:
    void forName_data();
    void forName();
    void quoteIdentifier_data();
    void quoteIdentifier();
    void quoteLiteral_data();
    void quoteLiteral();
    void typeName_data();
    void typeName();
    void typeNameParsesBack_data();
    void typeNameParsesBack();
    void columnDefinition_data();
    void columnDefinition();
    void createTable_data();
    void createTable();
    void alterColumn_data();
    void alterColumn();
    void execute_data();
    void execute();
    void enumTypes_data();
    void enumTypes();
    void enumTypeLifetime();
    void postgresConstraintNames_data();
    void postgresConstraintNames();
    void unnamedConstraintsInDdl();
};

void tst_Dialect::forName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::newRow("sqlite") << u"sqlite"_s << true;
    QTest::newRow("postgresql") << u"postgresql"_s << true;
    QTest::newRow("mysql is not supported") << u"mysql"_s << false;
    QTest::newRow("names are exact") << u"SQLite"_s << false;
}

void tst_Dialect::forName()
{
    QFETCH(QString, name);
    QFETCH(bool, known);
    const auto d = Dialect::forName(name);
    QCOMPARE(d != nullptr, known);
    QCOMPARE(Dialect::names().contains(name), known);
    if (d)
        QCOMPARE(d->name(), name);
    // The kind and its name are one mapping both ways; titles are for people only.
    const std::optional<Dialect::Kind> kind = dialectKindNamed(name);
    QCOMPARE(kind.has_value(), known);
    if (kind) {
        QCOMPARE(d->kind(), *kind);
        QCOMPARE(dialectName(*kind), name);
        QCOMPARE(Dialect::forKind(*kind)->name(), name);
        QCOMPARE(dialectTitle(*kind).toLower(), name);
    }
}

void tst_Dialect::quoteIdentifier_data()
{
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << u"habit"_s << u"\"habit\""_s;
    QTest::newRow("reserved word") << u"user"_s << u"\"user\""_s;
    QTest::newRow("space") << u"first name"_s << u"\"first name\""_s;
    QTest::newRow("inner quotes doubled") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("non-ASCII") << u"café_été"_s << u"\"café_été\""_s;
    QTest::newRow("mixed case kept") << u"CamelCase"_s << u"\"CamelCase\""_s;
}

void tst_Dialect::quoteIdentifier()
{
    QFETCH(QString, identifier);
    QFETCH(QString, quoted);
    for (const QString &name : Dialect::names())
        QCOMPARE(dialect(name)->quote(identifier), quoted);
}

void tst_Dialect::quoteLiteral_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("literal");
    QTest::newRow("plain") << u"draft"_s << u"'draft'"_s;
    QTest::newRow("apostrophe doubled") << u"it's"_s << u"'it''s'"_s;
    QTest::newRow("empty") << QString() << u"''"_s;
    QTest::newRow("backslash kept") << u"a\\b"_s << u"'a\\b'"_s;
}

void tst_Dialect::quoteLiteral()
{
    QFETCH(QString, text);
    QFETCH(QString, literal);
    for (const QString &name : Dialect::names())
        QCOMPARE(dialect(name)->literal(text), literal);
}

void tst_Dialect::typeName_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("sqlite");
    QTest::addColumn<QString>("postgresql");
    QTest::newRow("integer") << u"integer"_s << u"INTEGER"_s << u"integer"_s;
    QTest::newRow("bigint") << u"bigint"_s << u"BIGINT"_s << u"bigint"_s;
    QTest::newRow("smallint") << u"smallint"_s << u"SMALLINT"_s << u"smallint"_s;
    QTest::newRow("boolean") << u"boolean"_s << u"BOOLEAN"_s << u"boolean"_s;
    QTest::newRow("text") << u"text"_s << u"TEXT"_s << u"text"_s;
    QTest::newRow("string with length") << u"string(80)"_s << u"VARCHAR(80)"_s << u"varchar(80)"_s;
    QTest::newRow("string without length") << u"string"_s << u"VARCHAR"_s << u"varchar"_s;
    QTest::newRow("numeric(p,s)") << u"numeric(10,2)"_s << u"NUMERIC(10,2)"_s << u"numeric(10,2)"_s;
    QTest::newRow("numeric") << u"numeric"_s << u"NUMERIC"_s << u"numeric"_s;
    QTest::newRow("float") << u"float"_s << u"FLOAT"_s << u"real"_s;
    QTest::newRow("double") << u"double"_s << u"DOUBLE"_s << u"double precision"_s;
    QTest::newRow("date") << u"date"_s << u"DATE"_s << u"date"_s;
    QTest::newRow("time") << u"time"_s << u"TIME"_s << u"time"_s;
    QTest::newRow("datetime") << u"datetime"_s << u"DATETIME"_s << u"timestamp"_s;
    QTest::newRow("timestamptz") << u"timestamptz"_s << u"TIMESTAMPTZ"_s << u"timestamptz"_s;
    QTest::newRow("json") << u"json"_s << u"JSON"_s << u"json"_s;
    QTest::newRow("jsonb") << u"jsonb"_s << u"JSONB"_s << u"jsonb"_s;
    QTest::newRow("binary") << u"binary"_s << u"BLOB"_s << u"bytea"_s;
    QTest::newRow("uuid") << u"uuid"_s << u"UUID"_s << u"uuid"_s;
    QTest::newRow("char(n)") << u"char(2)"_s << u"CHAR(2)"_s << u"char(2)"_s;
    QTest::newRow("char alone") << u"char"_s << u"CHAR"_s << u"char"_s;
}

void tst_Dialect::typeName()
{
    QFETCH(QString, type);
    QFETCH(QString, sqlite);
    QFETCH(QString, postgresql);
    const auto parsed = ColumnType::parse(type);
    QVERIFY2(parsed.has_value(), qPrintable(type));
    QCOMPARE(SqliteDialect().typeName(*parsed), sqlite);
    QCOMPARE(PostgresDialect().typeName(*parsed), postgresql);
}

// Introspection reads declared types back with ColumnType::parse(): every
// spelling a dialect writes must give the type it was written for.
void tst_Dialect::typeNameParsesBack_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<ColumnType>("type");
    for (const QString &name : Dialect::names()) {
        for (int k = int(Kind::Integer); k <= int(Kind::Char); ++k) {
            ColumnType type;
            type.kind = Kind(k);
            if (type.kind == Kind::String || type.kind == Kind::Char)
                type.length = 40;
            if (type.kind == Kind::Numeric) {
                type.precision = 12;
                type.scale = 3;
            }
            QTest::addRow("%s %s", qPrintable(name), qPrintable(type.toString())) << name << type;
        }
    }
}

void tst_Dialect::typeNameParsesBack()
{
    QFETCH(QString, dialect);
    QFETCH(ColumnType, type);
    const QString spelled = ::dialect(dialect)->typeName(type);
    const auto parsed = ColumnType::parse(spelled);
    QVERIFY2(parsed.has_value(), qPrintable(spelled));
    QCOMPARE(parsed->toString(), type.toString());
}

void tst_Dialect::columnDefinition_data()
{
    QTest::addColumn<Column>("column");
    QTest::addColumn<QStringList>("primaryKey");
    QTest::addColumn<QString>("sqlite");
    QTest::addColumn<QString>("postgresql");

    QTest::newRow("autoincrement integer key")
        << idColumn() << QStringList{u"id"_s} << u"\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT"_s
        << u"\"id\" integer GENERATED BY DEFAULT AS IDENTITY"_s;
    QTest::newRow("autoincrement bigint key is INTEGER on SQLite")
        << idColumn(Kind::BigInt) << QStringList{u"id"_s}
        << u"\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT"_s
        << u"\"id\" bigint GENERATED BY DEFAULT AS IDENTITY"_s;
    QTest::newRow("part of a composite key")
        << column(u"id"_s, Kind::Integer) << QStringList{u"id"_s, u"other"_s}
        << u"\"id\" INTEGER NOT NULL"_s << u"\"id\" integer NOT NULL"_s;
    QTest::newRow("nullable")
        << column(u"note"_s, Kind::Text) << QStringList() << u"\"note\" TEXT"_s << u"\"note\" text"_s;
    QTest::newRow("not null with constant default")
        << column(u"archived"_s, Kind::Boolean, false, u"false"_s) << QStringList()
        << u"\"archived\" BOOLEAN NOT NULL DEFAULT false"_s << u"\"archived\" boolean NOT NULL DEFAULT false"_s;
    QTest::newRow("string default")
        << column(u"state"_s, Kind::Text, true, u"'it''s'"_s) << QStringList()
        << u"\"state\" TEXT DEFAULT 'it''s'"_s << u"\"state\" text DEFAULT 'it''s'"_s;
    QTest::newRow("negative number default")
        << column(u"delta"_s, Kind::Float, true, u"-1.5"_s) << QStringList()
        << u"\"delta\" FLOAT DEFAULT -1.5"_s << u"\"delta\" real DEFAULT -1.5"_s;
    QTest::newRow("CURRENT_TIMESTAMP needs no parentheses")
        << column(u"at"_s, Kind::DateTime, false, u"CURRENT_TIMESTAMP"_s) << QStringList()
        << u"\"at\" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"_s
        << u"\"at\" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP"_s;
    QTest::newRow("expression default parenthesized on SQLite")
        << column(u"code"_s, Kind::Text, true, u"lower('AB')"_s) << QStringList()
        << u"\"code\" TEXT DEFAULT (lower('AB'))"_s << u"\"code\" text DEFAULT lower('AB')"_s;
    QTest::newRow("parenthesized default kept")
        << column(u"n"_s, Kind::Integer, true, u"(1 + 2)"_s) << QStringList()
        << u"\"n\" INTEGER DEFAULT (1 + 2)"_s << u"\"n\" integer DEFAULT (1 + 2)"_s;
    QTest::newRow("two parenthesized terms wrapped on SQLite")
        << column(u"n"_s, Kind::Integer, true, u"(1) + (2)"_s) << QStringList()
        << u"\"n\" INTEGER DEFAULT ((1) + (2))"_s << u"\"n\" integer DEFAULT (1) + (2)"_s;
}

void tst_Dialect::columnDefinition()
{
    QFETCH(Column, column);
    QFETCH(QStringList, primaryKey);
    QFETCH(QString, sqlite);
    QFETCH(QString, postgresql);
    Table table;
    table.name = u"t"_s;
    table.columns = {column};
    table.primaryKey = primaryKey;
    QCOMPARE(SqliteDialect().columnDefinition(column, table), sqlite);
    QCOMPARE(PostgresDialect().columnDefinition(column, table), postgresql);
}

void tst_Dialect::createTable_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<Table>("table");
    QTest::addColumn<QStringList>("expected");

    Table pair;
    pair.name = u"pair"_s;
    pair.columns = {column(u"a"_s, Kind::Integer, false), column(u"b"_s, Kind::Text, false)};
    pair.primaryKey = {u"a"_s, u"b"_s};
    pair.uniques = {UniqueConstraint{{}, {u"b"_s}}};
    pair.indexes = {Index{u"ix_pair_b"_s, {u"b"_s}, true, u"a > 0"_s}};

    QTest::newRow("sqlite: inline autoincrement key, named constraints, index")
        << u"sqlite"_s << userTable()
        << QStringList{u"CREATE TABLE \"user\" (\n"
                       "    \"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
                       "    \"email\" VARCHAR(255) NOT NULL,\n"
                       "    \"select\" TEXT,\n"
                       "    \"score\" INTEGER NOT NULL DEFAULT 0,\n"
                       "    CONSTRAINT uq_user_email UNIQUE (\"email\"),\n"
                       "    CONSTRAINT ck_user_score CHECK (score >= 0)\n"
                       ")"_s,
                       u"CREATE INDEX \"ix_user_select\" ON \"user\" (\"select\")"_s};
    QTest::newRow("postgresql: identity plus PRIMARY KEY")
        << u"postgresql"_s << userTable()
        << QStringList{u"CREATE TABLE \"user\" (\n"
                       "    \"id\" integer GENERATED BY DEFAULT AS IDENTITY,\n"
                       "    \"email\" varchar(255) NOT NULL,\n"
                       "    \"select\" text,\n"
                       "    \"score\" integer NOT NULL DEFAULT 0,\n"
                       "    PRIMARY KEY (\"id\"),\n"
                       "    CONSTRAINT \"uq_user_email\" UNIQUE (\"email\"),\n"
                       "    CONSTRAINT \"ck_user_score\" CHECK (score >= 0)\n"
                       ")"_s,
                       u"CREATE INDEX \"ix_user_select\" ON \"user\" (\"select\")"_s};
    QTest::newRow("sqlite: foreign key with ON DELETE")
        << u"sqlite"_s << habitTable()
        << QStringList{u"CREATE TABLE \"habit\" (\n"
                       "    \"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
                       "    \"user_id\" INTEGER NOT NULL,\n"
                       "    \"title\" TEXT,\n"
                       "    CONSTRAINT fk_habit_user_id FOREIGN KEY (\"user_id\") REFERENCES \"user\" (\"id\")"
                       " ON DELETE CASCADE\n"
                       ")"_s};
    QTest::newRow("sqlite: composite key, unnamed unique, partial unique index")
        << u"sqlite"_s << pair
        << QStringList{u"CREATE TABLE \"pair\" (\n"
                       "    \"a\" INTEGER NOT NULL,\n"
                       "    \"b\" TEXT NOT NULL,\n"
                       "    PRIMARY KEY (\"a\", \"b\"),\n"
                       "    UNIQUE (\"b\")\n"
                       ")"_s,
                       u"CREATE UNIQUE INDEX \"ix_pair_b\" ON \"pair\" (\"b\") WHERE a > 0"_s};

    // A serial key (autoincrement: serial, what the bridge gives Alembic
    // scripts) is written as SQLAlchemy writes it.
    const auto serialTable = [](Kind kind) {
        Table t;
        t.name = u"account"_s;
        Column id = column(u"id"_s, kind, false);
        id.autoincrement = true;
        id.serial = true;
        t.columns = {id, column(u"name"_s, Kind::Text, true)};
        t.primaryKey = {u"id"_s};
        t.primaryKeyName = u"account_pk"_s;
        return t;
    };
    QTest::newRow("sqlite: serial key is the rowid, without AUTOINCREMENT")
        << u"sqlite"_s << serialTable(Kind::Integer)
        << QStringList{u"CREATE TABLE \"account\" (\n"
                       "    \"id\" INTEGER NOT NULL,\n"
                       "    \"name\" TEXT,\n"
                       "    CONSTRAINT account_pk PRIMARY KEY (\"id\")\n"
                       ")"_s};
    QTest::newRow("postgresql: serial key is SERIAL")
        << u"postgresql"_s << serialTable(Kind::Integer)
        << QStringList{u"CREATE TABLE \"account\" (\n"
                       "    \"id\" SERIAL NOT NULL,\n"
                       "    \"name\" text,\n"
                       "    CONSTRAINT \"account_pk\" PRIMARY KEY (\"id\")\n"
                       ")"_s};
    QTest::newRow("postgresql: bigint serial key is BIGSERIAL")
        << u"postgresql"_s << serialTable(Kind::BigInt)
        << QStringList{u"CREATE TABLE \"account\" (\n"
                       "    \"id\" BIGSERIAL NOT NULL,\n"
                       "    \"name\" text,\n"
                       "    CONSTRAINT \"account_pk\" PRIMARY KEY (\"id\")\n"
                       ")"_s};
}

void tst_Dialect::createTable()
{
    QFETCH(QString, dialect);
    QFETCH(Table, table);
    QFETCH(QStringList, expected);
    const QStringList actual = ::dialect(dialect)->createTable(table);
    QCOMPARE(actual, expected);
    if (dialect == "sqlite"_L1) {
        InMemorySqlite db;
        QVERIFY(db.isOpen());
        const QStringList parent = table.name == "user"_L1 ? QStringList() : SqliteDialect().createTable(userTable());
        QCOMPARE(db.runStep(parent + actual), QString());
    }
}

void tst_Dialect::alterColumn_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<Column>("changed");
    QTest::addColumn<QStringList>("expected");

    // The starting column is "user"."score" INTEGER NOT NULL DEFAULT 0.
    const QString alter = u"ALTER TABLE \"user\" ALTER COLUMN \"score\""_s;
    const QString rename = u"ALTER TABLE \"user\" RENAME COLUMN \"score\" TO \"points\""_s;
    QTest::newRow("postgresql: type change moves the default around it")
        << u"postgresql"_s << column(u"score"_s, Kind::BigInt, false, u"0"_s)
        << QStringList{alter + " DROP DEFAULT"_L1, alter + " TYPE bigint USING \"score\"::bigint"_L1,
                       alter + " SET DEFAULT 0"_L1};
    QTest::newRow("postgresql: type change without a default")
        << u"postgresql"_s << column(u"score"_s, Kind::String, false)
        << QStringList{alter + " DROP DEFAULT"_L1, alter + " TYPE varchar USING \"score\"::varchar"_L1};
    QTest::newRow("postgresql: nullable")
        << u"postgresql"_s << column(u"score"_s, Kind::Integer, true, u"0"_s)
        << QStringList{alter + " DROP NOT NULL"_L1};
    QTest::newRow("postgresql: new default")
        << u"postgresql"_s << column(u"score"_s, Kind::Integer, false, u"5"_s)
        << QStringList{alter + " SET DEFAULT 5"_L1};
    QTest::newRow("postgresql: default dropped")
        << u"postgresql"_s << column(u"score"_s, Kind::Integer, false) << QStringList{alter + " DROP DEFAULT"_L1};
    QTest::newRow("postgresql: rename last")
        << u"postgresql"_s << column(u"points"_s, Kind::Integer, true, u"0"_s)
        << QStringList{alter + " DROP NOT NULL"_L1, rename};
    QTest::newRow("postgresql: nothing changes")
        << u"postgresql"_s << column(u"score"_s, Kind::Integer, false, u"0"_s) << QStringList();
    QTest::newRow("sqlite: rename only is in place")
        << u"sqlite"_s << column(u"points"_s, Kind::Integer, false, u"0"_s) << QStringList{rename};
    QTest::newRow("sqlite: nothing changes")
        << u"sqlite"_s << column(u"score"_s, Kind::Integer, false, u"0"_s) << QStringList();
}

void tst_Dialect::alterColumn()
{
    QFETCH(QString, dialect);
    QFETCH(Column, changed);
    QFETCH(QStringList, expected);
    const Table before = userTable();
    Table after = before;
    after.columns[after.columnIndex(u"score"_s)] = changed;
    AlterColumn op;
    op.table = before.name;
    op.column = u"score"_s;
    if (changed.name != op.column)
        op.newName = changed.name;
    QCOMPARE(::dialect(dialect)->alterColumn(before, after, op), expected);
}

void tst_Dialect::execute_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("sqliteVariant");
    QTest::addColumn<QStringList>("sqlite");
    QTest::addColumn<QStringList>("postgresql");
    const QString update = u"UPDATE habit SET archived = false"_s;
    QTest::newRow("one statement for all") << update << QString() << QStringList{update} << QStringList{update};
    QTest::newRow("blanks and trailing semicolons trimmed")
        << u"\n  "_s + update + u" ;; \n"_s << QString() << QStringList{update} << QStringList{update};
    QTest::newRow("variant for sqlite")
        << update << u"UPDATE habit SET archived = 0;"_s << QStringList{u"UPDATE habit SET archived = 0"_s}
        << QStringList{update};
    QTest::newRow("empty renders nothing") << u" ; "_s << QString() << QStringList() << QStringList();
}

void tst_Dialect::execute()
{
    QFETCH(QString, sql);
    QFETCH(QString, sqliteVariant);
    QFETCH(QStringList, sqlite);
    QFETCH(QStringList, postgresql);
    Execute op;
    op.sql = sql;
    if (!sqliteVariant.isEmpty())
        op.variants.insert(u"sqlite"_s, sqliteVariant);
    QCOMPARE(SqliteDialect().execute(op), sqlite);
    QCOMPARE(PostgresDialect().execute(op), postgresql);
}

void tst_Dialect::enumTypes_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<bool>("native");
    QTest::addColumn<bool>("constraint");
    QTest::addColumn<QString>("definition");

    QTest::newRow("postgresql: the enum type") << u"postgresql"_s << true << false << u"\"mood\" \"mood_kind\""_s;
    QTest::newRow("postgresql: a native enum needs no CHECK") << u"postgresql"_s << true << true << u"\"mood\" \"mood_kind\""_s;
    QTest::newRow("postgresql: native false, a VARCHAR") << u"postgresql"_s << false << false << u"\"mood\" varchar(5)"_s;
    QTest::newRow("postgresql: native false with its CHECK") << u"postgresql"_s << false << true
        << u"\"mood\" varchar(5) CHECK (\"mood\" IN ('happy', 'sad', 'it''s'))"_s;
    QTest::newRow("sqlite: VARCHAR of the longest value") << u"sqlite"_s << true << false << u"\"mood\" VARCHAR(5)"_s;
    QTest::newRow("sqlite: CHECK only when asked") << u"sqlite"_s << true << true
        << u"\"mood\" VARCHAR(5) CHECK (\"mood\" IN ('happy', 'sad', 'it''s'))"_s;
}

void tst_Dialect::enumTypes()
{
    QFETCH(QString, dialect);
    QFETCH(bool, native);
    QFETCH(bool, constraint);
    QFETCH(QString, definition);
    Column mood = column(u"mood"_s, Kind::Text);
    mood.type = ColumnType::enumType(u"mood_kind"_s, {u"happy"_s, u"sad"_s, u"it's"_s});
    mood.type.native = native;
    mood.type.createConstraint = constraint;
    Table table;
    table.name = u"day"_s;
    table.columns = {mood};
    QCOMPARE(::dialect(dialect)->columnDefinition(mood, table), definition);
}

// CREATE TYPE before the first use, ADD VALUE in list order, DROP TYPE after the last use.
void tst_Dialect::enumTypeLifetime()
{
    const auto schemaWith = [](const QList<QStringList> &uses) {
        Schema schema;
        for (qsizetype i = 0; i < uses.size(); ++i) {
            Table t;
            t.name = u"t%1"_s.arg(i);
            Column c = column(u"c"_s, Kind::Text);
            c.type = ColumnType::enumType(u"state"_s, uses.at(i));
            t.columns = {c};
            schema.tables << t;
        }
        return schema;
    };
    const PostgresDialect pg;
    const Schema none;
    const Schema one = schemaWith({{u"a"_s, u"b"_s}});
    const Schema two = schemaWith({{u"a"_s, u"b"_s}, {u"a"_s, u"b"_s}});
    const Schema more = schemaWith({{u"new"_s, u"a"_s, u"mid"_s, u"b"_s}});
    QCOMPARE(pg.createTypes(none, one), QStringList{u"CREATE TYPE \"state\" AS ENUM ('a', 'b')"_s});
    QCOMPARE(pg.createTypes(one, two), QStringList());
    QCOMPARE(pg.createTypes(one, more),
             (QStringList{u"ALTER TYPE \"state\" ADD VALUE 'new' BEFORE 'a'"_s,
                          u"ALTER TYPE \"state\" ADD VALUE 'mid' AFTER 'a'"_s}));
    QCOMPARE(pg.dropTypes(two, one), QStringList());
    QCOMPARE(pg.dropTypes(one, none), QStringList{u"DROP TYPE \"state\""_s});
    QCOMPARE(SqliteDialect().createTypes(none, one), QStringList());
    QCOMPARE(SqliteDialect().dropTypes(one, none), QStringList());
}

// What PostgreSQL 15 names a constraint created without a name (checked
// against a real server by tst_engine_postgres's unnamedConstraints).
void tst_Dialect::postgresConstraintNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    const QString longTable(60, u't');
    const QString longColumn(40, u'c');
    QTest::newRow("foreign key, every column") << defaultForeignKeyName(u"post"_s, {u"a_id"_s, u"b_id"_s})
                                               << u"post_a_id_b_id_fkey"_s;
    QTest::newRow("unique") << defaultUniqueName(u"post"_s, {u"slug"_s}) << u"post_slug_key"_s;
    QTest::newRow("primary key") << defaultPrimaryKeyName(u"post"_s) << u"post_pkey"_s;
    QTest::newRow("long names: the longer part is shortened first")
        << defaultForeignKeyName(longTable, {longColumn})
        << QString(29, u't') + u'_' + QString(28, u'c') + u"_fkey"_s;
    QTest::newRow("long table, short column") << defaultUniqueName(longTable, {u"id"_s})
                                              << QString(56, u't') + u"_id_key"_s;
    QTest::newRow("multi-byte characters are not cut")
        << postgresObjectName(QString(40, QChar(0x20ac)), {}, u"pkey"_s)
        << QString(19, QChar(0x20ac)) + u"_pkey"_s;
}

void tst_Dialect::postgresConstraintNames()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(name, expected);
    QVERIFY(name.toUtf8().size() <= 63);
}

void tst_Dialect::unnamedConstraintsInDdl()
{
    Table table = habitTable();
    table.foreignKeys.first().name.clear();
    table.checks = {CheckConstraint{{}, u"title <> ''"_s}, CheckConstraint{{}, u"id > 0 AND title <> ''"_s}};
    Schema schema;
    schema.tables << userTable();
    nameUnnamedConstraints(table, schema);
    QCOMPARE(table.foreignKeys.first().name, u"habit_user_id_fkey"_s);
    QVERIFY(table.foreignKeys.first().generatedName);
    QCOMPARE(table.checks.at(0).name, u"habit_title_check"_s);
    QCOMPARE(table.checks.at(1).name, u"habit_check"_s);
    // A name in use gets a number after the label, as ChooseConstraintName() does.
    Table again = table;
    again.name = u"habit"_s;
    again.checks << CheckConstraint{{}, u"title <> 'x'"_s};
    nameUnnamedConstraints(again, schema);
    QCOMPARE(again.checks.at(2).name, u"habit_title_check1"_s);
    const QString ddl = PostgresDialect().createTable(table).first();
    QVERIFY2(!ddl.contains(u"CONSTRAINT"_s), qPrintable(ddl));
    QVERIFY2(ddl.contains(u"FOREIGN KEY (\"user_id\") REFERENCES \"user\" (\"id\")"_s), qPrintable(ddl));
}

QTEST_GUILESS_MAIN(tst_Dialect)
#include "tst_dialect.moc"
