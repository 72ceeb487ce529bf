#include "ui/diff/sidebysidediff.h"

#include "ui/diff/codeview.h"
#include "ui/diff/sqlhighlighter.h"
#include "ui/theme/themecolors.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

#include <algorithm>

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

void appendLine(QTextCursor &cursor, bool first, const Side &side, const QFont &font, int wordOffset = 0)
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
    const int start = cursor.block().position() + wordOffset;
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
      m_right(new CodeView(this)), m_unifiedView(new CodeView(this))
{
    m_left->setObjectName(u"beforeView"_s);
    m_right->setObjectName(u"afterView"_s);
    m_unifiedView->setObjectName(u"unifiedView"_s);
    for (CodeView *view : {m_left, m_right, m_unifiedView}) {
        new SqlHighlighter(view->document(), palette());
        connect(view, &CodeView::blockActivated, this, &SideBySideDiff::activateBlock);
    }
    m_unifiedView->hide();
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
    layout->addWidget(m_unifiedView, 1, 0, 1, 2);
}

void SideBySideDiff::setRows(const QList<DiffRow> &rows, const QString &leftTitle, const QString &rightTitle)
{
    m_rows = rows;
    m_titles = {leftTitle, rightTitle};
    showTitles();
    render();
}

void SideBySideDiff::clear()
{
    setRows({}, {}, {});
}

void SideBySideDiff::setUnified(bool unified)
{
    if (unified == m_unified)
        return;
    const int row = firstShownRow();
    m_unified = unified;
    m_left->setVisible(!unified);
    m_right->setVisible(!unified);
    m_unifiedView->setVisible(unified);
    showTitles();
    showRow(row);
}

void SideBySideDiff::showTitles()
{
    // One column has one title: where it comes from and where it goes.
    const bool both = !m_titles.first.isEmpty() && !m_titles.second.isEmpty();
    m_leftTitle->setText(m_unified && both ? m_titles.first + u"  →  "_s + m_titles.second : m_titles.first);
    m_rightTitle->setText(m_unified ? QString() : m_titles.second);
}

void SideBySideDiff::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();
}

QString SideBySideDiff::foldText(const DiffRow &row) const
{
    const QString lines = row.foldedCount == 1 ? tr("1 unchanged line") : tr("%1 unchanged lines").arg(row.foldedCount);
    return row.foldedContext.isEmpty() ? tr("⋯ %1 (click to show)").arg(lines)
                                       : tr("⋯ %1 in %2 (click to show)").arg(lines, row.foldedContext);
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
        case DiffRow::Kind::Folded:
            l = {-1, foldText(row), {}, fold};
            r = l;
            break;
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
    // A new diff starts at its top, wherever the last one was scrolled to.
    for (CodeView *view : {m_left, m_right}) {
        view->moveCursor(QTextCursor::Start);
        view->verticalScrollBar()->setValue(0);
    }
    m_currentChange = -1;
    renderUnified();
}

void SideBySideDiff::renderUnified()
{
    const QPalette pal = palette();
    const QFont font = m_unifiedView->font();
    m_unifiedView->clear();
    m_unifiedRowOfBlock.clear();
    m_unifiedBlockOfRow.clear();
    QTextCursor cursor(m_unifiedView->document());
    cursor.beginEditBlock();
    QList<int> numbers;
    const auto add = [&](int row, int line, const QString &mark, const QString &text, const QList<TextRange> &words,
                         const QColor &tint, const QColor &wordTint) {
        appendLine(cursor, numbers.isEmpty(), Side{line, mark + text, words, tint, wordTint}, font, int(mark.size()));
        numbers << line;
        m_unifiedRowOfBlock << row;
    };
    for (int i = 0; i < m_rows.size(); ++i) {
        const DiffRow &row = m_rows.at(i);
        m_unifiedBlockOfRow << int(numbers.size());
        switch (row.kind) {
        case DiffRow::Kind::Same:
            add(i, row.rightLine, u"  "_s, row.right, {}, {}, {});
            break;
        case DiffRow::Kind::Folded:
            add(i, -1, QString(), foldText(row), {}, ThemeColors::fold(pal), {});
            break;
        default:
            // A changed row is its old line then its new one, as `diff -u` prints them.
            if (row.leftLine >= 0)
                add(i, row.leftLine, u"- "_s, row.left, row.leftChanges, ThemeColors::removedLine(pal),
                    ThemeColors::removedWords(pal));
            if (row.rightLine >= 0)
                add(i, row.rightLine, u"+ "_s, row.right, row.rightChanges, ThemeColors::addedLine(pal),
                    ThemeColors::addedWords(pal));
        }
    }
    cursor.endEditBlock();
    m_unifiedView->setLineNumbers(numbers.isEmpty() ? QList<int>{-1} : numbers);
    m_unifiedView->moveCursor(QTextCursor::Start);
    m_unifiedView->verticalScrollBar()->setValue(0);
}

int SideBySideDiff::firstShownRow() const
{
    if (!m_unified)
        return m_left->firstVisibleBlockNumber();
    return m_unifiedRowOfBlock.value(m_unifiedView->firstVisibleBlockNumber(), 0);
}

void SideBySideDiff::showRow(int row)
{
    // Two lines of what comes before stay in sight; the cursor marks the row itself.
    if (m_unified) {
        m_unifiedView->showBlockAtTop(m_unifiedBlockOfRow.value(row, 0), 2);
    } else {
        m_left->showBlockAtTop(row, 2);
        m_right->showBlockAtTop(row, 2);
    }
}

bool SideBySideDiff::nextChange()
{
    const QList<int> starts = changeStarts(m_rows);
    const int after = m_currentChange >= 0 ? m_currentChange : firstShownRow() - 1;
    const auto next = std::ranges::find_if(starts, [after](int start) { return start > after; });
    if (next == starts.cend())
        return false;
    m_currentChange = *next;
    showRow(*next);
    return true;
}

bool SideBySideDiff::previousChange()
{
    const QList<int> starts = changeStarts(m_rows);
    const int before = m_currentChange >= 0 ? m_currentChange : firstShownRow();
    const auto previous = std::find_if(starts.crbegin(), starts.crend(), [before](int start) { return start < before; });
    if (previous == starts.crend())
        return false;
    m_currentChange = *previous;
    showRow(*previous);
    return true;
}

void SideBySideDiff::activateBlock(int block)
{
    const int row = sender() == m_unifiedView ? m_unifiedRowOfBlock.value(block, -1) : block;
    if (row >= 0 && row < m_rows.size() && m_rows.at(row).kind == DiffRow::Kind::Folded)
        Q_EMIT foldActivated(m_rows.at(row).foldedFrom);
}

} // namespace strata::ui
