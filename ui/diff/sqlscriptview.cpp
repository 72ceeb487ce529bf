#include "ui/diff/sqlscriptview.h"

#include "ui/theme/themecolors.h"

#include <QTextBlock>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata::ui {

SqlScriptView::SqlScriptView(QWidget *parent) : CodeView(parent)
{
    connect(this, &CodeView::blockActivated, this, [this](int block) {
        if (block == 0 && m_setUpLines > 0)
            setSetUpFolded(!m_folded);
    });
}

void SqlScriptView::setScript(const QString &script)
{
    m_script = script;
    m_folded = true;
    // Everything before the first "-- Running upgrade|downgrade ..." that offlineScript() writes per step.
    const QStringList lines = script.split(u'\n');
    const auto first = std::find_if(lines.cbegin(), lines.cend(), [](const QString &line) {
        return line.startsWith(u"-- Running upgrade "_s) || line.startsWith(u"-- Running downgrade "_s);
    });
    m_setUpLines = first == lines.cend() ? 0 : int(first - lines.cbegin());
    render();
}

void SqlScriptView::setSetUpFolded(bool folded)
{
    m_folded = folded;
    render();
}

void SqlScriptView::render()
{
    if (!isSetUpFolded()) {
        setPlainText(m_script);
        setLineNumbers({});
        if (m_setUpLines > 0) {
            // The set-up shown: its first line folds it again, as the fold line opened it.
            QTextCursor cursor(document()->firstBlock());
            QTextBlockFormat format;
            format.setBackground(ThemeColors::fold(palette()));
            cursor.setBlockFormat(format);
        }
        return;
    }
    const QStringList lines = m_script.split(u'\n');
    QStringList shown{tr("-- ⋯ set-up: header and version tables, %1 lines (click to show)").arg(m_setUpLines)};
    QList<int> numbers{-1};
    for (int i = m_setUpLines; i < lines.size(); ++i) {
        shown << lines.at(i);
        numbers << i;
    }
    setPlainText(shown.join(u'\n'));
    setLineNumbers(numbers);
    QTextCursor cursor(document()->firstBlock());
    QTextBlockFormat format;
    format.setBackground(ThemeColors::fold(palette()));
    cursor.setBlockFormat(format);
}

} // namespace strata::ui
