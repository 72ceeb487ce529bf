#pragma once

#include "error.h"
#include "schema/schema.h"

#include <QList>
#include <QStringList>

#include <memory>

namespace YAML { class Node; }

namespace strata {

class Dialect;

// One step of a migration, dialect-neutral. It knows how to change the
// in-memory Schema (so any revision's schema can be replayed without a
// database), how to render itself through a Dialect, and how to write itself
// back as YAML. Each concrete class also has a static fromYaml(value, file)
// that reads the value under its kind key, the inverse of toYaml().
class Operation
{
public:
    virtual ~Operation() = default;

    // The YAML key, e.g. "create_table".
    virtual QString kind() const = 0;
    // One line for people: "create table daily_note".
    virtual QString describe() const = 0;
    // Changes the schema, or says why the operation does not fit it
    // ("table 'habit' has no column 'x'").
    virtual Status apply(Schema &schema) const = 0;
    // SQL statements (no trailing ';') for this dialect, given the schema
    // just before the operation.
    virtual Result<QStringList> render(const Dialect &dialect, const Schema &before) const = 0;
    // Statements that run after every other operation of the revision, given
    // the schema the revision builds: a use_alter foreign key on PostgreSQL.
    virtual QStringList renderLate(const Dialect &, const Schema &) const { return {}; }
    // The value under the kind key; parseOperation(toYaml()) gives an equal operation.
    virtual YAML::Node toYaml() const = 0;
    // Same kind and same content; `line` is not compared.
    virtual bool equals(const Operation &other) const = 0;
    friend bool operator==(const Operation &a, const Operation &b) { return a.equals(b); }

    int line = 0;      // 1-based line in the revision file; 0 when not read from a file
};

using OperationPtr = std::shared_ptr<const Operation>;
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
