#pragma once

// The one list of operation kinds. Each line names a class and its YAML key;
// from it come each class's kind(), the YAML parser's table, the kind list
// the docs and error messages show, and the revision cache's codec. Adding an
// operation is its class (with fromYaml, fields, inverse, lint and
// detectedLines, which the compiler asks for), one line here and its tests.

#include "core/ops/altertableop.h"
#include "core/ops/columnops.h"
#include "core/ops/constraintops.h"
#include "core/ops/executeop.h"
#include "core/ops/indexops.h"
#include "core/ops/tableops.h"

#include <QStringView>

// X(Class, "yaml_key"), in the order the docs list them.
#define STRATA_OPERATION_KINDS(X)                    \
    X(CreateTable, "create_table")                   \
    X(DropTable, "drop_table")                       \
    X(RenameTable, "rename_table")                   \
    X(AlterTable, "alter_table")                     \
    X(AddColumn, "add_column")                       \
    X(DropColumn, "drop_column")                     \
    X(AlterColumn, "alter_column")                   \
    X(CreateIndex, "create_index")                   \
    X(DropIndex, "drop_index")                       \
    X(CreateUnique, "create_unique")                 \
    X(CreateForeignKey, "create_foreign_key")        \
    X(CreateCheck, "create_check")                   \
    X(DropConstraint, "drop_constraint")             \
    X(Execute, "execute")

namespace strata {

// Calls f with a null pointer of the concrete class whose key is `kind`, so
// f can name the type (decltype); false for a kind not in the list.
template <typename F>
bool visitOperationKind(QStringView kind, F &&f)
{
#define STRATA_VISIT_KIND(Class, key)                                \
    if (kind == QLatin1StringView(key)) {                            \
        f(static_cast<Class *>(nullptr));                            \
        return true;                                                 \
    }
    STRATA_OPERATION_KINDS(STRATA_VISIT_KIND)
#undef STRATA_VISIT_KIND
    return false;
}

} // namespace strata
