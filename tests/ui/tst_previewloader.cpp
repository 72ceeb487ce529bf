// The diff pane's preview: at once on a small project, on a pool thread past
// PreviewLoader::backgroundThreshold revisions, and only the newest request
// answered when several are in flight.
#include "ui/diff/previewloader.h"
#include "core/project/project.h"
#include "testprojects.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace strata;
using namespace strata::ui;

class TestPreviewLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersASmallProjectAtOnce();
    void replaysALargeProjectInTheBackground();
    void showsOnlyTheChangedTablesOfALargeSchema_data();
    void showsOnlyTheChangedTablesOfALargeSchema();

private:
    // A linear chain: r0001 creates table t, each later one adds a column.
    static std::shared_ptr<const Project> chain(TestProject &folder, int revisions);
};

std::shared_ptr<const Project> TestPreviewLoader::chain(TestProject &folder, int revisions)
{
    for (int i = 1; i <= revisions; ++i) {
        const QString id = u"r%1"_s.arg(i, 4, 10, QChar(u'0'));
        const QStringList parents = i == 1 ? QStringList() : QStringList{u"r%1"_s.arg(i - 1, 4, 10, QChar(u'0'))};
        const QByteArray n = QByteArray::number(i);
        const QByteArray up = i == 1 ? QByteArray("  - create_table: {name: t, columns: [{name: id, type: integer}]}")
                                     : QByteArray("  - add_column: {table: t, column: {name: c" + n
                                                  + ", type: text, nullable: true}}");
        const QByteArray down = i == 1 ? QByteArray("  - drop_table: t")
                                       : QByteArray("  - drop_column: {table: t, column: c" + n + "}");
        if (TestProjects::writeRevision(folder.path(), id, TestProjects::revisionYaml(id, parents, u"step"_s, up, down))
                .isEmpty())
            return nullptr;
    }
    auto project = Project::open(folder.path());
    if (!project)
        return nullptr;
    return std::make_shared<const Project>(std::move(*project));
}

void TestPreviewLoader::answersASmallProjectAtOnce()
{
    TestProject folder;
    const auto project = chain(folder, 3);
    QVERIFY(project);
    PreviewLoader loader;
    QSignalSpy started(&loader, &PreviewLoader::started);
    QSignalSpy loaded(&loader, &PreviewLoader::loaded);

    loader.request(project, u"r0002"_s, {}, strata::DialectKind::Sqlite);

    QCOMPARE(started.count(), 0);
    QCOMPARE(loaded.count(), 1);
    const auto preview = loaded.first().first().value<RevisionPreview>();
    QCOMPARE(preview.revisionId, u"r0002"_s);
    QVERIFY2(preview.upgradeSql->contains(u"ADD COLUMN \"c2\""_s), qPrintable(*preview.upgradeSql));
}

void TestPreviewLoader::replaysALargeProjectInTheBackground()
{
    TestProject folder;
    const int revisions = int(PreviewLoader::backgroundThreshold) + 5;
    const auto project = chain(folder, revisions);
    QVERIFY(project);
    PreviewLoader loader;
    QSignalSpy started(&loader, &PreviewLoader::started);
    QSignalSpy loaded(&loader, &PreviewLoader::loaded);

    // The first request is overtaken by the second before it is answered.
    loader.request(project, u"r0010"_s, {}, strata::DialectKind::Sqlite);
    loader.request(project, u"r1000"_s, {}, strata::DialectKind::Postgresql);
    QCOMPARE(started.count(), 2);
    QCOMPARE(loaded.count(), 0);
    QVERIFY(loader.isBusy());

    QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), 60000);
    QCOMPARE(loaded.count(), 1);
    const auto preview = loaded.first().first().value<RevisionPreview>();
    QCOMPARE(preview.revisionId, u"r1000"_s);
    QCOMPARE(preview.dialect, strata::DialectKind::Postgresql);
    QVERIFY(preview.beforeDdl.join(u'\n').contains(u"c999"_s));
    QVERIFY(!preview.beforeDdl.join(u'\n').contains(u"c1000"_s));
    QVERIFY(preview.afterDdl.join(u'\n').contains(u"c1000"_s));
}

void TestPreviewLoader::showsOnlyTheChangedTablesOfALargeSchema_data()
{
    QTest::addColumn<int>("tables");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QStringList>("before");   // the lines of the schema before, as shown
    QTest::addColumn<QStringList>("afterTables");
    const QString t001 = u"CREATE TABLE \"t0001\" ("_s;
    QTest::newRow("a few tables: the whole schema") << 3 << u"x0003"_s << QStringList{t001}
                                                    << QStringList{u"t0001"_s, u"t0002"_s, u"t0003"_s};
    QTest::newRow("many tables, one created") << 400 << u"x0400"_s
                                              << QStringList{u"-- 399 tables unchanged by this step are not shown"_s}
                                              << QStringList{u"t0400"_s};
    QTest::newRow("many tables, one changed") << 400 << u"y0001"_s
                                              << QStringList{u"-- 399 tables unchanged by this step are not shown"_s,
                                                             t001}
                                              << QStringList{u"t0001"_s};
}

// A step among hundreds of tables shows (and diffs) only the tables it
// changes, after a line that counts the others; a small schema is shown whole.
void TestPreviewLoader::showsOnlyTheChangedTablesOfALargeSchema()
{
    QFETCH(int, tables);
    QFETCH(QString, revision);
    QFETCH(QStringList, before);
    QFETCH(QStringList, afterTables);
    TestProject folder;
    QString parent;
    for (int i = 1; i <= tables; ++i) {
        const QString id = u"x%1"_s.arg(i, 4, 10, QChar(u'0'));
        const QByteArray table = "t" + QByteArray::number(i).rightJustified(4, '0');
        const QByteArray up = "  - create_table: {name: " + table + ", columns: [{name: id, type: integer}]}";
        QVERIFY(!TestProjects::writeRevision(folder.path(), id,
                                             TestProjects::revisionYaml(id, parent.isEmpty() ? QStringList()
                                                                                             : QStringList{parent},
                                                                        u"step"_s, up, "  - drop_table: " + table))
                     .isEmpty());
        parent = id;
    }
    QVERIFY(!TestProjects::writeRevision(folder.path(), u"y0001"_s,
                                         TestProjects::revisionYaml(u"y0001"_s, {parent}, u"step"_s,
                                                                    "  - add_column: {table: t0001, column: "
                                                                    "{name: c, type: text}}",
                                                                    "  - drop_column: {table: t0001, column: c}"))
                 .isEmpty());
    auto opened = Project::open(folder.path());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    const auto project = std::make_shared<const Project>(std::move(*opened));
    PreviewLoader loader;
    QSignalSpy loaded(&loader, &PreviewLoader::loaded);
    loader.request(project, revision, {}, strata::DialectKind::Postgresql);
    QCOMPARE(loaded.count(), 1);
    const auto preview = loaded.first().first().value<RevisionPreview>();
    QCOMPARE(preview.beforeDdl.mid(0, before.size()), before);
    QStringList shown;
    for (const QString &line : preview.afterDdl) {
        if (line.startsWith(u"CREATE TABLE"_s))
            shown << line.section(u'"', 1, 1);
    }
    QCOMPARE(shown, afterTables);
    QVERIFY(hasChanges(preview.rows));
}

QTEST_MAIN(TestPreviewLoader)
#include "tst_previewloader.moc"
