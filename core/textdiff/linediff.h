#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

// A run of characters inside one line.
struct TextRange
{
    int start = 0;
    int length = 0;
    friend bool operator==(const TextRange &, const TextRange &) = default;
};

// One row of a side-by-side diff: a left line and a right line that belong
// together. A side without a line (-1) is a filler that keeps both aligned.
struct DiffRow
{
    enum class Kind {
        Same,      // the line is on both sides, unchanged
        Changed,   // a line replaced by another; the ranges say which words changed
        Removed,   // only on the left
        Added,     // only on the right
        Folded,    // stands for foldedCount unchanged rows that are not shown
    };

    Kind kind = Kind::Same;
    int leftLine = -1;            // 0-based line number in the left text, -1 for none
    int rightLine = -1;
    QString left;
    QString right;
    QList<TextRange> leftChanges; // Changed only: characters that differ
    QList<TextRange> rightChanges;
    int foldedCount = 0;          // Folded only
    int foldedFrom = -1;          // Folded only: the first hidden row, an index into foldUnchanged()'s input
    // Folded only: the unindented line (a statement's first line) the hidden
    // rows belong to, or "first … last" when they span several.
    QString foldedContext;

    friend bool operator==(const DiffRow &, const DiffRow &) = default;
};

// Pairs the lines of two texts. Inside a run of changes, removed and added
// lines are paired in order as Changed rows and the rest stay Removed or Added.
QList<DiffRow> diffLines(const QStringList &before, const QStringList &after);

// The characters that differ between two lines, by whole words: identifiers,
// numbers, runs of blanks and single punctuation marks are the units, so
// VARCHAR(80) -> VARCHAR(120) marks "80" and "120", not "8" and "12".
std::pair<QList<TextRange>, QList<TextRange>> changedWords(const QString &left, const QString &right);

// Replaces the middle of each run of unchanged rows by one Folded row,
// keeping `context` rows next to every change (none at the very start or
// end). A fold hides at least two rows: one row is shorter shown than folded.
// A diff without any change is returned whole: there is nothing to focus on.
// A run whose fold would start at a row in `open` (a foldedFrom) stays unfolded.
QList<DiffRow> foldUnchanged(const QList<DiffRow> &rows, int context, const QList<int> &open = {});

// The index of the first row of each change (a run of rows that are neither
// Same nor Folded), in order: where next/previous change go.
QList<int> changeStarts(const QList<DiffRow> &rows);

// Whether any row is a change.
bool hasChanges(const QList<DiffRow> &rows);

} // namespace strata
