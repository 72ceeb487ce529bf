#pragma once

#include "core/dialect/dialectkind.h"
#include "core/graph/revisiongraph.h"
#include "core/project/config.h"
#include "core/revision/revision.h"

#include <QDir>

#include <memory>

namespace strata {

// A migrations folder: strata.yaml, versions/*.yaml, models.yaml.
class Project
{
public:
    // Reads the folder; every revision file is parsed and the graph checked.
    // A Flask-Migrate / Alembic folder (no strata.yaml, alembic.ini or env.py
    // beside versions/*.py) opens read-only: its scripts are read without
    // running Python, and the version table is alembic_version.
    static Result<Project> open(const QString &directory);
    // Creates the folder with strata.yaml, an empty models.yaml and versions/.
    static Result<Project> init(const QString &directory, const QString &databaseUrl = {});

    QDir directory() const { return m_dir; }
    QString versionsPath() const { return m_dir.filePath(QStringLiteral("versions")); }
    QString modelsPath() const { return m_dir.filePath(m_config.models); }
    const ProjectConfig &config() const { return m_config; }
    const RevisionGraph &graph() const { return m_graph; }

    // True for an Alembic folder opened as it is (see open()).
    bool isAlembic() const { return m_alembic; }
    // Fails for an Alembic folder: Strata never writes YAML revisions into it.
    Status checkWritable() const;

    // An Alembic folder's scripts as they behave on this dialect ("sqlite",
    // "postgresql"): each upgrade()/downgrade() run against a recording `op`
    // by the team's Python (see alembic/alembicevaluation.h), cached in
    // .strata-cache/. Nothing for a Strata project, or when already done for
    // this dialect. Returns what people should know (the interpreter used or
    // missing, scripts read without Python).
    QStringList evaluateFor(DialectKind dialect);
    // The dialect the scripts were last evaluated for (with or without Python); none: not yet.
    std::optional<DialectKind> evaluatedDialect() const { return m_evaluatedDialect; }
    // "file:line: message" from the last evaluation.
    const QStringList &evaluationProblems() const { return m_evaluationProblems; }

    // Writes a revision into versions/ with the file template; returns its path.
    // Refuses to overwrite an existing file.
    Result<QString> writeRevision(Revision revision);

    // Applies upgrade operations from base up to and including the given
    // revisions (all their ancestors, in graph order). Empty list: empty schema.
    Result<Schema> schemaAt(const QStringList &revisionIds) const;
    // NotFound for the first id that is not a revision of this project.
    Status checkRevisionsKnown(const QStringList &revisionIds) const;
    // Applies the upgrade operations of order[from..to) (revision ids in
    // graph order) to schema. `untranslated` carries the last Alembic
    // statement Strata could not translate, named in a later failure's hint
    // (an untranslated statement changes nothing, so a later operation fails).
    Status replay(Schema &schema, const QStringList &order, qsizetype from, qsizetype to,
                  QString &untranslated) const;

private:
    QDir m_dir;
    ProjectConfig m_config;
    RevisionGraph m_graph;
    bool m_alembic = false;
    std::optional<DialectKind> m_evaluatedDialect;
    QStringList m_evaluationProblems;
    // The last schemaAt() result: `strata migrate` asks for head's schema
    // four times (drift, diff, SQL preview, lint). Shared by copies of the
    // project until one of them changes its graph and takes a fresh one.
    struct ReplayMemo;
    std::shared_ptr<ReplayMemo> m_replayed;
};

// "Add daily notes!" -> "add_daily_notes"
QString slugify(const QString &message);

} // namespace strata
