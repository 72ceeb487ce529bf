// The studio's project watcher: each revision file watched in a usual
// project, the folders only in a very large one, and a new file seen either way.
#include "ui/app/projectwatcher.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using strata::ui::ProjectWatcher;

class TestProjectWatcher : public QObject
{
    Q_OBJECT

private slots:
    void watches_data()
    {
        QTest::addColumn<int>("files");
        QTest::addColumn<bool>("eachFile");
        QTest::newRow("a usual project: every file") << 20 << true;
        QTest::newRow("at the limit: every file") << int(ProjectWatcher::maxWatchedFiles) << true;
        QTest::newRow("beyond the limit: the folders only") << int(ProjectWatcher::maxWatchedFiles) + 1 << false;
    }

    void watches()
    {
        QFETCH(int, files);
        QFETCH(bool, eachFile);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString versions = dir.filePath(u"versions"_s);
        QVERIFY(QDir().mkpath(versions));
        for (int i = 0; i < files; ++i) {
            QFile file(versions + u"/r%1.yaml"_s.arg(i, 6, 10, QChar(u'0')));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        ProjectWatcher watcher;
        watcher.watch(dir.path(), versions, dir.filePath(u"models.yaml"_s));
        const QStringList watched = watcher.watchedPaths();
        QVERIFY(watched.contains(versions));
        QCOMPARE(watched.contains(versions + u"/r000000.yaml"_s), eachFile);

        // A new revision file shows in the folder either way.
        QSignalSpy changed(&watcher, &ProjectWatcher::changed);
        QFile added(versions + u"/new.yaml"_s);
        QVERIFY(added.open(QIODevice::WriteOnly));
        added.close();
        QVERIFY(changed.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestProjectWatcher)
#include "tst_projectwatcher.moc"
