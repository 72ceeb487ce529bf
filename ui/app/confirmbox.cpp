#include "ui/app/confirmbox.h"

#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace strata::ui {

bool askToConfirm(QWidget *parent, const QString &title, const QString &text)
{
    constexpr qsizetype shownLines = 18;
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, parent);
    box.setDefaultButton(QMessageBox::Cancel);
    const QStringList lines = text.split(u'\n');
    if (lines.size() > shownLines + 2) {
        // The question (the last line) stays in view; the middle is cut to its first lines.
        QStringList shown = lines.first(shownLines);
        shown << QMessageBox::tr("… and %1 more (Show Details…)").arg(lines.size() - shownLines - 1) << QString()
              << lines.last();
        box.setText(shown.join(u'\n'));
        box.setDetailedText(text);
    }
    return box.exec() == QMessageBox::Yes;
}

} // namespace strata::ui
