#pragma once

#include "context.h"

#include "core/diff/schemasource.h"

namespace strata::cli {

// What the autogenerate commands share: the head they compare with, and how
// warnings and differences reach the terminal.

// Introspection warnings of a source, then the diff's warnings and the
// differences no operation expresses, each as a "WARNING" line on stderr.
void printNotes(Context &context, const SchemaSource &source);
void printNotes(Context &context, const SchemaDiff &diff);

// "Detected ..." lines on stderr, Alembic's INFO style.
void printDetected(Context &context, const SchemaDiff &diff);

// The database's heads must be the project's heads before a comparison with
// head means anything: Alembic's "Target database is not up to date."
Status requireDatabaseAtHead(Context &context, const QString &offlineHint);

} // namespace strata::cli
