#include "core/safety/lint.h"

#include "core/diff/schemadiff.h"
#include "core/project/project.h"
#include "core/revision/lintignore.h"

#include <QDir>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

class RevisionLinter
{
public:
    RevisionLinter(const Project &project, const Revision &revision, const LintOptions &options)
        : m_project(project), m_revision(revision), m_before(options.before),
          m_dialect(options.dialect)
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
        const Schema start = m_before ? *m_before : replayed();
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
        const LintContext context{schema, start, m_dialect};
        for (const LintFinding &finding : op.lint(context)) {
            add(finding.severity == LintFinding::Severity::Error ? Issue::Severity::Error : Issue::Severity::Warning,
                finding.code, finding.text, op.line);
        }
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
            const std::optional<QString> sql = op->rawSql();
            if (sql && !upgradeExecutes && ddl.match(*sql).hasMatch()) {
                upgradeExecutes = true;
                executeLine = op->line;
            }
        }
        bool downgradeExecutes = false;
        for (const OperationPtr &op : m_revision.downgrade)
            downgradeExecutes = downgradeExecutes || op->rawSql().has_value();
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
    const Schema *m_before;
    const Dialect::Kind m_dialect;
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
