#pragma once

#include <QPlainTextEdit>

namespace strata::ui {

// A read-only text view with a line-number gutter, no wrapping. Numbers come
// from the block number (plain text) or, for diff sides, from a list given
// with the text (the source line per block, 0-based; -1 for a filler or a
// fold: no number). Block user states are left to syntax highlighters.
class CodeView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeView(QWidget *parent = nullptr);

    // Per-block source line numbers; an empty list numbers the blocks 1, 2, 3...
    void setLineNumbers(const QList<int> &numbers);
    const QList<int> &lineNumbers() const { return m_numbers; }
    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);
    // Puts the cursor on the block and scrolls so it is shown with `above`
    // blocks over it (or as near as the end of the text allows).
    void showBlockAtTop(int block, int above = 0);
    int firstVisibleBlockNumber() const;

Q_SIGNALS:
    // A click on a block that did not select text, or Return on it: folds open that way.
    void blockActivated(int block);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);

    QWidget *m_gutter;
    QList<int> m_numbers;
};

} // namespace strata::ui
