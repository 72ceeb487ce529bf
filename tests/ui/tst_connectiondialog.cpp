#include "connection/connectiondialog.h"
#include "studiotestsupport.h"

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include "db/connection.h"

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
        url.dialect = u"sqlite"_s;
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
        url.dialect = u"sqlite"_s;
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
        url.dialect = u"sqlite"_s;
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
