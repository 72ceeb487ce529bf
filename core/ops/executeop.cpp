#include "core/ops/executeop.h"

#include "core/dialect/dialect.h"
#include "core/ops/executeddl.h"
#include "core/ops/opsupport_p.h"
#include "core/ops/sqlstatements.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

// The dialect names a per-dialect variant may use, as Dialect::name() spells them.
constexpr const char *variantKeys[] = {"sqlite", "postgresql"};

} // namespace

QString Execute::describe() const
{
    QString text = sql.isEmpty() && !variants.isEmpty() ? variants.first() : sql;
    text = text.simplified();
    constexpr qsizetype shown = 60;
    if (text.size() > shown)
        text = text.left(shown - 3) + u"..."_s;
    return u"execute %1"_s.arg(text);
}

Status Execute::apply(Schema &schema) const
{
    // Raw SQL is mostly opaque to the replay, but an index or a rename made
    // here (Alembic scripts do: op.execute("CREATE INDEX ...")) must be found
    // by a later drop_index or rename, as the database finds it. Per-dialect
    // variants may make different things: only SQL common to all is read.
    if (variants.isEmpty())
        learnFromSql(schema, sql);
    return {};
}

Result<QStringList> Execute::render(const Dialect &dialect, const Schema &) const
{
    return dialect.execute(*this);
}

YAML::Node Execute::toYaml() const
{
    if (variants.isEmpty())
        return YAML::Node(sql.toStdString());
    YAML::Node map(YAML::NodeType::Map);
    if (!sql.isEmpty())
        map["sql"] = sql.toStdString();
    for (auto it = variants.cbegin(); it != variants.cend(); ++it)
        map[it.key().toStdString()] = it.value().toStdString();
    return map;
}

bool Execute::equals(const Operation &other) const
{
    const auto *o = dynamic_cast<const Execute *>(&other);
    return o && sql == o->sql && variants == o->variants;
}

QList<DroppedData> Execute::droppedData(const Dialect &dialect) const
{
    // A statement that starts with DROP TABLE, after comments; the name as written, quotes removed.
    static const QRegularExpression drop(
        uR"(^\s*(?:--[^\n]*\n\s*)*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?("[^"]+"|[\w.]+))"_s,
        QRegularExpression::CaseInsensitiveOption);
    QList<DroppedData> dropped;
    for (const SqlStatement &statement : splitSqlStatements(sqlFor(dialect.name()))) {
        const QRegularExpressionMatch match = drop.match(statement.text);
        if (!match.hasMatch())
            continue;
        QString name = match.captured(1);
        if (name.startsWith(u'"'))
            name = name.mid(1, name.size() - 2).replace(u"\"\""_s, u"\""_s);
        dropped << DroppedData{name, {}, true};
    }
    return dropped;
}

Status Execute::checkInRevision(bool transactional, const QString &file) const
{
    QStringList texts{sql};
    texts << variants.values();
    for (const QString &text : std::as_const(texts)) {
        for (const SqlStatement &statement : splitSqlStatements(text)) {
            const StatementRule rule = statementRule(statement.text);
            if (rule == StatementRule::Allowed || (rule == StatementRule::OutsideTransaction && !transactional))
                continue;
            QString shown = statement.text.simplified();
            if (shown.size() > 60)
                shown = shown.left(57) + u"..."_s;
            const QString where = line > 0 ? u"%1:%2"_s.arg(file).arg(line) : file;
            if (rule == StatementRule::TransactionControl) {
                return fail(Error::Code::Input,
                            u"execute holds transaction control (%1), which would end or nest the transaction "
                            "Strata runs the step in"_s.arg(shown),
                            where,
                            u"remove it: each transactional revision already runs in one transaction; for "
                            "statements that cannot run in a transaction, set `transactional: false` on the "
                            "revision"_s);
            }
            return fail(Error::Code::Input,
                        u"execute holds %1, which cannot work inside the transaction of a transactional revision"_s
                            .arg(shown),
                        where,
                        u"move it to a revision of its own with `transactional: false`"_s);
        }
    }
    return {};
}

QString Execute::sqlFor(const QString &dialectName) const
{
    return variants.value(dialectName, sql);
}

Result<std::shared_ptr<Operation>> Execute::fromYaml(const YAML::Node &value, const QString &file)
{
    auto op = std::make_shared<Execute>();
    if (value.IsScalar()) {
        op->sql = yaml::toQString(value);
    } else {
        if (auto keys = yaml::onlyKeys(value, {"sql", "sqlite", "postgresql"}, u"execute"_s, file); !keys)
            return std::unexpected(keys.error());
        auto generic = yaml::optionalString(value, "sql", file);
        if (!generic)
            return std::unexpected(generic.error());
        op->sql = *generic;
        for (const char *key : variantKeys) {
            auto variant = yaml::optionalString(value, key, file);
            if (!variant)
                return std::unexpected(variant.error());
            if (!variant->isEmpty())
                op->variants.insert(QString::fromLatin1(key), *variant);
        }
    }
    if (op->sql.trimmed().isEmpty() && op->variants.isEmpty()) {
        return std::unexpected(yaml::inputError(value, file, u"execute has no SQL"_s,
            u"write execute: \"UPDATE ...\" or execute: {sql: ..., sqlite: ..., postgresql: ...}"_s));
    }
    return op;
}

// --- what raw SQL means beyond its text

STRATA_CACHED_SIZE(Execute, 48);

Result<OperationPtr> Execute::inverse(const Schema &) const
{
    return std::unexpected(ops::noInverse(*this, u"only schema operations can be undone automatically"_s));
}

// Lint judges raw SQL as a whole revision (execute-without-downgrade), not statement by statement.
QList<LintFinding> Execute::lint(const LintContext &) const { return {}; }

QStringList Execute::detectedLines(const Operation *) const { return {describe()}; }

} // namespace strata
