#include "ui/theme/themecolors.h"

namespace strata::ui::ThemeColors {

namespace {

// A hue at a saturation and value that reads on the palette's base colour.
QColor hue(const QPalette &palette, int degrees, int saturation = 170)
{
    return isDark(palette) ? QColor::fromHsv(degrees, saturation - 40, 235)
                           : QColor::fromHsv(degrees, saturation + 40, 165);
}

QColor tint(const QPalette &palette, int degrees, qreal amount)
{
    const QColor base = palette.color(QPalette::Base);
    return blend(base, QColor::fromHsv(degrees, 200, 220), isDark(palette) ? amount * 0.9 : amount);
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor blend(const QColor &a, const QColor &b, qreal amount)
{
    const auto mix = [amount](float x, float y) { return x + (y - x) * float(amount); };
    return QColor::fromRgbF(mix(a.redF(), b.redF()), mix(a.greenF(), b.greenF()), mix(a.blueF(), b.blueF()));
}

QColor dimText(const QPalette &palette)
{
    return blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
}

QColor lane(const QPalette &palette, int index)
{
    static constexpr int hues[] = {210, 140, 30, 280, 0, 180, 55, 320};
    return hue(palette, hues[index % int(std::size(hues))]);
}

QColor current(const QPalette &palette) { return hue(palette, 150, 190); }
QColor warning(const QPalette &palette) { return hue(palette, 32, 200); }
QColor error(const QPalette &palette) { return hue(palette, 0, 190); }
QColor info(const QPalette &palette) { return hue(palette, 205, 170); }
QColor success(const QPalette &palette) { return hue(palette, 130, 180); }

QColor removedLine(const QPalette &palette) { return tint(palette, 0, 0.16); }
QColor addedLine(const QPalette &palette) { return tint(palette, 125, 0.16); }
QColor removedWords(const QPalette &palette) { return tint(palette, 0, 0.38); }
QColor addedWords(const QPalette &palette) { return tint(palette, 125, 0.38); }
QColor filler(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.05);
}
QColor fold(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.12);
}

QColor keyword(const QPalette &palette) { return hue(palette, 220, 190); }
QColor string(const QPalette &palette) { return hue(palette, 100, 170); }
QColor number(const QPalette &palette) { return hue(palette, 28, 190); }
QColor comment(const QPalette &palette) { return dimText(palette); }
QColor identifier(const QPalette &palette) { return hue(palette, 290, 120); }

} // namespace strata::ui::ThemeColors
