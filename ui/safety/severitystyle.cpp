#include "ui/safety/severitystyle.h"

#include "ui/theme/themecolors.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace strata::ui {

QColor severityColour(const QPalette &palette, Issue::Severity severity)
{
    switch (severity) {
    case Issue::Severity::Error: return ThemeColors::error(palette);
    case Issue::Severity::Warning: return ThemeColors::warning(palette);
    case Issue::Severity::Info: return ThemeColors::info(palette);
    }
    return ThemeColors::info(palette);
}

QIcon severityIcon(const QPalette &palette, Issue::Severity severity)
{
    QIcon icon;
    // Drawn at two sizes so lists on high-DPI screens stay sharp.
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor colour = severityColour(palette, severity);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
        QFont font;
        font.setBold(true);
        font.setPixelSize(int(size * 0.72));
        painter.setFont(font);
        painter.setPen(colour.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white));
        painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, severity == Issue::Severity::Info ? u"i"_s : u"!"_s);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QString severityTitle(Issue::Severity severity)
{
    switch (severity) {
    case Issue::Severity::Error: return QCoreApplication::translate("Severity", "error");
    case Issue::Severity::Warning: return QCoreApplication::translate("Severity", "warning");
    case Issue::Severity::Info: return QCoreApplication::translate("Severity", "note");
    }
    return {};
}

Issue::Severity worstSeverity(const QList<Issue> &issues)
{
    Issue::Severity worst = Issue::Severity::Info;
    for (const Issue &issue : issues)
        worst = std::max(worst, issue.severity);
    return worst;
}

} // namespace strata::ui
