// `strata lint` rules: each fires on a small fixture revision at the line of
// the operation, a lint_ignore entry with a reason silences it, and the
// bundled example project is clean.
#include "testprojects.h"

#include "core/project/project.h"
#include "core/safety/lint.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The base every fixture builds on: one existing table with typed columns.
const QByteArray baseUpgrade =
    "- create_table:\n"
    "    name: account\n"
    "    columns:\n"
    "      - {name: id, type: integer, primary_key: true, autoincrement: true}\n"
    "      - {name: name, type: string(100), nullable: false}\n"
    "      - {name: bio, type: text}\n"
    "      - {name: score, type: bigint}\n";
const QByteArray baseDowngrade = "- drop_table: account";
const QByteArray accountTable =
    "- create_table: {name: account, columns: [{name: id, type: integer, primary_key: true, autoincrement: true}, "
    "{name: name, type: string(100), nullable: false}, {name: bio, type: text}, {name: score, type: bigint}]}";
// revisionYaml() writes three header lines, a blank line and "upgrade:": the first item is on line 6.
constexpr int firstUpgradeLine = 6;

QStringList codesAt(const QList<strata::Issue> &issues, int line)
{
    QStringList codes;
    for (const strata::Issue &issue : issues) {
        if (issue.line == line)
            codes << issue.code;
    }
    return codes;
}

} // namespace

class TestLint : public QObject
{
    Q_OBJECT

private:
    // Lints revision b0b0b0b0b0b0 (upgrade/downgrade given) on top of the base.
    QList<strata::Issue> lintFixture(const QByteArray &upgrade, const QByteArray &downgrade,
                                     const QByteArray &extraHeader = {})
    {
        TestProject project;
        if (project.writeRevision(u"a0a0a0a0a0a0"_s, {}, baseUpgrade, baseDowngrade).isEmpty())
            return {};
        QByteArray text = TestProjects::revisionYaml(u"b0b0b0b0b0b0"_s, {u"a0a0a0a0a0a0"_s}, u"Fixture"_s, upgrade,
                                                     downgrade);
        text.replace("\n\nupgrade:", QByteArray("\n" + extraHeader + "\nupgrade:"));
        if (project.writeRevision(u"b0b0b0b0b0b0_fixture"_s, text).isEmpty())
            return {};
        auto opened = project.open();
        if (!opened) {
            qWarning("%s", qPrintable(opened.error().toString()));
            return {};
        }
        return strata::lintRevisions(*opened, {u"b0b0b0b0b0b0"_s});
    }

private Q_SLOTS:
    void ruleFires_data()
    {
        QTest::addColumn<QByteArray>("upgrade");
        QTest::addColumn<QByteArray>("downgrade");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        QTest::newRow("drop table loses rows") << QByteArray("- drop_table: account") << accountTable
                                               << u"drop-table"_s << firstUpgradeLine;
        QTest::newRow("drop column loses data")
            << QByteArray("- drop_column: {table: account, column: bio}")
            << QByteArray("- add_column: {table: account, column: {name: bio, type: text}}") << u"drop-column"_s
            << firstUpgradeLine;
        QTest::newRow("NOT NULL column added without default")
            << QByteArray("- add_column: {table: account, column: {name: email, type: text, nullable: false}}")
            << QByteArray("- drop_column: {table: account, column: email}") << u"not-null-without-default"_s
            << firstUpgradeLine;
        QTest::newRow("shorter string")
            << QByteArray("- alter_column: {table: account, column: name, type: string(20)}")
            << QByteArray("- alter_column: {table: account, column: name, type: string(100)}")
            << u"type-narrowing"_s << firstUpgradeLine;
        QTest::newRow("string to an enum")
            << QByteArray("- alter_column: {table: account, column: name, type: {enum: account_name, values: [a, b]}}")
            << QByteArray("- alter_column: {table: account, column: name, type: string(100)}")
            << u"type-narrowing"_s << firstUpgradeLine;
        QTest::newRow("string to char(2)")
            << QByteArray("- alter_column: {table: account, column: name, type: char(2)}")
            << QByteArray("- alter_column: {table: account, column: name, type: string(100)}")
            << u"type-narrowing"_s << firstUpgradeLine;
        QTest::newRow("bigint to smallint")
            << QByteArray("- create_index: {name: ix_account_name, table: account, columns: [name]}\n"
                          "- alter_column: {table: account, column: score, type: smallint}")
            << QByteArray("- alter_column: {table: account, column: score, type: bigint}\n"
                          "- drop_index: {name: ix_account_name, table: account}")
            << u"type-narrowing"_s << firstUpgradeLine + 1;
        QTest::newRow("rename table")
            << QByteArray("- rename_table: {from: account, to: member}")
            << QByteArray("- rename_table: {from: member, to: account}") << u"rename"_s << firstUpgradeLine;
        QTest::newRow("rename column")
            << QByteArray("- alter_column: {table: account, column: bio, new_name: about}")
            << QByteArray("- alter_column: {table: account, column: about, new_name: bio}") << u"rename"_s
            << firstUpgradeLine;
        QTest::newRow("index on an existing PostgreSQL table")
            << QByteArray("- create_index: {name: ix_account_name, table: account, columns: [name]}")
            << QByteArray("- drop_index: {name: ix_account_name, table: account}") << u"non-concurrent-index"_s
            << firstUpgradeLine;
        QTest::newRow("no downgrade")
            << QByteArray("- create_table: {name: tag, columns: [{name: id, type: integer, primary_key: true}]}")
            << QByteArray() << u"missing-downgrade"_s << firstUpgradeLine;
        QTest::newRow("downgrade forgets the index")
            << QByteArray("- create_table: {name: tag, columns: [{name: id, type: integer, primary_key: true}]}\n"
                          "- create_index: {name: ix_account_score, table: account, columns: [score]}")
            << QByteArray("- drop_table: tag") << u"downgrade-not-inverse"_s << firstUpgradeLine + 4;
        QTest::newRow("DDL execute without downgrade SQL")
            << QByteArray("- execute: {sql: \"CREATE VIEW account_names AS SELECT name FROM account\"}\n"
                          "- create_table: {name: tag, columns: [{name: id, type: integer, primary_key: true}]}")
            << QByteArray("- drop_table: tag") << u"execute-without-downgrade"_s << firstUpgradeLine;
    }

