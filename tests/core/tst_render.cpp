// Golden rendering: every folder under tests/data/render/ is a case.
//
//   ops.yaml               before: operations replayed to build the starting schema
//                          ops:    operations to render, each given the schema just before it
//                          seed:   (optional) SQL run on SQLite after the `before` DDL;
//                                  every table that still exists must keep its row count
//   expected.sqlite.sql    the rendered SQL, each statement ending in ';', then what
//                          the ops render after the rest of their revision (use_alter),
//   expected.postgresql.sql  a blank line between operations
//
// The SQLite output is also executed, as the runner would execute a step, on
// an in-memory database built from the `before` schema's DDL, and the tables
// it leaves must have the columns and indexes the replay says. The PostgreSQL
// files were checked by hand against a real server (pg_virtualenv psql).
//
// To accept new output after an intended change, run the test with
// STRATA_UPDATE_GOLDEN=1: it rewrites the expected files; review the diff.

#include "inmemorysqlite.h"

#include "core/dialect/dialect.h"
#include "core/ops/operation.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

QString renderDir()
{
    return QStringLiteral(STRATA_TEST_DATA "/render");
}

Result<OperationList> parseList(const YAML::Node &list, const QString &file)
{
    OperationList ops;
    if (!list)
        return ops;
    for (const YAML::Node &item : list) {
        auto op = parseOperation(item, file);
        if (!op)
            return std::unexpected(op.error());
        ops << *op;
    }
    return ops;
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString asFile(const QList<QStringList> &perOperation)
{
    QStringList groups;
    for (const QStringList &statements : perOperation) {
        if (!statements.isEmpty())
            groups << statements.join(u";\n"_s) + u";\n"_s;
    }
    return groups.join(u"\n"_s);
}

qint64 rowCount(InMemorySqlite &db, const Dialect &dialect, const QString &table)
{
    return db.rows(u"SELECT count(*) FROM "_s + dialect.quote(table)).value(0).toLongLong();
}

} // namespace

class tst_Render : public QObject
{
    Q_OBJECT

private slots:
    void render_data();
    void render();
};

void tst_Render::render_data()
{
    QTest::addColumn<QString>("caseDir");
    QTest::addColumn<QString>("dialect");
    const QStringList cases = QDir(renderDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(!cases.isEmpty(), qPrintable(renderDir()));
    for (const QString &name : cases) {
        for (const QString &dialect : Dialect::names())
            QTest::addRow("%s/%s", qPrintable(name), qPrintable(dialect)) << renderDir() + u'/' + name << dialect;
    }
}

void tst_Render::render()
{
    QFETCH(QString, caseDir);
    QFETCH(QString, dialect);
    const auto d = Dialect::forName(dialect);
    const QString opsFile = caseDir + u"/ops.yaml"_s;

    YAML::Node doc;
    try {
        doc = YAML::LoadFile(opsFile.toStdString());
    } catch (const YAML::Exception &e) {
        QFAIL(qPrintable(opsFile + u": "_s + QString::fromStdString(e.what())));
    }
    const auto before = parseList(doc["before"], opsFile);
    QVERIFY2(before.has_value(), qPrintable(before ? QString() : before.error().toString()));
    const auto ops = parseList(doc["ops"], opsFile);
    QVERIFY2(ops.has_value(), qPrintable(ops ? QString() : ops.error().toString()));
    QVERIFY2(!ops->isEmpty(), "a case needs at least one operation under ops:");

    const auto start = replay(Schema(), *before);
    QVERIFY2(start.has_value(), qPrintable(start ? QString() : start.error().toString()));
    Schema schema = *start;
    QList<QStringList> rendered;
    for (const OperationPtr &op : *ops) {
        auto statements = op->render(*d, schema);
        QVERIFY2(statements.has_value(), qPrintable(statements ? QString() : statements.error().toString()));
        rendered << *statements;
        const Status applied = op->apply(schema);
        QVERIFY2(applied.has_value(), qPrintable(applied ? QString() : applied.error().toString()));
    }
    // A draft renders and applies in one call, changing its schema in place:
    // the same statements, and the schema the operations leave.
    Schema inPlace = *start;
    for (qsizetype i = 0; i < ops->size(); ++i) {
        auto statements = ops->at(i)->renderAndApply(*d, inPlace);
        QVERIFY2(statements.has_value(), qPrintable(statements ? QString() : statements.error().toString()));
        QCOMPARE(*statements, rendered.at(i));
    }
    QVERIFY(inPlace == schema);
    // The case's ops are one revision: use_alter foreign keys come last, as renderStep() puts them.
    for (const OperationPtr &op : *ops)
        rendered << op->renderLate(*d, schema);

    const QString actual = asFile(rendered);
    const QString expectedFile = caseDir + u"/expected.%1.sql"_s.arg(dialect);
    if (qEnvironmentVariableIntValue("STRATA_UPDATE_GOLDEN") == 1) {
        QFile out(expectedFile);
        QVERIFY2(out.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(expectedFile));
        out.write(actual.toUtf8());
        qInfo().noquote() << "rewrote" << expectedFile;
    }
    const QString expected = readText(expectedFile);
    if (actual != expected)
        qWarning().noquote() << "\n--- actual" << expectedFile << "---\n" << actual << "--- end ---";
    QCOMPARE(actual, expected);

    if (dialect != "sqlite"_L1)
        return;
    InMemorySqlite db;
    QVERIFY(db.isOpen());
    QStringList seed;
    if (const YAML::Node seedList = doc["seed"]) {
        for (const YAML::Node &statement : seedList)
            seed << QString::fromStdString(statement.as<std::string>());
    }
    QCOMPARE(db.runStep(d->schemaDdl(*start) + seed), QString());
    QMap<QString, qint64> rowsBefore;
    for (const Table &table : start->tables)
        rowsBefore.insert(table.name, rowCount(db, *d, table.name));

    QStringList all;
    for (const QStringList &statements : rendered)
        all << statements;
    QCOMPARE(db.runStep(all), QString());
    // Whole-database check: children of a rebuilt table still find their parents.
    QCOMPARE(db.rows(u"PRAGMA foreign_key_check"_s), QStringList());

    for (const Table &table : schema.tables) {
        QStringList columns;
        for (const Column &column : table.columns)
            columns << column.name;
        QCOMPARE(db.rows(u"SELECT name FROM pragma_table_info(%1) ORDER BY cid"_s.arg(d->literal(table.name))),
                 columns);
        QStringList indexes;
        for (const Index &index : table.indexes)
            indexes << index.name;
        indexes.sort();
        QCOMPARE(db.rows(u"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = %1 "
                         "AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name"_s.arg(d->literal(table.name))),
                 indexes);
        if (rowsBefore.contains(table.name))
            QCOMPARE(rowCount(db, *d, table.name), rowsBefore.value(table.name));
    }
}

QTEST_GUILESS_MAIN(tst_Render)
#include "tst_render.moc"
