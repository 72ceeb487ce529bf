#include "diff/sidebysidediff.h"

#include "diff/codeview.h"
#include "diff/sqlhighlighter.h"
#include "theme/themecolors.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

struct Side
{
    int line = -1;
    QString text;
    QList<TextRange> words;
    QColor lineTint;   // invalid: none
    QColor wordTint;
};

void appendLine(QTextCursor &cursor, bool first, const Side &side, const QFont &font)
{
    if (!first)
        cursor.insertBlock();
    QTextBlockFormat blockFormat;
    if (side.lineTint.isValid())
        blockFormat.setBackground(side.lineTint);
    cursor.setBlockFormat(blockFormat);
    QTextCharFormat plain;
    plain.setFont(font);
    cursor.setCharFormat(plain);
    cursor.insertText(side.text);
    if (side.words.isEmpty())
        return;
    QTextCharFormat word = plain;
    word.setBackground(side.wordTint);
    const int start = cursor.block().position();
    for (const TextRange &range : side.words) {
        QTextCursor mark(cursor.document());
        mark.setPosition(start + range.start);
        mark.setPosition(start + range.start + range.length, QTextCursor::KeepAnchor);
        mark.mergeCharFormat(word);
    }
}

} // namespace

SideBySideDiff::SideBySideDiff(QWidget *parent)
    : QWidget(parent), m_leftTitle(new QLabel(this)), m_rightTitle(new QLabel(this)), m_left(new CodeView(this)),
      m_right(new CodeView(this))
{
    m_left->setObjectName(u"beforeView"_s);
    m_right->setObjectName(u"afterView"_s);
    for (CodeView *view : {m_left, m_right}) {
        new SqlHighlighter(view->document(), palette());
    }
    m_leftTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rightTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The two sides scroll as one: setValue() does not signal when the value
    // is already there, so the pair of connections cannot loop.
    for (auto orientation : {Qt::Vertical, Qt::Horizontal}) {
        const auto bar = [orientation](CodeView *v) {
            return orientation == Qt::Vertical ? v->verticalScrollBar() : v->horizontalScrollBar();
        };
        connect(bar(m_left), &QScrollBar::valueChanged, bar(m_right), &QScrollBar::setValue);
        connect(bar(m_right), &QScrollBar::valueChanged, bar(m_left), &QScrollBar::setValue);
    }

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setHorizontalSpacing(4);
    layout->addWidget(m_leftTitle, 0, 0);
    layout->addWidget(m_rightTitle, 0, 1);
    layout->addWidget(m_left, 1, 0);
    layout->addWidget(m_right, 1, 1);
}

void SideBySideDiff::setRows(const QList<DiffRow> &rows, const QString &leftTitle, const QString &rightTitle)
{
    m_rows = rows;
    m_leftTitle->setText(leftTitle);
    m_rightTitle->setText(rightTitle);
    render();
}

void SideBySideDiff::clear()
{
    setRows({}, {}, {});
}

void SideBySideDiff::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();
}

void SideBySideDiff::render()
{
    const QPalette pal = palette();
    const QColor removedLine = ThemeColors::removedLine(pal);
    const QColor addedLine = ThemeColors::addedLine(pal);
    const QColor filler = ThemeColors::filler(pal);
    const QColor fold = ThemeColors::fold(pal);
    const QFont font = m_left->font();

    m_left->clear();
    m_right->clear();
    QTextCursor left(m_left->document());
    QTextCursor right(m_right->document());
    left.beginEditBlock();
    right.beginEditBlock();
    bool first = true;
    QList<int> leftNumbers;
    QList<int> rightNumbers;
    for (const DiffRow &row : std::as_const(m_rows)) {
        Side l{row.leftLine, row.left};
        Side r{row.rightLine, row.right};
        switch (row.kind) {
        case DiffRow::Kind::Same:
            break;
        case DiffRow::Kind::Changed:
            l = {row.leftLine, row.left, row.leftChanges, removedLine, ThemeColors::removedWords(pal)};
            r = {row.rightLine, row.right, row.rightChanges, addedLine, ThemeColors::addedWords(pal)};
            break;
        case DiffRow::Kind::Removed:
            l.lineTint = removedLine;
            r.lineTint = filler;
            break;
        case DiffRow::Kind::Added:
            l.lineTint = filler;
            r.lineTint = addedLine;
            break;
        case DiffRow::Kind::Folded: {
            const QString text = tr("⋯ %1 unchanged lines").arg(row.foldedCount);
            l = {-1, text, {}, fold};
            r = l;
            break;
        }
        }
        appendLine(left, first, l, font);
        appendLine(right, first, r, font);
        leftNumbers << l.line;
        rightNumbers << r.line;
        first = false;
    }
    left.endEditBlock();
    right.endEditBlock();
    // An empty diff still numbers nothing: -1 for the one empty block.
    m_left->setLineNumbers(leftNumbers.isEmpty() ? QList<int>{-1} : leftNumbers);
    m_right->setLineNumbers(rightNumbers.isEmpty() ? QList<int>{-1} : rightNumbers);
    m_left->moveCursor(QTextCursor::Start);
    m_right->moveCursor(QTextCursor::Start);
}

} // namespace strata::ui
