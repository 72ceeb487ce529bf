#pragma once

#include "core/dialect/dialect.h"
#include "core/error.h"
#include "core/schema/schema.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

namespace YAML { class Node; }

namespace strata {

class Operation;
using OperationPtr = std::shared_ptr<const Operation>;

// Data an operation deletes when it runs: a whole table, or one column of it.
struct DroppedData
{
    QString table;
    QString column;     // empty: the whole table
    bool fromRawSql = false;   // found in an execute's SQL, not a typed operation
};

// A risk lint reports about one operation, under a rule code (see safety/lint.h).
struct LintFinding
{
    enum class Severity { Warning, Error };
    Severity severity = Severity::Warning;
    QString code;                  // "drop-table"
    QString text;
};

// What lint knows around one operation of a revision.
struct LintContext
{
    const Schema &before;          // just before the operation
    const Schema &start;           // before the revision: only its tables are "existing" (they may hold rows)
    Dialect::Kind dialect;         // the database whose locking rules apply
};

// One step of a migration, dialect-neutral. It knows how to change the
// in-memory Schema (so any revision's schema can be replayed without a
// database), how to render itself through a Dialect, and how to write itself
// back as YAML. Each concrete class also has a static fromYaml(value, file)
// that reads the value under its kind key, the inverse of toYaml(), and a
// static fields(op, io) that lists its data for the revision cache. Every
// concrete class is listed once in ops/operationkinds.h, which gives it its
// kind() and drives the parser and the cache codec.
class Operation
{
public:
    virtual ~Operation() = default;

    // The YAML key, e.g. "create_table"; defined by ops/operationkinds.h.
    virtual QString kind() const = 0;
    // One line for people: "create table daily_note".
    virtual QString describe() const = 0;
    // Changes the schema, or says why the operation does not fit it
    // ("table 'habit' has no column 'x'").
    virtual Status apply(Schema &schema) const = 0;
    // SQL statements (no trailing ';') for this dialect, given the schema
    // just before the operation.
    virtual Result<QStringList> render(const Dialect &dialect, const Schema &before) const = 0;
    // render(), then apply() to the same schema, which ends as the operation
    // leaves it (after an error it is not to be used): what a draft does
    // operation after operation. Operations that
    // need their table both before and after override it to change the schema
    // in place, where render() alone has to copy the whole schema first (a
    // copy per operation is quadratic in a revision of thousands).
    virtual Result<QStringList> renderAndApply(const Dialect &dialect, Schema &schema) const;
    // Statements that run after every other operation of the revision, given
    // the schema the revision builds: a use_alter foreign key on PostgreSQL.
    virtual QStringList renderLate(const Dialect &, const Schema &) const { return {}; }
    // The value under the kind key; parseOperation(toYaml()) gives an equal operation.
    virtual YAML::Node toYaml() const = 0;
    // What running it deletes (rows of a table, values of a column), so a
    // downgrade can be confirmed with what is lost; nothing by default.
    virtual QList<DroppedData> droppedData(const Dialect &dialect) const { Q_UNUSED(dialect); return {}; }
    // The operation that undoes this one, given the schema just before it ran:
    // a drop becomes a create of exactly what was dropped; an error for one
    // that cannot be undone automatically (raw SQL).
    virtual Result<OperationPtr> inverse(const Schema &before) const = 0;
    // What lint reports about it: data it destroys, locks it takes, names it breaks.
    virtual QList<LintFinding> lint(const LintContext &context) const = 0;
    // The "Detected ..." lines autogenerate prints for it; `undo` is its
    // inverse in the generated downgrade (the old type, the dropped
    // constraint's kind), or nullptr.
    virtual QStringList detectedLines(const Operation *undo) const = 0;
    // The schema element it adds, for people ("foreign key"); empty for none.
    virtual QString addedElement() const { return {}; }
    // The tables it creates, so a run can see them already in the database.
    virtual QStringList createdTables() const { return {}; }
    // The one existing table it changes and the only one a SQLite rendering
    // may rebuild; empty when it changes none, or more than one.
    virtual QString changedTable() const { return {}; }
    // The SQL it runs as written, for an operation that is raw SQL; nullopt for a typed one.
    virtual std::optional<QString> rawSql() const { return std::nullopt; }
    // Refuses, when the revision file is read, what cannot run in a revision
    // that is (or is not) transactional; `file` is where the error points.
    virtual Status checkInRevision(bool transactional, const QString &file) const
    {
        Q_UNUSED(transactional);
        Q_UNUSED(file);
        return {};
    }
    // Same kind and same content; `line` is not compared.
    virtual bool equals(const Operation &other) const = 0;
    friend bool operator==(const Operation &a, const Operation &b) { return a.equals(b); }

    int line = 0;      // 1-based line in the revision file; 0 when not read from a file
};

using OperationList = QList<OperationPtr>;

// Reads one list item of an upgrade/downgrade list: a mapping with exactly one
// key, the operation kind. Errors carry "file:line:col" in Error::where.
Result<OperationPtr> parseOperation(const YAML::Node &item, const QString &file);
// The whole list item, {kind: value}.
YAML::Node operationToYaml(const Operation &op);

// The operation kinds parseOperation() knows, in the order the docs list them.
QStringList operationKinds();

// Applies the operations in order to a copy of the schema.
Result<Schema> replay(Schema schema, const OperationList &ops);

} // namespace strata
