// The revision cache and the parallel loader: a cached revision is the one
// the parser gives (every field, every operation), a changed, added, removed
// or replaced file is never served from the cache, a damaged cache file is
// ignored, and the parallel parse gives the serial result and the same
// first error, with its file and line, every time.
#include "revisiondump.h"
#include "testprojects.h"

#include "core/project/project.h"
#include "core/revision/revisioncache.h"
#include "core/revision/revisioncodec.h"
#include "core/revision/revisionloader.h"

#include <yaml-cpp/yaml.h>

#include <QDirIterator>
#include <QFile>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

QString cachePath(const TestProject &project)
{
    return project.path() + u"/.strata-cache/test.bin"_s;
}

QByteArray numberedRevision(int i)
{
    const QString id = u"r%1"_s.arg(i, 4, 10, QChar(u'0'));
    const QStringList parents = i == 0 ? QStringList{} : QStringList{u"r%1"_s.arg(i - 1, 4, 10, QChar(u'0'))};
    return TestProjects::revisionYaml(
        id, parents, u"Step %1"_s.arg(i),
        u"- create_table:\n    name: t%1\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
        "- create_index: {name: ix_t%1, table: t%1, columns: [id]}\n"_s.arg(i).toUtf8(),
        u"- drop_table: t%1\n"_s.arg(i).toUtf8());
}

QString writeNumbered(const TestProject &project, int i)
{
    return project.writeRevision(u"r%1_step.yaml"_s.arg(i, 4, 10, QChar(u'0')), numberedRevision(i));
}

// What reading the files one by one, without any cache, gives.
Result<QList<Revision>> serialRead(const QString &versions)
{
    QList<Revision> revisions;
    for (const QString &name : QDir(versions).entryList({u"*.yaml"_s, u"*.yml"_s}, QDir::Files, QDir::Name)) {
        auto revision = readRevisionFile(QDir(versions).filePath(name));
        if (!revision)
            return std::unexpected(revision.error());
        revisions << *revision;
    }
    return revisions;
}

Result<QList<Revision>> loadCached(const TestProject &project, qsizetype *parsed = nullptr)
{
    RevisionLoader loader(project.path() + u"/versions"_s, cachePath(project));
    loader.setRacyWindowNs(0);
    auto loaded = loader.load();
    if (parsed)
        *parsed = loader.parsedCount();
    return loaded;
}

// File times are coarse (a kernel tick): a change right after a write could
// keep the same time, which is what the racy window guards against in real use.
void passATick()
{
    QThread::msleep(30);
}

Revision roundTrip(const Revision &revision)
{
    ByteWriter out;
    encodeRevision(out, revision);
    const QByteArray bytes = out.bytes();
    ByteReader in(bytes);
    Revision decoded;
    if (!decodeRevision(in, decoded) || !in.atEnd())
        return {};
    return decoded;
}

} // namespace

class TestRevisionCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codecKeepsEveryField_data();
    void codecKeepsEveryField();
    void codecKeepsTimeZones_data();
    void codecKeepsTimeZones();
    void cacheNeverServesAChangedFile_data();
    void cacheNeverServesAChangedFile();
    void recentFilesAreNotCached();
    void damagedCacheIsIgnored_data();
    void damagedCacheIsIgnored();
    void unchangedProjectWritesNothing();
    void movedFolderGetsNewPaths();
    void parallelParseMatchesSerial();
    void firstErrorByFileOrder();
    void badFileIsNeverCached();
    void projectOpenUsesTheCache();
};

