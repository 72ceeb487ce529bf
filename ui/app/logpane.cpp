#include "ui/app/logpane.h"

#include "ui/theme/themecolors.h"

#include <QFontDatabase>
#include <QTime>

using namespace Qt::StringLiterals;

namespace strata::ui {

LogPane::LogPane(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(u"logPane"_s);
    setReadOnly(true);
    setMaximumBlockCount(20000);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("Runs are logged here: each step, each statement, and how it ended."));
}

void LogPane::appendLine(const QString &line, bool isError)
{
    QTextCharFormat format;
    if (isError)
        format.setForeground(ThemeColors::isDark(palette()) ? QColor::fromHsv(5, 140, 255) : QColor::fromHsv(5, 220, 180));
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    const QString stamp = QTime::currentTime().toString(u"HH:mm:ss"_s);
    const QStringList lines = line.split(u'\n');
    // One edit for the whole batch: the document lays out once, not once per line
    // (a run's batch of a few hundred statements blocked the window for 0.2-0.3 s).
    cursor.beginEditBlock();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!document()->isEmpty())
            cursor.insertBlock();
        cursor.insertText((i == 0 ? stamp : QString(stamp.size(), u' ')) + u"  "_s + lines[i], format);
    }
    cursor.endEditBlock();
    ensureCursorVisible();
    moveCursor(QTextCursor::End);
}

} // namespace strata::ui
