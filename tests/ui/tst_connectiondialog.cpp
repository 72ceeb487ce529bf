#include "ui/connection/connectiondialog.h"
#include "studiotestsupport.h"
#include "ui/theme/studiotheme.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include "core/db/connection.h"

#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;
using strata::DatabaseUrl;
using strata::ui::ConnectionDialog;

class TestConnectionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { isolateStudioSettings(m_settings); }

    void fieldsRoundTripAUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("tab");

        QTest::newRow("sqlite file") << u"sqlite:////tmp/some/app.db"_s << u"SQLite"_s;
        QTest::newRow("postgresql with password") << u"postgresql://ann:s3cret@db.example:6543/habitz"_s
                                                  << u"PostgreSQL"_s;
        QTest::newRow("postgresql without password") << u"postgresql://ann@localhost:5432/habitz"_s
                                                     << u"PostgreSQL"_s;
        QTest::newRow("postgresql with sslmode and libpq options")
            << u"postgresql://ann@db.example:5432/habitz?application_name=strata&connect_timeout=7&sslmode=verify-full"_s
            << u"PostgreSQL"_s;
        QTest::newRow("postgresql with strata's schema option")
            << u"postgresql://ann@db.example:5432/habitz?schema=app&sslmode=require"_s << u"PostgreSQL"_s;
    }

    void sslModeHasItsOwnField()
    {
        const auto parsed = DatabaseUrl::parse(u"postgresql://ann@db/habitz?sslmode=require&target_session_attrs=read-write"_s);
        QVERIFY(parsed);
        ConnectionDialog dialog({});
        dialog.setUrl(*parsed);
        QCOMPARE(dialog.findChild<QComboBox *>(u"sslModeCombo"_s)->currentText(), u"require"_s);
        QCOMPARE(dialog.findChild<QLineEdit *>(u"libpqOptions"_s)->text(), u"target_session_attrs=read-write"_s);
    }

    // Fits a 1024x640 screen whole; with STRATA_SCREENSHOT_DIR set it also
    // leaves a picture there, for people to look at (connection-dialog.png).
    void fitsASmallScreen()
    {
        const QString dir = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            strata::ui::applyTheme(qEnvironmentVariable("STRATA_SCREENSHOT_THEME", u"light"_s));
        ConnectionDialog dialog({u"sqlite:////tmp/app.db"_s});
        dialog.setSavedConnections({u"local"_s, u"staging"_s},
                                   {u"sqlite:////tmp/app.db"_s, u"postgresql://ann@staging.example:5432/habitz?sslmode=require"_s});
        dialog.findChild<QListWidget *>(u"savedConnections"_s)->setCurrentRow(1);
        dialog.setKeychainUnavailable(u"no keychain"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY2(dialog.width() <= 1024 && dialog.height() <= 640,
                 qPrintable(u"%1x%2"_s.arg(dialog.width()).arg(dialog.height())));
        if (!dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + u"/connection-dialog.png"_s));
    }

    void savedConnectionsFillTheFields()
    {
        ConnectionDialog dialog({});
        dialog.setSavedConnections({u"local"_s, u"staging"_s},
                                   {u"sqlite:////tmp/app.db"_s, u"postgresql://ann@staging.example:5432/habitz?sslmode=require"_s});
        auto *list = dialog.findChild<QListWidget *>(u"savedConnections"_s);
        QCOMPARE(list->count(), 2);
        list->setCurrentRow(1);
        const auto url = dialog.url();
        QVERIFY(url);
        QCOMPARE(url->toString(), u"postgresql://ann@staging.example:5432/habitz?sslmode=require"_s);
        QCOMPARE(dialog.findChild<QLineEdit *>(u"saveName"_s)->text(), u"staging"_s);
    }

    void fieldsRoundTripAUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, tab);

        const auto parsed = DatabaseUrl::parse(url);
        QVERIFY(parsed);
        ConnectionDialog dialog({});
        dialog.setUrl(*parsed);
        auto *tabs = dialog.findChild<QTabWidget *>();
        QCOMPARE(tabs->tabText(tabs->currentIndex()), tab);
        const auto back = dialog.url();
        QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
        QCOMPARE(back->toString(), parsed->toString());
    }

    void missingFieldsSayWhich()
    {
        ConnectionDialog dialog({});
        auto *tabs = dialog.findChild<QTabWidget *>();
        tabs->setCurrentIndex(1);
        const auto url = dialog.url();
        QVERIFY(!url);
        QCOMPARE(url.error().where, u"Database"_s);
    }

    void testConnectionOpensTheDatabase()
    {
        QTemporaryDir dir;
        DatabaseUrl url;
        url.dialect = strata::DialectKind::Sqlite;
        url.path = dir.filePath(u"existing.db"_s);
        {
            auto created = strata::Connection::open(url);
            QVERIFY(created.has_value());
        }
        ConnectionDialog dialog({u"sqlite:////tmp/recent.db"_s});
        dialog.setUrl(url);
        QPushButton *test = button(dialog, u"Test connection"_s);
        QVERIFY(test);
        test->click();
        QLabel *result = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((result = [&]() -> QLabel * {
                                     for (auto *label : dialog.findChildren<QLabel *>()) {
                                         if (label->text().startsWith(u"Connected to"_s))
                                             return label;
                                     }
                                     return nullptr;
                                 }()),
                                 10000);
        QVERIFY2(result->text().contains(u"sqlite"_s), qPrintable(result->text()));
        dialog.resize(520, 300);
        QVERIFY(dialog.grab().save(QCoreApplication::applicationDirPath() + u"/connection-dialog.png"_s));
    }

    // Testing a mistyped path must not create the file it tests.
    void testingAMissingSqliteFileCreatesNothing()
    {
        QTemporaryDir dir;
        DatabaseUrl url;
        url.dialect = strata::DialectKind::Sqlite;
        url.path = dir.filePath(u"typo.db"_s);
        ConnectionDialog dialog({});
        dialog.setUrl(url);
        button(dialog, u"Test connection"_s)->click();
        QVERIFY2(resultText(dialog).contains(u"There is no file"_s), qPrintable(resultText(dialog)));
        QVERIFY(!QFileInfo::exists(url.path));
    }

    // A connection whose test just failed needs a second, deliberate press of Connect.
    void connectAfterAFailedTestAsksFirst()
    {
        DatabaseUrl url;
        url.dialect = strata::DialectKind::Sqlite;
        url.path = u"/nonexistent-folder-for-strata/x.db"_s;
        ConnectionDialog dialog({});
        dialog.setUrl(url);
        button(dialog, u"Test connection"_s)->click();
        QVERIFY2(resultText(dialog).contains(u"There is no folder"_s), qPrintable(resultText(dialog)));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY2(resultText(dialog).contains(u"Press Connect again"_s), qPrintable(resultText(dialog)));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

private:
    static QPushButton *button(QWidget &dialog, const QString &text)
    {
        for (auto *candidate : dialog.findChildren<QPushButton *>()) {
            if (candidate->text() == text)
                return candidate;
        }
        return nullptr;
    }
    static QString resultText(QWidget &dialog)
    {
        QStringList texts;
        for (auto *label : dialog.findChildren<QLabel *>())
            texts << label->text();
        return texts.join(u'\n');
    }

    QTemporaryDir m_settings;
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