void TestRevisionCache::codecKeepsEveryField_data()
{
    QTest::addColumn<QString>("file");
    // Every revision file the tests use (the bad-input corpus included: those
    // that parse), the example project, and every operation of the render
    // corpus, which holds each operation kind with its options.
    QStringList files;
    for (const QString &root : {QStringLiteral(STRATA_TEST_DATA), QStringLiteral(STRATA_EXAMPLE_PROJECT)}) {
        QDirIterator it(root, {u"*.yaml"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            // The bad-input corpus holds files that do not parse: nothing to cache there.
            if ((path.contains(u"/versions/"_s) && readRevisionFile(path)) || path.endsWith(u"/ops.yaml"_s))
                files << path;
        }
    }
    files.sort();
    for (const QString &path : std::as_const(files))
        QTest::newRow(qPrintable(QDir(QStringLiteral(STRATA_TEST_DATA)).relativeFilePath(path))) << path;
}

void TestRevisionCache::codecKeepsEveryField()
{
    QFETCH(QString, file);
    Revision revision;
    if (file.endsWith(u"/ops.yaml"_s)) {
        const YAML::Node root = YAML::LoadFile(file.toStdString());
        for (const char *key : {"before", "ops"}) {
            for (const YAML::Node &item : root[key]) {
                auto op = parseOperation(item, file);
                QVERIFY2(op, qPrintable(op ? QString() : op.error().toString()));
                revision.upgrade << *op;
            }
        }
        QVERIFY(!revision.upgrade.isEmpty());
        revision.id = u"ops"_s;
    } else {
        auto parsed = readRevisionFile(file);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
        revision = *parsed;
    }
    const Revision decoded = roundTrip(revision);
    QCOMPARE(dumpRevision(decoded), dumpRevision(revision));
    QCOMPARE(decoded.upgrade.size(), revision.upgrade.size());
    for (qsizetype i = 0; i < revision.upgrade.size(); ++i)
        QVERIFY2(*decoded.upgrade.at(i) == *revision.upgrade.at(i), qPrintable(revision.upgrade.at(i)->describe()));
    for (qsizetype i = 0; i < revision.downgrade.size(); ++i)
        QVERIFY2(*decoded.downgrade.at(i) == *revision.downgrade.at(i), qPrintable(revision.downgrade.at(i)->describe()));
}

void TestRevisionCache::codecKeepsTimeZones_data()
{
    QTest::addColumn<QString>("created");
    QTest::newRow("UTC") << u"2026-11-23T10:00:00Z"_s;
    QTest::newRow("offset") << u"2026-11-23T10:00:00+02:00"_s;
    QTest::newRow("local time") << u"2026-11-23T10:00:00"_s;
    QTest::newRow("none") << QString();
}

void TestRevisionCache::codecKeepsTimeZones()
{
    QFETCH(QString, created);
    QByteArray text = "revision: abc1\ndown_revision: null\nmessage: m\n";
    if (!created.isEmpty())
        text += "created: " + created.toUtf8() + "\n";
    auto revision = parseRevision(text + "upgrade: []\n", u"inline"_s);
    QVERIFY2(revision, qPrintable(revision ? QString() : revision.error().toString()));
    const Revision decoded = roundTrip(*revision);
    QCOMPARE(decoded.created, revision->created);
    QCOMPARE(decoded.created.timeSpec(), revision->created.timeSpec());
    QCOMPARE(decoded.created.toString(Qt::ISODate), revision->created.toString(Qt::ISODate));
}

void TestRevisionCache::cacheNeverServesAChangedFile_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<qsizetype>("expectedParsed");
    QTest::newRow("edited, same size") << u"same-size"_s << qsizetype(1);
    QTest::newRow("edited, same size, old mtime put back") << u"same-size-old-mtime"_s << qsizetype(1);
    QTest::newRow("edited, other size") << u"other-size"_s << qsizetype(1);
    QTest::newRow("touched only") << u"touch"_s << qsizetype(1);
    QTest::newRow("replaced by rename (editor save)") << u"replace"_s << qsizetype(1);
    QTest::newRow("file added") << u"add"_s << qsizetype(1);
    QTest::newRow("file removed") << u"remove"_s << qsizetype(0);
    QTest::newRow("file renamed") << u"rename"_s << qsizetype(1);
    QTest::newRow("nothing changed") << u"none"_s << qsizetype(0);
}

