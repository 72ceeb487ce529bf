#include "ui/theme/studiotheme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2f, 0x36);
    const QColor base(0x1f, 0x23, 0x29);
    const QColor text(0xe3, 0xe6, 0xea);
    const QColor disabled(0x7d, 0x84, 0x8d);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3f, 0x47));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xc8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6a, 0xa9, 0xe0));
    p.setColor(QPalette::Mid, QColor(0x44, 0x49, 0x52));
    p.setColor(QPalette::Dark, QColor(0x18, 0x1b, 0x20));
    p.setColor(QPalette::Light, QColor(0x3c, 0x42, 0x4b));
    for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

void applyTheme(const QString &name)
{
    if (name != u"light"_s && name != u"dark"_s)
        return;
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(name == u"dark"_s ? darkPalette() : QApplication::style()->standardPalette());
}

} // namespace strata::ui
