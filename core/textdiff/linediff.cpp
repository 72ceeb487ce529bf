#include "core/textdiff/linediff.h"

#include "core/textdiff/myers_p.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// Symbols for the edit script: equal strings get equal numbers.
class Interner
{
public:
    QList<int> symbols(const QStringList &items)
    {
        QList<int> out;
        out.reserve(items.size());
        for (const QString &item : items) {
            auto it = m_ids.constFind(item);
            if (it == m_ids.cend())
                it = m_ids.insert(item, int(m_ids.size()));
            out.append(it.value());
        }
        return out;
    }

private:
    QHash<QString, int> m_ids;
};

bool isWordChar(QChar c) { return c.isLetterOrNumber() || c == u'_'; }

// Words, runs of blanks, and single other characters, with their offsets.
struct Tokens
{
    QStringList texts;
    QList<int> starts;
};

Tokens tokenize(const QString &line)
{
    Tokens tokens;
    int i = 0;
    while (i < line.size()) {
        int j = i + 1;
        if (isWordChar(line[i])) {
            while (j < line.size() && isWordChar(line[j]))
                ++j;
        } else if (line[i].isSpace()) {
            while (j < line.size() && line[j].isSpace())
                ++j;
        }
        tokens.texts.append(line.mid(i, j - i));
        tokens.starts.append(i);
        i = j;
    }
    tokens.starts.append(int(line.size()));
    return tokens;
}

void addRange(QList<TextRange> &ranges, int start, int end)
{
    if (end <= start)
        return;
    if (!ranges.isEmpty() && ranges.last().start + ranges.last().length == start)
        ranges.last().length += end - start;
    else
        ranges.append({start, end - start});
}

void appendHunk(QList<DiffRow> &rows, const QList<int> &removed, const QList<int> &added,
                const QStringList &before, const QStringList &after)
{
    const qsizetype paired = std::min(removed.size(), added.size());
    for (qsizetype i = 0; i < paired; ++i) {
        DiffRow row{DiffRow::Kind::Changed, removed[i], added[i], before[removed[i]], after[added[i]]};
        std::tie(row.leftChanges, row.rightChanges) = changedWords(row.left, row.right);
        rows.append(row);
    }
    for (qsizetype i = paired; i < removed.size(); ++i)
        rows.append({DiffRow::Kind::Removed, removed[i], -1, before[removed[i]], {}});
    for (qsizetype i = paired; i < added.size(); ++i)
        rows.append({DiffRow::Kind::Added, -1, added[i], {}, after[added[i]]});
}

// A line that starts a block: not blank, not indented, not the closing of one.
bool isHead(const QString &line)
{
    return !line.isEmpty() && !line.front().isSpace() && !line.startsWith(u')');
}

QString headText(const QString &line)
{
    QString text = line.trimmed();
    if (text.endsWith(u'('))
        text.chop(1);
    return text.trimmed();
}

// The block heads the hidden rows [from, from + count) belong to: the one
// above the first (if it is inside a block) and the ones among them.
QString foldContext(const QList<DiffRow> &rows, qsizetype from, qsizetype count)
{
    QStringList heads;
    for (qsizetype i = from; i >= 0; --i) {
        const QString &line = rows[i].right;
        if (isHead(line)) {
            heads << headText(line);
            break;
        }
        if (line.isEmpty() || line.startsWith(u')'))
            break;   // between blocks
    }
    for (qsizetype i = from + 1; i < from + count; ++i) {
        if (isHead(rows[i].right))
            heads << headText(rows[i].right);
    }
    if (heads.isEmpty())
        return {};
    return heads.size() == 1 ? heads.first() : heads.first() + u" … "_s + heads.last();
}

DiffRow foldRow(const QList<DiffRow> &rows, qsizetype from, qsizetype count)
{
    DiffRow row{DiffRow::Kind::Folded, -1, -1, {}, {}, {}, {}, int(count)};
    row.foldedFrom = int(from);
    row.foldedContext = foldContext(rows, from, count);
    return row;
}

} // namespace

QList<DiffRow> diffLines(const QStringList &before, const QStringList &after)
{
    Interner interner;
    const QList<int> a = interner.symbols(before);
    const QList<int> b = interner.symbols(after);
    QList<DiffRow> rows;
    QList<int> removed;
    QList<int> added;
    for (const Edit &edit : shortestEditScript(a, b)) {
        switch (edit.kind) {
        case Edit::Kind::Delete:
            removed.append(edit.a);
            break;
        case Edit::Kind::Insert:
            added.append(edit.b);
            break;
        case Edit::Kind::Keep:
            appendHunk(rows, removed, added, before, after);
            removed.clear();
            added.clear();
            rows.append({DiffRow::Kind::Same, edit.a, edit.b, before[edit.a], after[edit.b]});
            break;
        }
    }
    appendHunk(rows, removed, added, before, after);
    return rows;
}

std::pair<QList<TextRange>, QList<TextRange>> changedWords(const QString &left, const QString &right)
{
    const Tokens l = tokenize(left);
    const Tokens r = tokenize(right);
    Interner interner;
    const QList<int> a = interner.symbols(l.texts);
    const QList<int> b = interner.symbols(r.texts);
    QList<TextRange> leftRanges;
    QList<TextRange> rightRanges;
    for (const Edit &edit : shortestEditScript(a, b, 500)) {
        if (edit.kind == Edit::Kind::Delete)
            addRange(leftRanges, l.starts[edit.a], l.starts[edit.a + 1]);
        else if (edit.kind == Edit::Kind::Insert)
            addRange(rightRanges, r.starts[edit.b], r.starts[edit.b + 1]);
    }
    return {leftRanges, rightRanges};
}

QList<DiffRow> foldUnchanged(const QList<DiffRow> &rows, int context, const QList<int> &open)
{
    if (!hasChanges(rows))
        return rows;
    QList<DiffRow> out;
    qsizetype i = 0;
    while (i < rows.size()) {
        if (rows[i].kind != DiffRow::Kind::Same) {
            out.append(rows[i++]);
            continue;
        }
        qsizetype end = i;
        while (end < rows.size() && rows[end].kind == DiffRow::Kind::Same)
            ++end;
        // Context is kept only on the sides that touch a change.
        const qsizetype keepBefore = i == 0 ? 0 : context;
        const qsizetype keepAfter = end == rows.size() ? 0 : context;
        const qsizetype hidden = (end - i) - keepBefore - keepAfter;
        if (hidden > 1 && !open.contains(int(i + keepBefore))) {
            out.append(rows.mid(i, keepBefore));
            out.append(foldRow(rows, i + keepBefore, hidden));
            out.append(rows.mid(end - keepAfter, keepAfter));
        } else {
            out.append(rows.mid(i, end - i));
        }
        i = end;
    }
    return out;
}

QList<int> changeStarts(const QList<DiffRow> &rows)
{
    QList<int> starts;
    bool inChange = false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const bool change = rows[i].kind != DiffRow::Kind::Same && rows[i].kind != DiffRow::Kind::Folded;
        if (change && !inChange)
            starts << int(i);
        inChange = change;
    }
    return starts;
}

bool hasChanges(const QList<DiffRow> &rows)
{
    return std::any_of(rows.cbegin(), rows.cend(), [](const DiffRow &row) {
        return row.kind != DiffRow::Kind::Same && row.kind != DiffRow::Kind::Folded;
    });
}

} // namespace strata
