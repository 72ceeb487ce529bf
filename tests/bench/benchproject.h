#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// Project folders for the benchmarks, written as a person (or `strata
// migrate`) would write them: strata.yaml, versions/*.yaml, models.yaml.
namespace Bench {

// linear: one chain. branched: per ten revisions a fork point, two branches
// of four revisions each, and a merge revision that joins them.
enum class Shape { Linear, Branched };
QString shapeName(Shape shape);

// One revision of a generated history, as data: the YAML writer below and
// the Alembic writer (benchalembic.h) render the same steps.
struct ChainStep
{
    enum class Kind { CreateTable, AddColumn, CreateIndex, SeedRow, Merge };
    QByteArray id;
    QList<QByteArray> parents;   // none for the base, two for a merge
    QByteArray message;
    Kind kind = Kind::Merge;
    QByteArray table;            // the table the step changes
    int index = 0;               // its position in the history, for unique names
};

// The deterministic history behind writeChainProject: the same ids in every run.
QList<ChainStep> chainSteps(int revisions, Shape shape);
// The id of the index-th revision (from 0) of a generated history.
QByteArray revisionId(Shape shape, int index);

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
// index, a check). Writes revisions of 250 tables each that create all of
// it, and a models.yaml equal to it.
GeneratedProject writeWideProject(const QString &directory, int tables, QString *error);

// Rewrites the wide project's models.yaml with one new nullable column on
// every tenth table, so `strata migrate` has changes to write.
bool writeWideModelsWithChanges(const QString &directory, int tables, QString *error);
// Rewrites models.yaml equal to the base revision again (for `strata check`).
bool writeWideModels(const QString &directory, int tables, QString *error);

// Small helpers the project writers share.
bool writeText(const QString &path, const QByteArray &text, QString *error);
QByteArray slugOf(const QByteArray &message);    // "Add column" -> "add_column"
QDateTime createdAt(int index);                  // a revision's creation time, ten minutes apart

} // namespace Bench
