#include "core/schema/columntype.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Kind = strata::ColumnType::Kind;

class TestColumnType : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void canonicalRoundTrip_data();
    void canonicalRoundTrip();
    void rejects_data();
    void rejects();
    void enumAndRaw();
};

void TestColumnType::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("precision");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("integer") << u"integer"_s << int(Kind::Integer) << 0 << 0 << 0 << u"integer"_s;
    QTest::newRow("upper case") << u"INTEGER"_s << int(Kind::Integer) << 0 << 0 << 0 << u"integer"_s;
    QTest::newRow("surrounding spaces") << u"  bigint "_s << int(Kind::BigInt) << 0 << 0 << 0 << u"bigint"_s;
    QTest::newRow("int alias") << u"int"_s << int(Kind::Integer) << 0 << 0 << 0 << u"integer"_s;
    QTest::newRow("int8 alias") << u"int8"_s << int(Kind::BigInt) << 0 << 0 << 0 << u"bigint"_s;
    QTest::newRow("smallint") << u"smallint"_s << int(Kind::SmallInt) << 0 << 0 << 0 << u"smallint"_s;
    QTest::newRow("bool alias") << u"bool"_s << int(Kind::Boolean) << 0 << 0 << 0 << u"boolean"_s;
    QTest::newRow("string with length") << u"string(50)"_s << int(Kind::String) << 50 << 0 << 0 << u"string(50)"_s;
    QTest::newRow("string without length") << u"string"_s << int(Kind::String) << 0 << 0 << 0 << u"string"_s;
    QTest::newRow("spaces inside parentheses") << u"string( 20 )"_s << int(Kind::String) << 20 << 0 << 0 << u"string(20)"_s;
    QTest::newRow("varchar alias") << u"VARCHAR(255)"_s << int(Kind::String) << 255 << 0 << 0 << u"string(255)"_s;
    QTest::newRow("character varying alias") << u"character varying(8)"_s << int(Kind::String) << 8 << 0 << 0 << u"string(8)"_s;
    QTest::newRow("numeric with scale") << u"numeric(10,2)"_s << int(Kind::Numeric) << 0 << 10 << 2 << u"numeric(10,2)"_s;
    QTest::newRow("decimal alias with space") << u"decimal(12, 4)"_s << int(Kind::Numeric) << 0 << 12 << 4 << u"numeric(12,4)"_s;
    QTest::newRow("numeric precision only") << u"numeric(5)"_s << int(Kind::Numeric) << 0 << 5 << 0 << u"numeric(5,0)"_s;
    QTest::newRow("numeric unconstrained") << u"numeric"_s << int(Kind::Numeric) << 0 << 0 << 0 << u"numeric"_s;
    QTest::newRow("real alias") << u"real"_s << int(Kind::Float) << 0 << 0 << 0 << u"float"_s;
    QTest::newRow("double precision alias") << u"double precision"_s << int(Kind::Double) << 0 << 0 << 0 << u"double"_s;
    QTest::newRow("timestamp alias") << u"timestamp"_s << int(Kind::DateTime) << 0 << 0 << 0 << u"datetime"_s;
    QTest::newRow("timestamp with time zone alias") << u"timestamp with time zone"_s << int(Kind::TimestampTz) << 0 << 0 << 0 << u"timestamptz"_s;
    QTest::newRow("blob alias") << u"blob"_s << int(Kind::Binary) << 0 << 0 << 0 << u"binary"_s;
    QTest::newRow("jsonb") << u"jsonb"_s << int(Kind::JsonB) << 0 << 0 << 0 << u"jsonb"_s;
    QTest::newRow("uuid") << u"uuid"_s << int(Kind::Uuid) << 0 << 0 << 0 << u"uuid"_s;
    QTest::newRow("varchar without length (sa.String())") << u"VARCHAR"_s << int(Kind::String) << 0 << 0 << 0 << u"string"_s;
    QTest::newRow("PostgreSQL's character varying without length") << u"character varying"_s << int(Kind::String) << 0 << 0 << 0 << u"string"_s;
    QTest::newRow("char with length") << u"char(2)"_s << int(Kind::Char) << 2 << 0 << 0 << u"char(2)"_s;
    QTest::newRow("char alone") << u"CHAR"_s << int(Kind::Char) << 0 << 0 << 0 << u"char"_s;
    QTest::newRow("PostgreSQL's character(n)") << u"character(3)"_s << int(Kind::Char) << 3 << 0 << 0 << u"char(3)"_s;
    QTest::newRow("PostgreSQL's bpchar") << u"bpchar"_s << int(Kind::Char) << 0 << 0 << 0 << u"char"_s;
}