void TestRevisionCache::cacheNeverServesAChangedFile()
{
    QFETCH(QString, change);
    QFETCH(qsizetype, expectedParsed);
    TestProject project;
    for (int i = 0; i < 3; ++i)
        QVERIFY(!writeNumbered(project, i).isEmpty());
    passATick();
    qsizetype parsed = -1;
    QVERIFY(loadCached(project, &parsed));
    QCOMPARE(parsed, qsizetype(3));
    QVERIFY(loadCached(project, &parsed));
    QCOMPARE(parsed, qsizetype(0));

    passATick();
    const QString versions = project.path() + u"/versions/"_s;
    const QString middle = versions + u"r0001_step.yaml"_s;
    const QDateTime oldTime = QFileInfo(middle).lastModified();
    const auto rewrite = [](const QString &path, const QByteArray &from, const QByteArray &to) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        QVERIFY(text.contains(from));
        text.replace(from, to);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(text), text.size());
    };
    if (change == u"same-size"_s || change == u"same-size-old-mtime"_s) {
        rewrite(middle, "Step 1", "Step X");
        if (change == u"same-size-old-mtime"_s) {
            QFile file(middle);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(oldTime, QFileDevice::FileModificationTime));
        }
    } else if (change == u"other-size"_s) {
        rewrite(middle, "Step 1", "Step one, longer");
    } else if (change == u"touch"_s) {
        QFile file(middle);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
    } else if (change == u"replace"_s) {
        QVERIFY(TestProjects::writeFile(middle + u".tmp"_s, numberedRevision(1).replace("Step 1", "Step Y")));
        QVERIFY(QFile::remove(middle));
        QVERIFY(QFile::rename(middle + u".tmp"_s, middle));
    } else if (change == u"add"_s) {
        QVERIFY(!writeNumbered(project, 3).isEmpty());
    } else if (change == u"remove"_s) {
        QVERIFY(QFile::remove(versions + u"r0002_step.yaml"_s));
    } else if (change == u"rename"_s) {
        QVERIFY(QFile::rename(versions + u"r0002_step.yaml"_s, versions + u"r0002_renamed.yaml"_s));
    }

    auto cached = loadCached(project, &parsed);
    auto fresh = serialRead(versions);
    QVERIFY(cached);
    QVERIFY(fresh);
    QCOMPARE(dumpRevisions(*cached), dumpRevisions(*fresh));
    QCOMPARE(parsed, expectedParsed);
    // The cache now holds the change too.
    QVERIFY(loadCached(project, &parsed));
    QCOMPARE(parsed, qsizetype(0));
}

void TestRevisionCache::recentFilesAreNotCached()
{
    TestProject project;
    QVERIFY(!writeNumbered(project, 0).isEmpty());
    // With the real window, a file written just now could still change
    // within the same timestamp tick: it is parsed, but not stored.
    RevisionLoader loader(project.path() + u"/versions"_s, cachePath(project));
    QVERIFY(loader.load());
    QCOMPARE(loader.parsedCount(), qsizetype(1));
    QVERIFY(loader.load());
    QCOMPARE(loader.parsedCount(), qsizetype(1));
    QCOMPARE(loader.cachedCount(), qsizetype(0));
}

void TestRevisionCache::damagedCacheIsIgnored_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("truncated") << u"truncate"_s;
    QTest::newRow("a byte flipped") << u"flip"_s;
    QTest::newRow("not a cache at all") << u"garbage"_s;
    QTest::newRow("empty") << u"empty"_s;
}

void TestRevisionCache::damagedCacheIsIgnored()
{
    QFETCH(QString, damage);
    TestProject project;
    for (int i = 0; i < 3; ++i)
        QVERIFY(!writeNumbered(project, i).isEmpty());
    passATick();
    QVERIFY(loadCached(project));
    QFile file(cachePath(project));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    QVERIFY(bytes.size() > 100);
    if (damage == u"truncate"_s)
        bytes.truncate(bytes.size() / 2);
    else if (damage == u"flip"_s)
        bytes[bytes.size() - 40] = char(bytes.at(bytes.size() - 40) ^ 0x20);
    else if (damage == u"garbage"_s)
        bytes = QByteArray(4096, 'x');
    else
        bytes.clear();
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();

    qsizetype parsed = -1;
    auto loaded = loadCached(project, &parsed);
    QVERIFY(loaded);
    QCOMPARE(parsed, qsizetype(3));
    QCOMPARE(dumpRevisions(*loaded), dumpRevisions(*serialRead(project.path() + u"/versions"_s)));
    QVERIFY(loadCached(project, &parsed));
    QCOMPARE(parsed, qsizetype(0));
}

