// What the studio keeps of a connection: the saved and recent connections
// and each project's last one, never with the password (which goes to the
// desktop keychain when one answers, and nowhere when none does, saying so).
#include "ui/app/studioconnections.h"
#include "ui/app/studiosession.h"
#include "ui/app/studiosettings.h"
#include "ui/connection/passwordstore.h"
#include "studiotestsupport.h"
#include "testprojects.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using strata::DatabaseUrl;
using strata::ui::StudioConnections;
using strata::ui::StudioSettings;

namespace {

const QString Secret = u"pw-that-must-never-be-written-7319"_s;

// Every file under the settings folder, whole.
QByteArray settingsFiles(const QString &dir)
{
    QByteArray all;
    QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

class TestConnectionSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { isolateStudioSettings(m_settingsDir); }

    void settingsNeverHoldThePassword_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("in the user part") << u"postgresql://ann:%1@127.0.0.1:1/habitz"_s.arg(Secret);
        QTest::newRow("with libpq options") << u"postgresql://ann:%1@127.0.0.1:1/habitz?sslmode=require"_s.arg(Secret);
        QTest::newRow("as a query option") << u"postgresql://ann@127.0.0.1:1/habitz?password=%1"_s.arg(Secret);
    }

    void settingsNeverHoldThePassword()
    {
        QFETCH(QString, url);
        const auto parsed = DatabaseUrl::parse(url);
        QVERIFY(parsed);
        QCOMPARE(parsed->password, Secret);
        TestProject project;
        QVERIFY(project.isValid());
        {
            StudioSettings settings;
            strata::ui::StudioSession session;
            QVERIFY(session.openProject(project.path()));
            StudioConnections connections(&session, settings);
            connections.connectTo(*parsed);
            settings.saveConnection(u"staging"_s, url);
            QSignalSpy note(&connections, &StudioConnections::note);
            connections.rememberPassword(*parsed);
            QVERIFY(note.wait(10000) || !note.isEmpty());
            // Offscreen, with no keychain service: not stored, and said so.
            if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
                QVERIFY2(note.first().first().toString().contains(u"was not saved"_s),
                         qPrintable(note.first().first().toString()));
            QVERIFY(!note.first().first().toString().contains(Secret));
            QCOMPARE(settings.savedConnections().size(), 1);
            QCOMPARE(settings.savedConnections().first().url.contains(Secret), false);
            QCOMPARE(settings.recentConnections().join(u' ').contains(Secret), false);
            QCOMPARE(session.database()->password, Secret);   // in memory, for this session
        }
        const QByteArray files = settingsFiles(m_settingsDir.path());
        QVERIFY(files.contains("staging"));
        QVERIFY(files.contains("127.0.0.1"));
        QVERIFY(!files.contains(Secret.toUtf8()));
    }

    void savedConnectionsReplaceByNameAndGo()
    {
        StudioSettings settings;
        for (const StudioSettings::SavedConnection &saved : settings.savedConnections())
            settings.removeSavedConnection(saved.name);
        settings.saveConnection(u"one"_s, u"sqlite:////tmp/one.db"_s);
        settings.saveConnection(u"two"_s, u"sqlite:////tmp/two.db"_s);
        settings.saveConnection(u"one"_s, u"sqlite:////tmp/uno.db"_s);
        QCOMPARE(settings.savedConnections().size(), 2);
        QCOMPARE(settings.savedConnections().first().url, u"sqlite:////tmp/uno.db"_s);
        settings.removeSavedConnection(u"one"_s);
        QCOMPARE(settings.savedConnections().size(), 1);
        QCOMPARE(settings.savedConnections().first().name, u"two"_s);
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