void TestColumnType::parse()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(int, length);
    QFETCH(int, precision);
    QFETCH(int, scale);
    QFETCH(QString, canonical);

    const auto type = strata::ColumnType::parse(text);
    QVERIFY2(type.has_value(), qPrintable(type ? QString() : type.error().toString()));
    QCOMPARE(int(type->kind), kind);
    QCOMPARE(type->length, length);
    QCOMPARE(type->precision, precision);
    QCOMPARE(type->scale, scale);
    QCOMPARE(type->toString(), canonical);
}

void TestColumnType::canonicalRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    for (const char *name : {"integer", "bigint", "smallint", "boolean", "text", "string", "string(1)", "numeric",
                             "numeric(38,10)", "float", "double", "date", "time", "datetime", "timestamptz", "json",
                             "binary", "uuid", "char", "char(2)"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestColumnType::canonicalRoundTrip()
{
    QFETCH(QString, text);
    const auto type = strata::ColumnType::parse(text);
    QVERIFY(type.has_value());
    QCOMPARE(type->toString(), text);
    QCOMPARE(strata::ColumnType::parse(type->toString()).value(), *type);
}

void TestColumnType::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");

    QTest::newRow("misspelt name") << u"strng"_s << u"unknown column type 'strng'"_s << u"string(n)"_s;
    QTest::newRow("empty") << QString() << u"unknown column type ''"_s << u"integer, bigint"_s;
    QTest::newRow("zero length") << u"string(0)"_s << u"string takes one positive length"_s << u"text"_s;
    QTest::newRow("string with two sizes") << u"string(1,2)"_s << u"string takes one positive length"_s << u"string(255)"_s;
    QTest::newRow("scale above precision") << u"numeric(2,5)"_s << u"0 <= s <= p"_s << u"numeric(10,2)"_s;
    QTest::newRow("precision too large") << u"numeric(2000)"_s << u"1 <= p <= 1000"_s << u"numeric(10,2)"_s;
    QTest::newRow("length overflowing int") << u"string(99999999999)"_s << u"positive length"_s << u"string(255)"_s;
    QTest::newRow("size on a sizeless type") << u"integer(4)"_s << u"integer takes no size"_s << u"without parentheses"_s;
    QTest::newRow("non-numeric size") << u"varchar(abc)"_s << u"bad column type 'varchar(abc)': the size in parentheses must be whole numbers, not 'abc'"_s
                                      << u"string(255)"_s;
    QTest::newRow("char of zero length") << u"char(0)"_s << u"char takes one positive length"_s << u"char(2)"_s;
    QTest::newRow("unclosed parenthesis") << u"string(5"_s << u"unknown column type 'string(5'"_s << u"string(n)"_s;
}

void TestColumnType::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(QString, hint);

    const auto type = strata::ColumnType::parse(text);
    QVERIFY(!type.has_value());
    QCOMPARE(type.error().code, strata::Error::Code::Input);
    QVERIFY2(type.error().message.contains(message), qPrintable(type.error().message));
    QVERIFY2(type.error().hint.contains(hint), qPrintable(type.error().hint));
}

void TestColumnType::enumAndRaw()
{
    auto mood = strata::ColumnType::enumType(u"mood"_s, {u"happy"_s, u"so-so"_s, u"sad"_s});
    QCOMPARE(mood.toString(), u"enum mood (happy, so-so, sad)"_s);
    QCOMPARE(mood.enumLength(), 5);
    QVERIFY(mood.isNativeEnum());
    mood.native = false;
    QVERIFY(!mood.isNativeEnum());
    QVERIFY(mood != strata::ColumnType::enumType(u"mood"_s, {u"happy"_s, u"so-so"_s, u"sad"_s}));
    const auto raw = strata::ColumnType::rawType(u" TSVECTOR "_s);
    QCOMPARE(int(raw.kind), int(Kind::Raw));
    QCOMPARE(raw.toString(), u"TSVECTOR"_s);
}

QTEST_GUILESS_MAIN(TestColumnType)
#include "tst_columntype.moc"
