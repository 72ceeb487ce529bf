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

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);

    QWidget *m_gutter;
    QList<int> m_numbers;
};

} // namespace strata::ui
