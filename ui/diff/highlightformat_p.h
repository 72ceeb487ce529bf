#pragma once

#include <QColor>
#include <QFont>
#include <QTextCharFormat>

namespace strata::ui {

// The character format the diff folder's highlighters colour a token with.
inline QTextCharFormat highlightFormat(const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setForeground(colour);
    if (bold)
        format.setFontWeight(QFont::DemiBold);
    format.setFontItalic(italic);
    return format;
}

} // namespace strata::ui
