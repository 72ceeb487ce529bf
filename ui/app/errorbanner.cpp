#include "ui/app/errorbanner.h"

#include "ui/theme/themecolors.h"

#include <QMouseEvent>

using namespace Qt::StringLiterals;

namespace strata::ui {

ErrorBanner::ErrorBanner(QWidget *parent) : QLabel(parent)
{
    setObjectName(u"errorBanner"_s);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
    setMargin(6);
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, ThemeColors::removedLine(colours));
    setPalette(colours);
    setToolTip(tr("Click to hide"));
    setCursor(Qt::PointingHandCursor);
}

void ErrorBanner::showError(const QString &text)
{
    setText(text);
    setVisible(true);
}

void ErrorBanner::clear()
{
    QLabel::clear();
    setVisible(false);
}

void ErrorBanner::mouseReleaseEvent(QMouseEvent *event)
{
    // A click that selected text is a selection, not a dismissal.
    if (event->button() == Qt::LeftButton && !hasSelectedText())
        clear();
    QLabel::mouseReleaseEvent(event);
}

} // namespace strata::ui
