#pragma once

#include <QString>
#include <QStringList>

// Project folders for the benchmarks, written as a person (or `strata
// migrate`) would write them: strata.yaml, versions/*.yaml, models.yaml.
namespace Bench {

// linear: one chain. branched: per ten revisions a fork point, two branches
// of four revisions each, and a merge revision that joins them.
enum class Shape { Linear, Branched };
QString shapeName(Shape shape);

struct GeneratedProject
{
    QString directory;     // the migrations folder (strata.yaml, versions/)
    QString headId;        // the single head
    int revisions = 0;
    int tables = 0;        // tables at head
};

// N revisions, each a small realistic change cycling through create_table,
// add_column, create_index and a data `execute` (INSERT), each with its
// downgrade. Deterministic ids, so two runs plan the same steps. Returns an
// empty directory on failure, with *error set.
GeneratedProject writeChainProject(const QString &directory, int revisions, Shape shape, QString *error);

// A wide schema for introspection and autogenerate: `tables` tables of ten
// columns (mixed types, defaults, a foreign key to the previous table, an
// index, a check). Writes one base revision that creates all of it, and a
// models.yaml equal to it.
GeneratedProject writeWideProject(const QString &directory, int tables, QString *error);

// Rewrites the wide project's models.yaml with one new nullable column on
// every tenth table, so `strata migrate` has changes to write.
bool writeWideModelsWithChanges(const QString &directory, int tables, QString *error);
// Rewrites models.yaml equal to the base revision again (for `strata check`).
bool writeWideModels(const QString &directory, int tables, QString *error);

} // namespace Bench
