// The models cache: what it serves is what parsing models.yaml gives; an
// edited, touched, replaced, removed or moved file is parsed again; a file
// written within the racy window, a file that does not parse and a damaged
// cache file are never served.
#include "testprojects.h"

#include "core/project/models.h"
#include "core/project/modelscache.h"
#include "core/project/project.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace strata;

namespace {

QByteArray modelsText(const QString &extraColumn = {})
{
    QByteArray text = "tables:\n"
                      "  user:\n"
                      "    columns:\n"
                      "      - {name: id, type: integer, primary_key: true, autoincrement: true}\n"
                      "      - {name: email, type: string(120), nullable: false}\n";
    if (!extraColumn.isEmpty())
        text += "      - {name: " + extraColumn.toUtf8() + ", type: text}\n";
    text += "    indexes:\n"
            "      - {name: ix_user_email, columns: [email], unique: true}\n"
            "  note:\n"
            "    columns:\n"
            "      - {name: id, type: integer, primary_key: true}\n"
            "      - {name: user_id, type: integer, nullable: false}\n"
            "      - {name: body, type: text, default: \"''\"}\n"
            "    foreign_keys:\n"
            "      - {columns: [user_id], references: user, ref_columns: [id], on_delete: cascade}\n"
            "    checks:\n"
            "      - {name: ck_note_body, expression: \"length(body) < 1000\"}\n";
    return text;
}

// File times are coarse (a kernel tick): a change right after a write could
// keep the same time, which is what the racy window guards against in real use.
void passATick()
{
    QThread::msleep(30);
}

struct Fixture
{
    QTemporaryDir dir;
    QString models() const { return dir.filePath(u"models.yaml"_s); }
    QString cache() const { return dir.filePath(u".strata-cache/models-test.bin"_s); }

    // A read through the cache with no racy window; `cached` says whether it was served from the cache.
    Result<Schema> read(bool *cached) const
    {
        ModelsCache cache(this->cache());
        cache.setRacyWindowNs(0);
        auto schema = cache.read(models());
        *cached = cache.lastReadCached();
        return schema;
    }
};

} // namespace

class TestModelsCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesWhatTheParserGives();
    void neverServesAChangedFile_data();
    void neverServesAChangedFile();
    void recentFileIsNotCached();
    void badModelsAreNeverCached();
    void damagedCacheIsIgnored_data();
    void damagedCacheIsIgnored();
    void projectModelsUseTheCacheUnlessDisabled();
};

void TestModelsCache::servesWhatTheParserGives()
{
    Fixture f;
    QVERIFY(TestProjects::writeFile(f.models(), modelsText()));
    passATick();
    bool cached = true;
    auto first = f.read(&cached);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
    QVERIFY(!cached);
    auto second = f.read(&cached);
    QVERIFY(second);
    QVERIFY(cached);
    auto parsed = readModels(f.models());
    QVERIFY(parsed);
    QCOMPARE(second->tables.size(), qsizetype(2));
    QCOMPARE(*second, *parsed);
    QCOMPARE(*first, *parsed);
}

void TestModelsCache::neverServesAChangedFile_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("expectedTables");
    QTest::newRow("edited, same size") << u"same-size"_s << 2;
    QTest::newRow("edited, same size, old mtime put back") << u"same-size-old-mtime"_s << 2;
    QTest::newRow("edited, other size") << u"other-size"_s << 2;
    QTest::newRow("touched only") << u"touch"_s << 2;
    QTest::newRow("replaced by rename (editor save)") << u"replace"_s << 2;
    QTest::newRow("removed") << u"remove"_s << 0;
}

void TestModelsCache::neverServesAChangedFile()
{
    QFETCH(QString, change);
    QFETCH(int, expectedTables);
    Fixture f;
    QVERIFY(TestProjects::writeFile(f.models(), modelsText(u"aaaa"_s)));
    passATick();
    bool cached = false;
    QVERIFY(f.read(&cached));
    QVERIFY(f.read(&cached));
    QVERIFY(cached);

    passATick();
    const QDateTime oldTime = QFileInfo(f.models()).lastModified();
    if (change == u"same-size"_s || change == u"same-size-old-mtime"_s) {
        QVERIFY(TestProjects::writeFile(f.models(), modelsText(u"bbbb"_s)));
        if (change == u"same-size-old-mtime"_s) {
            QFile file(f.models());
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(oldTime, QFileDevice::FileModificationTime));
        }
    } else if (change == u"other-size"_s) {
        QVERIFY(TestProjects::writeFile(f.models(), modelsText(u"a_longer_name"_s)));
    } else if (change == u"touch"_s) {
        QFile file(f.models());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
    } else if (change == u"replace"_s) {
        QVERIFY(TestProjects::writeFile(f.models() + u".tmp"_s, modelsText(u"cccc"_s)));
        QVERIFY(QFile::remove(f.models()));
        QVERIFY(QFile::rename(f.models() + u".tmp"_s, f.models()));
    } else if (change == u"remove"_s) {
        QVERIFY(QFile::remove(f.models()));
    }
    passATick();

    auto read = f.read(&cached);
    QVERIFY(read);
    QVERIFY(!cached);
    auto parsed = readModels(f.models());
    QVERIFY(parsed);
    QCOMPARE(*read, *parsed);
    QCOMPARE(read->tables.size(), qsizetype(expectedTables));
    if (expectedTables > 0) {
        // The cache now holds the change.
        read = f.read(&cached);
        QVERIFY(read);
        QVERIFY(cached);
        QCOMPARE(*read, *parsed);
    }
}

