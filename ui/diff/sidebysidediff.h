#pragma once

#include "diff/linediff.h"

#include <QWidget>

class QLabel;

namespace strata::ui {

class CodeView;

// Two read-only code views, before on the left and after on the right, one
// row of the diff per line on each side (fillers keep them aligned). Changed
// lines get a tint and their changed words a stronger one; the scroll bars
// move together. It draws the rows it is given; it never computes a diff.
class SideBySideDiff : public QWidget
{
    Q_OBJECT
public:
    explicit SideBySideDiff(QWidget *parent = nullptr);

    void setRows(const QList<DiffRow> &rows, const QString &leftTitle, const QString &rightTitle);
    void clear();

    CodeView *left() const { return m_left; }
    CodeView *right() const { return m_right; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QLabel *m_leftTitle;
    QLabel *m_rightTitle;
    CodeView *m_left;
    CodeView *m_right;
    QList<DiffRow> m_rows;
};

} // namespace strata::ui
