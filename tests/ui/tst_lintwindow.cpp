// The studio's lint of the newest revisions walks the history once (the
// schema below each revision follows from the one below its parent) and asks
// the shared checkpoints where it cannot: its findings are exactly those of
// `strata lint` on each revision, on a line, across a branch and a merge, and
// with or without checkpoints.
#include "core/project/project.h"
#include "core/project/schemacheckpoints.h"
#include "core/safety/lint.h"
#include "ui/safety/lintrunner.h"
#include "testprojects.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

QString id(int i) { return u"%1"_s.arg(i, 12, 10, QChar(u'0')); }

// Revision i: creates t<i>, unless `flag` and i calls for something lint
// flags: drop the oldest table still there (the downgrade does not bring it
// back), or add a NOT NULL column without a default to the newest one.
std::pair<QByteArray, QByteArray> stepFor(int i, bool flag, QList<QByteArray> &alive)
{
    if (flag && i % 7 == 3 && alive.size() > 2)
        return {"- drop_table: " + alive.takeFirst(), "[]"};
    if (flag && i % 11 == 5 && !alive.isEmpty()) {
        const QByteArray column = "c" + QByteArray::number(i);
        return {"- add_column: {table: " + alive.last() + ", name: " + column + ", type: integer, nullable: false}",
                "- drop_column: {table: " + alive.last() + ", column: " + column + "}"};
    }
    const QByteArray table = "t" + QByteArray::number(i);
    alive << table;
    return {"- create_table: {name: " + table + ", columns: [{name: id, type: integer, primary_key: true}]}",
            "- drop_table: " + table};
}

} // namespace

class TestLintWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameFindingsAsLint_data();
    void sameFindingsAsLint();
};

void TestLintWindow::sameFindingsAsLint_data()
{
    QTest::addColumn<bool>("checkpoints");
    QTest::addColumn<bool>("merge");
    QTest::newRow("a line, replayed from base") << false << false;
    QTest::newRow("a line, with checkpoints") << true << false;
    QTest::newRow("a branch and a merge, with checkpoints") << true << true;
}

void TestLintWindow::sameFindingsAsLint()
{
    QFETCH(bool, checkpoints);
    QFETCH(bool, merge);
    TestProject project;
    // More than the studio lints, so the window starts in the middle.
    const int count = ui::LintRunner::Limit + 40;
    QString parent;
    QList<QByteArray> alive;
    for (int i = 0; i < count; ++i) {
        QStringList parents = parent.isEmpty() ? QStringList() : QStringList{parent};
        // With merge: count-61 is one tip; count-60 .. count-41 branch off
        // count-62 beside it; count-40 merges the two. They only create tables.
        const bool branched = merge && i >= count - 61 && i <= count - 40;
        if (merge && i == count - 60)
            parents = QStringList{id(count - 62)};
        else if (merge && i == count - 40)
            parents = QStringList{id(count - 41), id(count - 61)};
        const auto [up, down] = stepFor(i, !branched, alive);
        QVERIFY(!project.writeRevision(id(i) + u"_step"_s,
                                       TestProjects::revisionYaml(id(i), parents, u"Step"_s, up, down))
                     .isEmpty());
        parent = id(i);
    }
    auto opened = project.open();
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    const auto shared = std::make_shared<const Project>(std::move(*opened));

    ui::LintRunner runner;
    QSignalSpy finished(&runner, &ui::LintRunner::finished);
    runner.start(shared, DialectKind::Postgresql,
                 checkpoints ? std::make_shared<SchemaCheckpoints>(*shared, 16) : nullptr);
    QVERIFY(finished.wait(60000));

    LintOptions options;
    options.dialect = DialectKind::Postgresql;
    int flagged = 0;
    const QList<Revision> &revisions = shared->graph().revisions();
    for (qsizetype i = 0; i < revisions.size(); ++i) {
        const QString &revision = revisions.at(i).id;
        const bool inWindow = i >= revisions.size() - ui::LintRunner::Limit;
        QCOMPARE(runner.isLinted(revision), inWindow);
        if (!inWindow)
            continue;
        QStringList expected;
        for (const Issue &issue : lintRevisions(*shared, {revision}, options))
            expected << issue.toString() + u" line "_s + QString::number(issue.line);
        QStringList found;
        for (const Issue &issue : runner.findings().value(revision))
            found << issue.toString() + u" line "_s + QString::number(issue.line);
        QCOMPARE(found, expected);
        flagged += expected.isEmpty() ? 0 : 1;
    }
    QVERIFY2(flagged > 20, qPrintable(QString::number(flagged)));
}

QTEST_MAIN(TestLintWindow)
#include "tst_lintwindow.moc"
