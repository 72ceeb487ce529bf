#include "ui/diff/codeview.h"

#include "ui/theme/themecolors.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QPainter>
#include <QTextBlock>

namespace strata::ui {

namespace {

class Gutter : public QWidget
{
public:
    explicit Gutter(CodeView *view) : QWidget(view), m_view(view) {}
    QSize sizeHint() const override { return {m_view->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintGutter(event); }

private:
    CodeView *m_view;
};

} // namespace

CodeView::CodeView(QWidget *parent) : QPlainTextEdit(parent), m_gutter(new Gutter(this))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeView::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeView::updateGutter);
    updateGutterWidth();
}

void CodeView::setLineNumbers(const QList<int> &numbers)
{
    m_numbers = numbers;
    updateGutterWidth();
    const QRect contents = contentsRect();
    m_gutter->setGeometry(QRect(contents.left(), contents.top(), gutterWidth(), contents.height()));
    m_gutter->update();
}

int CodeView::gutterWidth() const
{
    int largest = blockCount();
    if (!m_numbers.isEmpty())
        largest = *std::max_element(m_numbers.cbegin(), m_numbers.cend()) + 1;
    int digits = 1;
    for (int max = std::max(1, largest); max >= 10; max /= 10)
        ++digits;
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(digits, 2);
}

void CodeView::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void CodeView::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void CodeView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect contents = contentsRect();
    m_gutter->setGeometry(QRect(contents.left(), contents.top(), gutterWidth(), contents.height()));
}

void CodeView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGutterWidth();
}

void CodeView::showBlockAtTop(int block, int above)
{
    setTextCursor(QTextCursor(document()->findBlockByNumber(block)));
    // Without wrapping a plain-text document scrolls by block: the bar's value is the first block shown.
    verticalScrollBar()->setValue(std::max(0, block - above));
}

int CodeView::firstVisibleBlockNumber() const { return firstVisibleBlock().blockNumber(); }

void CodeView::mouseReleaseEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && !textCursor().hasSelection())
        Q_EMIT blockActivated(cursorForPosition(event->position().toPoint()).blockNumber());
}

void CodeView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        Q_EMIT blockActivated(textCursor().blockNumber());
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void CodeView::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), ThemeColors::blend(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.04));
    painter.setPen(ThemeColors::dimText(pal));
    painter.setFont(font());
    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    const int width = m_gutter->width() - 6;
    while (block.isValid() && top <= event->rect().bottom()) {
        const qreal height = blockBoundingRect(block).height();
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int number = block.blockNumber();
            const int line = m_numbers.isEmpty() ? number : m_numbers.value(number, -1);
            if (line >= 0)
                painter.drawText(QRectF(0, top, width, fontMetrics().height()), Qt::AlignRight,
                                 QString::number(line + 1));
        }
        top += height;
        block = block.next();
    }
}

} // namespace strata::ui