void TestRevisionCache::unchangedProjectWritesNothing()
{
    TestProject project;
    for (int i = 0; i < 2; ++i)
        QVERIFY(!writeNumbered(project, i).isEmpty());
    passATick();
    QVERIFY(loadCached(project));
    const auto written = FileStamp::of(cachePath(project));
    QVERIFY(written);
    QVERIFY(QFile::exists(project.path() + u"/.strata-cache/.gitignore"_s));
    passATick();
    QVERIFY(loadCached(project));
    QCOMPARE(FileStamp::of(cachePath(project))->mtimeNs, written->mtimeNs);
}

void TestRevisionCache::movedFolderGetsNewPaths()
{
    TestProject project;
    QVERIFY(!writeNumbered(project, 0).isEmpty());
    passATick();
    QVERIFY(loadCached(project));
    const QString moved = project.tempPath() + u"/moved"_s;
    QVERIFY(QDir().rename(project.path(), moved));
    RevisionLoader loader(moved + u"/versions"_s, moved + u"/.strata-cache/test.bin"_s);
    loader.setRacyWindowNs(0);
    auto loaded = loader.load();
    QVERIFY(loaded);
    QCOMPARE(loader.cachedCount(), qsizetype(1));
    QCOMPARE(loaded->first().filePath, QFileInfo(moved + u"/versions/r0000_step.yaml"_s).absoluteFilePath());
}

void TestRevisionCache::parallelParseMatchesSerial()
{
    TestProject project;
    // Enough files for every core to take some.
    for (int i = 0; i < 100; ++i)
        QVERIFY(!writeNumbered(project, i).isEmpty());
    QVERIFY(TestProjects::writeFile(project.path() + u"/versions/z_other_suffix.yml"_s, numberedRevision(100)));
    const QString versions = project.path() + u"/versions"_s;
    auto serial = serialRead(versions);
    QVERIFY(serial);
    for (int attempt = 0; attempt < 3; ++attempt) {
        RevisionLoader loader(versions, {});
        auto parallel = loader.load();
        QVERIFY(parallel);
        QCOMPARE(loader.parsedCount(), serial->size());
        QCOMPARE(dumpRevisions(*parallel), dumpRevisions(*serial));
    }
}

void TestRevisionCache::firstErrorByFileOrder()
{
    TestProject project;
    for (int i = 0; i < 60; ++i)
        QVERIFY(!writeNumbered(project, i).isEmpty());
    const QString versions = project.path() + u"/versions/"_s;
    // Two bad files; the one first by name must be the one reported.
    QVERIFY(TestProjects::writeFile(versions + u"r0010_step.yaml"_s,
                                    "revision: r0010\ndown_revision: r0009\nupgrade:\n  - no_such_op: {}\n"));
    QVERIFY(TestProjects::writeFile(versions + u"r0050_step.yaml"_s, "revision: [\n"));
    const QString expected = serialRead(versions).error().toString();
    QVERIFY(expected.contains(u"r0010_step.yaml:4"_s));
    for (int attempt = 0; attempt < 5; ++attempt) {
        auto loaded = loadCached(project);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().toString(), expected);
    }
}

void TestRevisionCache::badFileIsNeverCached()
{
    TestProject project;
    QVERIFY(!writeNumbered(project, 0).isEmpty());
    const QString bad = project.writeRevision(u"r0001_step.yaml"_s, "revision: r0001\ndown_revision: r0000\nupgrade: 3\n");
    QVERIFY(!bad.isEmpty());
    passATick();
    qsizetype parsed = -1;
    QVERIFY(!loadCached(project, &parsed));
    QCOMPARE(parsed, qsizetype(2));
    QVERIFY(!loadCached(project, &parsed));
    QCOMPARE(parsed, qsizetype(1));
}

void TestRevisionCache::projectOpenUsesTheCache()
{
    TestProject project;
    QVERIFY(project.copyExample());
    auto first = project.open();
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
    const QString cache = RevisionCache::pathFor(project.path());
    QVERIFY(cache.startsWith(project.path() + u"/.strata-cache/"_s));
    auto second = project.open();
    QVERIFY(second);
    QCOMPARE(dumpRevisions(second->graph().revisions()), dumpRevisions(first->graph().revisions()));
}

QTEST_GUILESS_MAIN(TestRevisionCache)
#include "tst_revisioncache.moc"
