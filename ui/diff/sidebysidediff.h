#pragma once

#include "core/textdiff/linediff.h"

#include <QWidget>

class QLabel;

namespace strata::ui {

class CodeView;

// The schema diff, side by side (before on the left, after on the right, one
// row of the diff per line on each side, fillers keep them aligned, the
// scroll bars move together) or unified (one column: "-" lines, "+" lines and
// the unchanged ones). Changed lines get a tint and their changed words a
// stronger one. A fold names the statement it hides lines of and opens on a
// click or Return. It draws the rows it is given; it never computes a diff.
class SideBySideDiff : public QWidget
{
    Q_OBJECT
public:
    explicit SideBySideDiff(QWidget *parent = nullptr);

    void setRows(const QList<DiffRow> &rows, const QString &leftTitle, const QString &rightTitle);
    void clear();
    void setUnified(bool unified);
    bool isUnified() const { return m_unified; }

    // Moves to the next (previous) change after (before) the one last gone
    // to, else after the first row shown; false when there is none.
    bool nextChange();
    bool previousChange();
    // The row of m_rows shown first in the view on screen.
    int firstShownRow() const;
    int currentChange() const { return m_currentChange; }

    CodeView *left() const { return m_left; }
    CodeView *right() const { return m_right; }
    CodeView *unified() const { return m_unifiedView; }
    QString foldText(const DiffRow &row) const;

Q_SIGNALS:
    // A fold was clicked: its foldedFrom.
    void foldActivated(int foldedFrom);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void renderUnified();
    void showTitles();
    void showRow(int row);
    void activateBlock(int block);

    QLabel *m_leftTitle;
    QLabel *m_rightTitle;
    CodeView *m_left;
    CodeView *m_right;
    CodeView *m_unifiedView;
    QList<DiffRow> m_rows;
    std::pair<QString, QString> m_titles;   // before, after
    QList<int> m_unifiedRowOfBlock;   // unified view: block -> row
    QList<int> m_unifiedBlockOfRow;   // row -> first block
    bool m_unified = false;
    int m_currentChange = -1;          // the row next/previous last went to; -1: from the view's top
};

} // namespace strata::ui
