#include "core/project/project.h"
#include "testprojects.h"
#include "ui/timeline/timelinefilter.h"
#include "ui/timeline/timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using strata::ui::LaneEdge;
using strata::ui::TimelineFilter;
using strata::ui::TimelineModel;
using strata::ui::TimelineRowLayout;

namespace {

// A1 is the base; B2 and C3 branch from it; D4 merges them; E5 follows.
const QString A1 = u"a10000000001"_s;
const QString B2 = u"b20000000002"_s;
const QString C3 = u"c30000000003"_s;
const QString D4 = u"d40000000004"_s;
const QString E5 = u"e50000000005"_s;

QByteArray revision(const QString &id, const QString &down, const QString &message, int day,
                    const QByteArray &upgrade, const QByteArray &downgrade)
{
    return "revision: " + id.toUtf8() + "\ndown_revision: " + down.toUtf8() + "\nmessage: " + message.toUtf8()
        + "\ncreated: 2026-11-" + QByteArray::number(10 + day) + "T09:00:00Z\n\nupgrade:\n" + upgrade
        + "\ndowngrade:\n" + downgrade;
}

bool writeBranchedProject(const TestProject &project)
{
    return !project.writeRevision(u"a1"_s, revision(A1, u"null"_s, u"Create user"_s, 1,
                                  "  - create_table: {name: user, columns: [{name: id, type: integer, primary_key: true}]}\n",
                                  "  - drop_table: user\n")).isEmpty()
        && !project.writeRevision(u"b2"_s, revision(B2, A1, u"Add user email"_s, 2,
                                  "  - add_column: {table: user, column: {name: email, type: text}}\n",
                                  "  - drop_column: {table: user, column: email}\n")).isEmpty()
        && !project.writeRevision(u"c3"_s, revision(C3, A1, u"Create habit table"_s, 3,
                                  "  - create_table: {name: habit, columns: [{name: id, type: integer, primary_key: true}]}\n",
                                  "  - drop_table: habit\n")).isEmpty()
        && !project.writeRevision(u"d4"_s, revision(D4, u"["_s + B2 + u", "_s + C3 + u"]"_s, u"Merge email and habits"_s, 4,
                                  "  []\n", "  []\n")).isEmpty()
        && !project.writeRevision(u"e5"_s, revision(E5, D4, u"Add habit title"_s, 5,
                                  "  - add_column: {table: habit, column: {name: title, type: text}}\n",
                                  "  - drop_column: {table: habit, column: title}\n")).isEmpty();
}

QString encode(const TimelineRowLayout &row)
{
    QString out = QString::number(row.lane);
    for (const LaneEdge &edge : row.edges) {
        const char16_t mark = edge.kind == LaneEdge::Kind::Up ? u'^' : edge.kind == LaneEdge::Kind::Down ? u'v' : u'|';
        out += u' ' + QChar(mark) + QString::number(edge.lane);
    }
    return out;
}

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QVariant value = model.index(row, 0).data(role);
        out << (value.metaType() == QMetaType::fromType<TimelineRowLayout>() ? encode(value.value<TimelineRowLayout>())
                : value.isValid() ? value.toString() : u"-"_s);
    }
    return out;
}

} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_project.isValid());
        QVERIFY(writeBranchedProject(m_project));
        auto opened = m_project.open();
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        m_opened = std::make_unique<strata::Project>(std::move(*opened));
    }

    void rowsAndLanes_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("newest first") << int(TimelineModel::RevisionIdRole) << QStringList{E5, D4, C3, B2, A1};
        QTest::newRow("short ids") << int(TimelineModel::ShortIdRole) << QStringList{E5, D4, C3, B2, A1};
        QTest::newRow("messages") << int(TimelineModel::MessageRole)
                                  << QStringList{u"Add habit title"_s, u"Merge email and habits"_s,
                                                 u"Create habit table"_s, u"Add user email"_s, u"Create user"_s};
        QTest::newRow("lanes: merge opens a second lane that meets at the branch point")
            << int(TimelineModel::LanesRole)
            << QStringList{u"0 v0"_s, u"0 ^0 v0 v1"_s, u"1 ^1 |0 v1"_s, u"0 ^0 |1 v0"_s, u"0 ^0 ^1"_s};
        QTest::newRow("head") << int(TimelineModel::IsHeadRole)
                              << QStringList{u"true"_s, u"false"_s, u"false"_s, u"false"_s, u"false"_s};
        QTest::newRow("merge") << int(TimelineModel::IsMergeRole)
                               << QStringList{u"false"_s, u"true"_s, u"false"_s, u"false"_s, u"false"_s};
        QTest::newRow("base") << int(TimelineModel::IsBaseRole)
                              << QStringList{u"false"_s, u"false"_s, u"false"_s, u"false"_s, u"true"_s};
        QTest::newRow("no database: no state") << int(TimelineModel::IsAppliedRole)
                                               << QStringList{u"-"_s, u"-"_s, u"-"_s, u"-"_s, u"-"_s};
        QTest::newRow("graph width") << int(TimelineModel::TotalLanesRole)
                                     << QStringList{u"2"_s, u"2"_s, u"2"_s, u"2"_s, u"2"_s};
    }

    void rowsAndLanes()
    {
        QFETCH(int, role);
        QFETCH(QStringList, expected);

        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(m_opened->graph());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(column(model, role), expected);
    }

    void badges_data()
    {
        QTest::addColumn<QStringList>("heads");
        QTest::addColumn<QStringList>("current");
        QTest::addColumn<QStringList>("applied");
        QTest::addColumn<int>("pending");

        const QString t = u"true"_s;
        const QString f = u"false"_s;
        QTest::newRow("at base") << QStringList{} << QStringList{f, f, f, f, f} << QStringList{f, f, f, f, f} << 5;
        QTest::newRow("on one branch") << QStringList{B2} << QStringList{f, f, f, t, f}
                                       << QStringList{f, f, f, t, t} << 3;
        QTest::newRow("on both branches") << QStringList{B2, C3} << QStringList{f, f, t, t, f}
                                          << QStringList{f, f, t, t, t} << 2;
        QTest::newRow("at head") << QStringList{E5} << QStringList{t, f, f, f, f} << QStringList{t, t, t, t, t} << 0;
    }

    void badges()
    {
        QFETCH(QStringList, heads);
        QFETCH(QStringList, current);
        QFETCH(QStringList, applied);
        QFETCH(int, pending);

        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(m_opened->graph());
        model.setDatabaseState(heads, {});
        QCOMPARE(column(model, TimelineModel::IsCurrentRole), current);
        QCOMPARE(column(model, TimelineModel::IsAppliedRole), applied);
        QCOMPARE(model.pendingCount(), pending);

        model.clearDatabaseState();
        QCOMPARE(column(model, TimelineModel::IsCurrentRole), QStringList(5, u"-"_s));
    }

    void editedAfterApply()
    {
        TimelineModel model;
        model.setGraph(m_opened->graph());
        const QString realChecksum = m_opened->graph().find(A1)->checksum;
        model.setDatabaseState({B2}, {{A1, realChecksum}, {B2, u"0ld"_s}, {C3, u"0ld"_s}});
        // C3 is not applied (the database is on the other branch): its old checksum does not count.
        QCOMPARE(column(model, TimelineModel::IsEditedRole),
                 (QStringList{u"false"_s, u"false"_s, u"false"_s, u"true"_s, u"false"_s}));
    }

    void reloadKeepsStateOfKnownRevisions()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGraph(m_opened->graph());
        model.setDatabaseState({C3}, {});
        model.setGraph(m_opened->graph());
        QCOMPARE(model.rowOf(C3), 2);
        QCOMPARE(model.index(2).data(TimelineModel::IsCurrentRole).toBool(), true);
        QCOMPARE(model.index(4).data(TimelineModel::IsAppliedRole).toBool(), true);
        QCOMPARE(model.rowOf(u"nope"_s), -1);
    }

    void toolTipNamesIdFileAndDate()
    {
        TimelineModel model;
        model.setGraph(m_opened->graph());
        const QString tip = model.index(model.rowOf(B2)).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(B2), qPrintable(tip));
        QVERIFY2(tip.contains(m_opened->graph().find(B2)->filePath), qPrintable(tip));
        QVERIFY2(tip.contains(u"2026"_s), qPrintable(tip));
    }

    void filter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("nothing typed") << QString() << QStringList{E5, D4, C3, B2, A1};
        QTest::newRow("id prefix") << u"c3"_s << QStringList{C3};
        QTest::newRow("a word of the message, any case") << u"HABIT"_s << QStringList{E5, D4, C3};
        QTest::newRow("every word must match") << u"habit title"_s << QStringList{E5};
        QTest::newRow("no match") << u"zebra"_s << QStringList{};
        QTest::newRow("id inside, not at the start, does not match") << u"0000000003"_s << QStringList{};
    }

    void filter()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);

        TimelineModel model;
        model.setGraph(m_opened->graph());
        TimelineFilter proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setFilterWords(text);
        QCOMPARE(column(proxy, TimelineModel::RevisionIdRole), expected);
        // While filtering rows are not neighbours: no edges are handed on.
        if (proxy.isFiltering() && proxy.rowCount() > 0)
            QCOMPARE(proxy.index(0, 0).data(TimelineModel::LanesRole).value<TimelineRowLayout>().edges.size(), 0);
    }

private:
    TestProject m_project;
    std::unique_ptr<strata::Project> m_opened;
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