    void ruleFires()
    {
        QFETCH(QByteArray, upgrade);
        QFETCH(QByteArray, downgrade);
        QFETCH(QString, code);
        QFETCH(int, line);
        const QList<strata::Issue> issues = lintFixture(upgrade, downgrade);
        QStringList all;
        for (const strata::Issue &issue : issues)
            all << u"%1:%2 %3"_s.arg(issue.line).arg(issue.code, issue.text);
        QVERIFY2(codesAt(issues, line).contains(code), qPrintable(all.join(u'\n')));
        for (const strata::Issue &issue : issues)
            QVERIFY2(issue.file.endsWith(u"b0b0b0b0b0b0_fixture.yaml"_s), qPrintable(issue.file));
    }

    void lintIgnoreSilencesWithReason()
    {
        const QByteArray up = "- drop_table: account";
        QVERIFY(codesAt(lintFixture(up, accountTable), firstUpgradeLine).contains(u"drop-table"_s));
        const QList<strata::Issue> silenced = lintFixture(
            up, accountTable, "lint_ignore:\n  - {code: drop-table, reason: the table was unused since 2024}\n");
        QCOMPARE(codesAt(silenced, firstUpgradeLine + 2), QStringList());
    }

    void lintIgnoreWithoutReasonIsAnInputError()
    {
        TestProject project;
        QByteArray text = TestProjects::revisionYaml(u"c0c0c0c0c0c0"_s, {}, u"Fixture"_s, baseUpgrade, baseDowngrade);
        text.replace("\n\nupgrade:", "\nlint_ignore:\n  - {code: drop-table}\n\nupgrade:");
        QVERIFY(!project.writeRevision(u"c0c0c0c0c0c0_fixture"_s, text).isEmpty());
        auto opened = project.open();
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, strata::Error::Code::Input);
        QVERIFY2(opened.error().message.contains(u"needs a code and a reason"_s), qPrintable(opened.error().message));
        QVERIFY2(opened.error().where.contains(u"c0c0c0c0c0c0_fixture.yaml:5"_s), qPrintable(opened.error().where));
    }

    void exampleProjectIsQuiet()
    {
        auto project = strata::Project::open(QStringLiteral(STRATA_EXAMPLE_PROJECT));
        QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
        QStringList ids;
        for (const strata::Revision &revision : project->graph().revisions())
            ids << revision.id;
        QStringList found;
        for (const strata::Issue &issue : strata::lintRevisions(*project, ids))
            found << issue.toString();
        QCOMPARE(found, QStringList());
    }
};

QTEST_GUILESS_MAIN(TestLint)
#include "tst_lint.moc"
