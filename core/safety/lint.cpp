#include "safety/lint.h"

#include "diff/schemadiff.h"
#include "ops/columnops.h"
#include "ops/executeop.h"
#include "ops/indexops.h"
#include "ops/tableops.h"
#include "project/project.h"
#include "safety/lintignore.h"

#include <QDir>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

int integerRank(ColumnType::Kind kind)
{
    switch (kind) {
    case ColumnType::Kind::SmallInt: return 1;
    case ColumnType::Kind::Integer: return 2;
    case ColumnType::Kind::BigInt: return 3;
    default: return 0;
    }
}

// Whether values of `from` may not fit in `to`.
bool narrows(const ColumnType &from, const ColumnType &to)
{
    using Kind = ColumnType::Kind;
    if (from.kind == Kind::String && to.kind == Kind::String)
        return to.length > 0 && (from.length == 0 || to.length < from.length);
    if (from.kind == Kind::Text && to.kind == Kind::String)
        return true;
    if (from.isInteger() && to.isInteger())
        return integerRank(to.kind) < integerRank(from.kind);
    if (from.kind == Kind::Numeric && to.kind == Kind::Numeric)
        return to.precision < from.precision || to.scale < from.scale;
    if (from.kind == Kind::Double && to.kind == Kind::Float)
        return true;
    // An enum that loses a value, or a string that becomes an enum, refuses rows it held.
    if (to.kind == Kind::Enum)
        return from.kind != Kind::Enum || !std::ranges::all_of(from.values, [&to](const QString &v) { return to.values.contains(v); });
    if (to.kind == Kind::Char && (from.kind == Kind::String || from.kind == Kind::Char)) {
        // CHAR alone is char(1); a string without a length has none to keep to.
        const int wanted = std::max(to.length, 1);
        return from.kind == Kind::String ? from.length == 0 || wanted < from.length : wanted < std::max(from.length, 1);
    }
    if ((from.kind == Kind::Numeric || from.kind == Kind::Float || from.kind == Kind::Double) && to.isInteger())
        return true;
    return from.kind != to.kind && to.kind != Kind::Text && to.kind != Kind::String;
}

class RevisionLinter
{
public:
    RevisionLinter(const Project &project, const Revision &revision, const LintOptions &options)
        : m_project(project), m_revision(revision), m_options(options)
    {
        m_file = revision.filePath.isEmpty() ? revision.id : QDir::current().relativeFilePath(revision.filePath);
        if (!revision.filePath.isEmpty())
            m_ignored = readLintIgnoreFile(revision.filePath).value_or(QList<LintIgnore>());
    }

    QList<Issue> run()
    {
        const auto replayed = [this] {
            auto before = m_project.schemaAt(m_revision.downRevisions + m_revision.dependsOn);
            return before ? *before : Schema();
        };
        const Schema start = m_options.before ? *m_options.before : replayed();
        Schema schema = start;
        for (const OperationPtr &op : m_revision.upgrade) {
            checkOperation(*op, schema, start);
            (void)op->apply(schema);
        }
        checkDowngrade(start, schema);
        return m_issues;
    }

private:
    void add(Issue::Severity severity, const QString &code, const QString &text, int line)
    {
        for (const LintIgnore &ignored : std::as_const(m_ignored)) {
            if (ignored.code == code)
                return;
        }
        Issue issue{severity, code, text, m_revision.id, m_file};
        issue.line = line;
        m_issues << issue;
    }

    // `schema` is the one just before the operation, `start` the one before the revision:
    // a table created earlier in the same revision is empty and unused, so it is not "existing".
    void checkOperation(const Operation &op, const Schema &schema, const Schema &start)
    {
        using Severity = Issue::Severity;
        const QString silence = u"; if intended, add {code: %1, reason: ...} to lint_ignore"_s;
        if (const auto *drop = dynamic_cast<const DropTable *>(&op)) {
            add(Severity::Warning, u"drop-table"_s,
                u"drop table %1 deletes its rows"_s.arg(drop->name) + silence.arg(u"drop-table"_s), op.line);
        } else if (const auto *dropColumn = dynamic_cast<const DropColumn *>(&op)) {
            add(Severity::Warning, u"drop-column"_s,
                u"drop column %1.%2 deletes its data"_s.arg(dropColumn->table, dropColumn->column)
                    + silence.arg(u"drop-column"_s),
                op.line);
        } else if (const auto *addColumn = dynamic_cast<const AddColumn *>(&op)) {
            if (!addColumn->column.nullable && !addColumn->column.defaultValue && start.table(addColumn->table))
                add(Severity::Error, u"not-null-without-default"_s,
                    u"add column %1.%2 NOT NULL without a default fails on a table with rows; give it a default, "
                    "or add it nullable, fill it, then set NOT NULL"_s.arg(addColumn->table, addColumn->column.name),
                    op.line);
        } else if (const auto *alter = dynamic_cast<const AlterColumn *>(&op)) {
            if (start.table(alter->table))
                checkAlter(*alter, schema);
        } else if (const auto *rename = dynamic_cast<const RenameTable *>(&op)) {
            add(Severity::Warning, u"rename"_s,
                u"rename table %1 to %2 breaks code still using the old name; deploy code that reads both "
                "first (a view under the old name gives a compatibility window)"_s.arg(rename->from, rename->to),
                op.line);
        } else if (const auto *index = dynamic_cast<const CreateIndex *>(&op)) {
            if (m_options.dialect == "postgresql"_L1 && start.table(index->table))
                add(Severity::Warning, u"non-concurrent-index"_s,
                    u"create index %1 on the existing table %2 blocks writes to it while it builds on PostgreSQL; "
                    "for a large table use execute: CREATE INDEX CONCURRENTLY in a revision with "
                    "transactional: false"_s.arg(index->index.name, index->table),
                    op.line);
        }
    }

