#include "connection/connectiondialog.h"
#include "studiotestsupport.h"

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
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
        url.path = dir.filePath(u"new.db"_s);
        ConnectionDialog dialog({u"sqlite:////tmp/recent.db"_s});
        dialog.setUrl(url);
        QPushButton *test = nullptr;
        for (auto *button : dialog.findChildren<QPushButton *>()) {
            if (button->text() == u"Test connection"_s)
                test = button;
        }
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

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