void TestModelsCache::recentFileIsNotCached()
{
    Fixture f;
    QVERIFY(TestProjects::writeFile(f.models(), modelsText()));
    // With the real window, a file written just now could still change within
    // the same timestamp tick: it is parsed, but not stored.
    ModelsCache cache(f.cache());
    QVERIFY(cache.read(f.models()));
    QVERIFY(!cache.lastReadCached());
    QVERIFY(cache.read(f.models()));
    QVERIFY(!cache.lastReadCached());
    QVERIFY(!QFileInfo::exists(f.cache()));
}

void TestModelsCache::badModelsAreNeverCached()
{
    Fixture f;
    QVERIFY(TestProjects::writeFile(f.models(), "tables:\n  user:\n    columns: [\n"));
    passATick();
    bool cached = true;
    auto first = f.read(&cached);
    QVERIFY(!first);
    QVERIFY(first.error().where.contains(u"models.yaml"_s));
    auto second = f.read(&cached);
    QVERIFY(!second);
    QVERIFY(!cached);
    QCOMPARE(second.error().toString(), first.error().toString());
    QVERIFY(!QFileInfo::exists(f.cache()));
}

void TestModelsCache::damagedCacheIsIgnored_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("truncated") << u"truncate"_s;
    QTest::newRow("one byte flipped") << u"flip"_s;
    QTest::newRow("empty") << u"empty"_s;
}

void TestModelsCache::damagedCacheIsIgnored()
{
    QFETCH(QString, damage);
    Fixture f;
    QVERIFY(TestProjects::writeFile(f.models(), modelsText()));
    passATick();
    bool cached = false;
    QVERIFY(f.read(&cached));
    QFile file(f.cache());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    QVERIFY(bytes.size() > 100);
    if (damage == u"truncate"_s)
        bytes.chop(bytes.size() / 3);
    else if (damage == u"flip"_s)
        bytes[bytes.size() - 40] = char(bytes[bytes.size() - 40] ^ 0x5a);
    else
        bytes.clear();
    QVERIFY(TestProjects::writeFile(f.cache(), bytes));

    auto read = f.read(&cached);
    QVERIFY(read);
    QVERIFY(!cached);
    auto parsed = readModels(f.models());
    QVERIFY(parsed);
    QCOMPARE(*read, *parsed);
    // Rewritten: served again.
    QVERIFY(f.read(&cached));
    QVERIFY(cached);
}

void TestModelsCache::projectModelsUseTheCacheUnlessDisabled()
{
    TestProject project;
    QVERIFY(TestProjects::writeFile(project.path() + u"/models.yaml"_s, modelsText()));
    // Older than any racy window, so the first read is stored.
    QFile file(project.path() + u"/models.yaml"_s);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-60), QFileDevice::FileModificationTime));
    file.close();
    QThread::msleep(2100);   // ctime cannot be set back: let it age past the coarse window
    auto opened = project.open();
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    const QString cachePath = ModelsCache::pathFor(project.path());
    QVERIFY(!cachePath.isEmpty());

    qputenv("STRATA_NO_CACHE", "1");
    auto uncached = readProjectModels(*opened);
    qunsetenv("STRATA_NO_CACHE");
    QVERIFY(uncached);
    QVERIFY(!QFileInfo::exists(cachePath));

    auto models = readProjectModels(*opened);
    QVERIFY(models);
    QVERIFY(QFileInfo::exists(cachePath));
    QCOMPARE(*models, *uncached);
    ModelsCache cache(cachePath);
    auto again = cache.read(opened->modelsPath());
    QVERIFY(again);
    QVERIFY(cache.lastReadCached());
    QCOMPARE(*again, *uncached);
}

QTEST_GUILESS_MAIN(TestModelsCache)
#include "tst_modelscache.moc"
