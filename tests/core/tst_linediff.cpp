#include "core/textdiff/linediff.h"

#include <QTest>

using namespace Qt::StringLiterals;
using strata::DiffRow;
using strata::TextRange;

namespace {

// "=a|a", "~x|y", "-a|", "+|b", "…3": one readable string per row, so a
// failing QCOMPARE prints both lists.
QString encode(const DiffRow &row)
{
    switch (row.kind) {
    case DiffRow::Kind::Same: return u"="_s + row.left + u'|' + row.right;
    case DiffRow::Kind::Changed: return u"~"_s + row.left + u'|' + row.right;
    case DiffRow::Kind::Removed: return u"-"_s + row.left + u'|';
    case DiffRow::Kind::Added: return u"+|"_s + row.right;
    case DiffRow::Kind::Folded: return u"…"_s + QString::number(row.foldedCount);
    }
    return {};
}

QStringList encode(const QList<DiffRow> &rows)
{
    QStringList out;
    for (const DiffRow &row : rows)
        out << encode(row);
    return out;
}

// The line with each changed range in [brackets].
QString marked(const QString &line, const QList<TextRange> &ranges)
{
    QString out = line;
    for (auto it = ranges.crbegin(); it != ranges.crend(); ++it) {
        out.insert(it->start + it->length, u']');
        out.insert(it->start, u'[');
    }
    return out;
}

QStringList lines(const QString &text) { return text.isEmpty() ? QStringList{} : text.split(u'\n'); }

QList<DiffRow> sameRows(int count, int firstLine)
{
    QList<DiffRow> rows;
    for (int i = 0; i < count; ++i) {
        const QString text = u"line %1"_s.arg(firstLine + i);
        rows.append({DiffRow::Kind::Same, firstLine + i, firstLine + i, text, text});
    }
    return rows;
}

DiffRow changedRow(int line) { return {DiffRow::Kind::Changed, line, line, u"old"_s, u"new"_s}; }

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diffLines_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("both empty") << QString() << QString() << QStringList{};
        QTest::newRow("identical") << u"a\nb"_s << u"a\nb"_s << QStringList{u"=a|a"_s, u"=b|b"_s};
        QTest::newRow("everything new") << QString() << u"a\nb"_s << QStringList{u"+|a"_s, u"+|b"_s};
        QTest::newRow("everything gone") << u"a\nb"_s << QString() << QStringList{u"-a|"_s, u"-b|"_s};
        QTest::newRow("one line changed in the middle")
            << u"a\nb\nc"_s << u"a\nB\nc"_s << QStringList{u"=a|a"_s, u"~b|B"_s, u"=c|c"_s};
        QTest::newRow("line added at the end")
            << u"a\nb"_s << u"a\nb\nc"_s << QStringList{u"=a|a"_s, u"=b|b"_s, u"+|c"_s};
        QTest::newRow("line removed at the start")
            << u"a\nb\nc"_s << u"b\nc"_s << QStringList{u"-a|"_s, u"=b|b"_s, u"=c|c"_s};
        QTest::newRow("two removed for one added pair the first")
            << u"a\nx\ny\nb"_s << u"a\nz\nb"_s << QStringList{u"=a|a"_s, u"~x|z"_s, u"-y|"_s, u"=b|b"_s};
        QTest::newRow("repeated lines keep their order")
            << u"x\na\nx\nb"_s << u"x\nb"_s << QStringList{u"=x|x"_s, u"-a|"_s, u"-x|"_s, u"=b|b"_s};
        QTest::newRow("column added before the closing parenthesis")
            << u"CREATE TABLE \"t\" (\n    \"id\" INTEGER,\n    \"a\" TEXT\n)"_s
            << u"CREATE TABLE \"t\" (\n    \"id\" INTEGER,\n    \"a\" TEXT,\n    \"b\" TEXT\n)"_s
            << QStringList{u"=CREATE TABLE \"t\" (|CREATE TABLE \"t\" ("_s,
                           u"=    \"id\" INTEGER,|    \"id\" INTEGER,"_s,
                           u"~    \"a\" TEXT|    \"a\" TEXT,"_s,
                           u"+|    \"b\" TEXT"_s,
                           u"=)|)"_s};
        QTest::newRow("table dropped between two kept tables")
            << u"CREATE TABLE a\nCREATE TABLE b\nCREATE TABLE c"_s << u"CREATE TABLE a\nCREATE TABLE c"_s
            << QStringList{u"=CREATE TABLE a|CREATE TABLE a"_s, u"-CREATE TABLE b|"_s,
                           u"=CREATE TABLE c|CREATE TABLE c"_s};
    }

    void diffLines()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QStringList, expected);

        const QList<DiffRow> rows = strata::diffLines(lines(before), lines(after));
        QCOMPARE(encode(rows), expected);

        // Each side's line numbers run 0, 1, 2... once each, whatever the diff.
        QList<int> left;
        QList<int> right;
        for (const DiffRow &row : rows) {
            if (row.leftLine >= 0)
                left << row.leftLine;
            if (row.rightLine >= 0)
                right << row.rightLine;
        }
        QList<int> allLeft(lines(before).size());
        std::iota(allLeft.begin(), allLeft.end(), 0);
        QList<int> allRight(lines(after).size());
        std::iota(allRight.begin(), allRight.end(), 0);
        QCOMPARE(left, allLeft);
        QCOMPARE(right, allRight);
    }

    void changedWords_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QString>("markedLeft");
        QTest::addColumn<QString>("markedRight");

        QTest::newRow("type replaced")
            << u"\"email\" VARCHAR(255) NOT NULL"_s << u"\"email\" TEXT NOT NULL"_s
            << u"\"email\" [VARCHAR(255)] NOT NULL"_s << u"\"email\" [TEXT] NOT NULL"_s;
        QTest::newRow("whole numbers, not digits")
            << u"VARCHAR(80)"_s << u"VARCHAR(120)"_s << u"VARCHAR([80])"_s << u"VARCHAR([120])"_s;
        QTest::newRow("comma appended") << u"\"a\" TEXT"_s << u"\"a\" TEXT,"_s << u"\"a\" TEXT"_s
                                        << u"\"a\" TEXT[,]"_s;
        QTest::newRow("two separate changes")
            << u"\"n\" INTEGER NULL DEFAULT 1"_s << u"\"n\" BIGINT NULL DEFAULT 2"_s
            << u"\"n\" [INTEGER] NULL DEFAULT [1]"_s << u"\"n\" [BIGINT] NULL DEFAULT [2]"_s;
        QTest::newRow("words inserted") << u"a b"_s << u"a NOT NULL b"_s << u"a b"_s << u"a [NOT NULL ]b"_s;
        QTest::newRow("identical") << u"same"_s << u"same"_s << u"same"_s << u"same"_s;
        QTest::newRow("from empty") << QString() << u"x y"_s << QString() << u"[x y]"_s;
    }

    void changedWords()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QString, markedLeft);
        QFETCH(QString, markedRight);

        const auto [leftRanges, rightRanges] = strata::changedWords(left, right);
        QCOMPARE(marked(left, leftRanges), markedLeft);
        QCOMPARE(marked(right, rightRanges), markedRight);
    }

    void changedRowsCarryTheirWords()
    {
        const auto rows = strata::diffLines({u"a INTEGER"_s}, {u"a BIGINT"_s});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(marked(rows[0].left, rows[0].leftChanges), u"a [INTEGER]"_s);
        QCOMPARE(marked(rows[0].right, rows[0].rightChanges), u"a [BIGINT]"_s);
    }

    void foldUnchanged_data()
    {
        QTest::addColumn<QList<DiffRow>>("rows");
        QTest::addColumn<int>("context");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("no change stays whole") << sameRows(10, 0) << 2 << encode(sameRows(10, 0));
        {
            QList<DiffRow> rows = sameRows(10, 0);
            rows << changedRow(10) << sameRows(10, 11);
            QStringList expected{u"…8"_s, u"=line 8|line 8"_s, u"=line 9|line 9"_s, u"~old|new"_s,
                                 u"=line 11|line 11"_s, u"=line 12|line 12"_s, u"…8"_s};
            QTest::newRow("change in the middle of long runs") << rows << 2 << expected;
        }
        {
            QList<DiffRow> rows{changedRow(0)};
            rows << sameRows(5, 1) << changedRow(6);
            QTest::newRow("short run between changes is kept") << rows << 2 << encode(rows);
        }
        {
            QList<DiffRow> rows = sameRows(3, 0);
            rows << changedRow(3);
            QStringList expected{u"=line 0|line 0"_s, u"=line 1|line 1"_s, u"=line 2|line 2"_s,
                                 u"~old|new"_s};
            QTest::newRow("one hidden row is shown instead") << rows << 2 << expected;
        }
        {
            QList<DiffRow> rows{changedRow(0)};
            rows << sameRows(6, 1) << changedRow(7);
            QStringList expected{u"~old|new"_s, u"…6"_s, u"~old|new"_s};
            QTest::newRow("no context") << rows << 0 << expected;
        }
    }

    void foldUnchanged()
    {
        QFETCH(QList<DiffRow>, rows);
        QFETCH(int, context);
        QFETCH(QStringList, expected);

        QCOMPARE(encode(strata::foldUnchanged(rows, context)), expected);
    }

    void foldsNameTheBlockTheyHide_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<QStringList>("contexts");

        const QStringList user{u"CREATE TABLE user ("_s, u"    id INTEGER,"_s, u"    email TEXT,"_s,
                               u"    name TEXT,"_s, u"    age INTEGER,"_s, u"    note TEXT"_s, u");"_s};
        const QStringList habit{u""_s, u"CREATE TABLE habit ("_s, u"    id INTEGER,"_s, u"    title TEXT"_s, u");"_s};
        QStringList userChanged = user;
        userChanged[5] = u"    note VARCHAR(9)"_s;
        QTest::newRow("inside one table") << user << userChanged << QStringList{u"CREATE TABLE user"_s};
        QTest::newRow("across two tables: the first and the last")
            << user + habit + QStringList{u"-- end"_s} << user + habit + QStringList{u"-- the end"_s}
            << QStringList{u"CREATE TABLE user … CREATE TABLE habit"_s};
    }

    void foldsNameTheBlockTheyHide()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QStringList, contexts);
        const QList<DiffRow> rows = strata::diffLines(before, after);
        QStringList found;
        for (const DiffRow &row : strata::foldUnchanged(rows, 1)) {
            if (row.kind == DiffRow::Kind::Folded)
                found << row.foldedContext;
        }
        QCOMPARE(found, contexts);
    }

    void anOpenFoldStaysOpen()
    {
        QList<DiffRow> rows = sameRows(10, 0);
        rows << changedRow(10) << sameRows(10, 11);
        const QList<DiffRow> folded = strata::foldUnchanged(rows, 2);
        QCOMPARE(folded.first().kind, DiffRow::Kind::Folded);
        QCOMPARE(folded.first().foldedFrom, 0);
        const QList<DiffRow> opened = strata::foldUnchanged(rows, 2, {folded.first().foldedFrom});
        QCOMPARE(encode(opened).mid(0, 10), encode(rows).mid(0, 10));
        QCOMPARE(encode(opened).last(), u"…8"_s);   // the other fold stays shut
    }

    void changeStartsAreTheFirstRowOfEachRun()
    {
        QList<DiffRow> rows = sameRows(2, 0);
        rows << changedRow(2) << changedRow(3) << sameRows(2, 4) << changedRow(6);
        QCOMPARE(strata::changeStarts(rows), (QList<int>{2, 6}));
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
