#pragma once

#include "core/alembic/alembicscript.h"
#include "core/ops/operation.h"

namespace strata::alembic {

// upgrade() or downgrade() of a script as Strata operations. Every statement
// it cannot translate faithfully (a loop, a helper call, a data migration in
// Python, an option Strata has no word for) becomes an execute placeholder
// that fails loudly when run, and a line in needsHand; nothing is dropped.
struct TranslatedBody
{
    OperationList operations;
    QStringList needsHand;     // "file:line: what and why", one per placeholder
};

TranslatedBody translateBody(const AlembicScript &script, const QList<PyStatement> &body);

// The placeholder: an execute that fails on both dialects with this message.
OperationPtr placeholderOperation(const QString &message);
// Whether the operation is such a placeholder.
bool isPlaceholder(const Operation &op);

} // namespace strata::alembic
