// The question before a downgrade of thousands of steps fits the screen: its
// first lines, the count of the rest, and the whole list under Details.

#include "ui/app/confirmbox.h"

#include <QApplication>
#include <QMessageBox>
#include <QScreen>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestConfirmBox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longListFitsTheScreen()
    {
        QStringList lines{u"Downgrading to base deletes, as the database holds them now:"_s, QString()};
        for (int i = 0; i < 2500; ++i)
            lines << u"• table t%1 (12 rows), by r%1"_s.arg(i);
        lines << QString() << u"Go ahead?"_s;
        const QString text = lines.join(u'\n');

        int height = 0;
        QString shown, details;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            height = box->sizeHint().height();
            shown = box->text();
            details = box->detailedText();
            box->reject();
        });
        QVERIFY(!strata::ui::askToConfirm(nullptr, u"Downgrade drops data"_s, text));
        QVERIFY2(height > 0 && height < QGuiApplication::primaryScreen()->availableGeometry().height(),
                 qPrintable(QString::number(height)));
        QVERIFY2(shown.contains(u"and 2485 more"_s), qPrintable(shown));
        QVERIFY(shown.endsWith(u"Go ahead?"_s));
        QCOMPARE(details, text);
    }
};

QTEST_MAIN(TestConfirmBox)
#include "tst_confirmbox.moc"