    void checkAlter(const AlterColumn &alter, const Schema &schema)
    {
        const Table *table = schema.table(alter.table);
        const Column *column = nullptr;
        if (table) {
            for (const Column &c : table->columns) {
                if (c.name == alter.column)
                    column = &c;
            }
        }
        if (alter.type && column && narrows(column->type, *alter.type))
            add(Issue::Severity::Warning, u"type-narrowing"_s,
                u"alter column %1.%2 from %3 to %4 may not fit the values it holds (truncation or failure)"_s.arg(
                    alter.table, alter.column, column->type.toString(), alter.type->toString()),
                alter.line);
        if (alter.nullable == false && column && column->nullable
            && !(alter.changeDefault ? alter.defaultValue.has_value() : column->defaultValue.has_value()))
            add(Issue::Severity::Error, u"not-null-without-default"_s,
                u"alter column %1.%2 to NOT NULL fails if a row holds NULL; fill the column first"_s.arg(
                    alter.table, alter.column),
                alter.line);
        if (alter.newName)
            add(Issue::Severity::Warning, u"rename"_s,
                u"rename column %1.%2 to %3 breaks code still using the old name; add the new column, write "
                "both, then drop the old one"_s.arg(alter.table, alter.column, *alter.newName),
                alter.line);
    }

    void checkDowngrade(const Schema &start, const Schema &afterUpgrade)
    {
        const int firstLine = m_revision.upgrade.isEmpty() ? 0 : m_revision.upgrade.first()->line;
        if (m_revision.downgrade.isEmpty()) {
            if (!m_revision.upgrade.isEmpty())
                add(Issue::Severity::Warning, u"missing-downgrade"_s,
                    u"the revision has no downgrade: `strata downgrade` past it changes nothing"_s, firstLine);
            return;
        }
        // A data fix (UPDATE, INSERT) need not be undone; a schema change made
        // in raw SQL is invisible to the replay, so only SQL can undo it.
        static const QRegularExpression ddl(u"^\\s*(CREATE|ALTER|DROP|RENAME|COMMENT)\\b"_s,
                                            QRegularExpression::CaseInsensitiveOption);
        bool upgradeExecutes = false;
        int executeLine = 0;
        for (const OperationPtr &op : m_revision.upgrade) {
            const auto *execute = dynamic_cast<const Execute *>(op.get());
            if (execute && !upgradeExecutes && ddl.match(execute->sql).hasMatch()) {
                upgradeExecutes = true;
                executeLine = op->line;
            }
        }
        bool downgradeExecutes = false;
        for (const OperationPtr &op : m_revision.downgrade)
            downgradeExecutes = downgradeExecutes || dynamic_cast<const Execute *>(op.get());
        if (upgradeExecutes && !downgradeExecutes)
            add(Issue::Severity::Warning, u"execute-without-downgrade"_s,
                u"the upgrade changes the schema in raw SQL (execute) and the downgrade runs no SQL to undo it"_s, executeLine);

        const int downLine = m_revision.downgrade.first()->line;
        auto restored = replay(afterUpgrade, m_revision.downgrade);
        if (!restored) {
            add(Issue::Severity::Error, u"downgrade-not-inverse"_s,
                u"the downgrade does not fit the schema the upgrade leaves: %1"_s.arg(restored.error().message),
                downLine);
            return;
        }
        // Most downgrades restore the schema exactly: a comparison settles it
        // without normalising the whole schema (thousands of revisions are linted before an upgrade).
        if (start == *restored)
            return;
        auto diff = diffSchemas(start, *restored);
        if (!diff || diff->isEmpty())
            return;
        QStringList left;
        for (const OperationPtr &op : diff->upgrade)
            left << op->describe();
        add(Issue::Severity::Error, u"downgrade-not-inverse"_s,
            u"the downgrade does not restore the schema before the upgrade; still differs: %1"_s.arg(
                (left + diff->unsupported).join(u"; "_s)),
            downLine);
    }

    const Project &m_project;
    const Revision &m_revision;
    const LintOptions &m_options;
    QString m_file;
    QList<LintIgnore> m_ignored;
    QList<Issue> m_issues;
};

} // namespace

QList<Issue> lintRevision(const Project &project, const Revision &revision, const LintOptions &options)
{
    return RevisionLinter(project, revision, options).run();
}

QList<Issue> lintRevisions(const Project &project, const QStringList &revisionIds, const LintOptions &options)
{
    const RevisionGraph &graph = project.graph();
    QList<Issue> issues;
    for (const QString &id : graph.topologicalOrder(QSet<QString>(revisionIds.cbegin(), revisionIds.cend()))) {
        if (const Revision *revision = graph.find(id))
            issues << lintRevision(project, *revision, options);
    }
    return issues;
}

} // namespace strata
