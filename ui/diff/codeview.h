#pragma once

#include <QPlainTextEdit>

namespace strata::ui {

// A read-only text view with a line-number gutter, no wrapping. Numbers come
// from the block number (plain text) or, for diff sides, from each block's
// userState (the source line, 0-based; -1 for a filler or a fold: no number).
class CodeView : public QPlainTextEdit
{
    Q_OBJECT
public:
    enum class Numbering { Blocks, BlockStates };

    explicit CodeView(QWidget *parent = nullptr);

    void setNumbering(Numbering numbering);
    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);

    QWidget *m_gutter;
    Numbering m_numbering = Numbering::Blocks;
};

} // namespace strata::ui
