#pragma once

#include "core/ops/operation.h"

#include <QDateTime>
#include <QStringList>

namespace YAML { class Exception; }

namespace strata {

// One direction of an Alembic revision whose Python needs a live connection
// (op.get_bind() used for queries, a Session): it runs through Alembic itself
// (core/alembic/datastep.h). Its operations are what recording it found, so
// the schema replay still sees the DDL it makes.
struct DataStep
{
    bool needed = false;
    bool partial = false;          // the recording stopped on a fake query result: the replay may miss DDL
    QString source;                // the Python function, for --sql and previews
    int line = 0;                  // of its def
    QStringList uses;              // "file:line: bind.execute", what made it a data step
};

// Where one operation of a recorded Alembic script came from: the op.* call
// (several operations may share one) and the SQL Alembic's offline mode runs
// for that call. An in-place run uses that SQL, with a warning, when the
// replayed schema lacks the object the call works on (made by SQL the replay
// could not read), as Alembic would run it; the database decides.
struct AlembicCall
{
    int call = 0;                  // 0: no call known (static reading, execute)
    std::optional<QStringList> sql;   // nullopt: Alembic can't render it alone (a SQLite batch rebuild)
};

// One revision file, parsed.
struct Revision
{
    QString id;
    QStringList downRevisions;      // empty for a base, several for a merge
    QString message;
    QDateTime created;
    QStringList branchLabels;
    QStringList dependsOn;
    bool transactional = true;
    OperationList upgrade;
    OperationList downgrade;

    QString filePath;               // absolute; empty for a revision not read from disk
    QString checksum;               // revisionChecksum() of the file's bytes
    // 1-based lines of the values in the file (0 when unknown), so graph
    // errors (missing parent, cycle, duplicate id) can point at the line.
    int idLine = 0;
    int downRevisionLine = 0;
    int dependsOnLine = 0;

    // Alembic scripts only (see DataStep); pythonError: why Python could not
    // load the script ("file:line: ImportError ..."), empty when it could.
    DataStep upgradeData;
    DataStep downgradeData;
    QString pythonError;
    QList<AlembicCall> upgradeCalls;     // one per operation of `upgrade` when recorded, else empty
    QList<AlembicCall> downgradeCalls;
    const DataStep &dataStep(bool upgrade) const { return upgrade ? upgradeData : downgradeData; }
    const QList<AlembicCall> &alembicCalls(bool upgrade) const { return upgrade ? upgradeCalls : downgradeCalls; }

    bool isBase() const { return downRevisions.isEmpty(); }
    bool isMerge() const { return downRevisions.size() > 1; }
    QString shortId() const { return id.left(12); }
};

// One direction of a revision applied to the schema. With `alembicCalls` (an
// Alembic folder run in place), a recorded call whose operations do not fit is
// left out instead of failing: the run executes Alembic's SQL for it.
Result<Schema> replayRevision(Schema schema, const Revision &revision, bool upgrade, bool alembicCalls);
// The operations of the recorded call that starts at ops[first] (calls[first].sql
// set), applied all or none; returns the index past the call.
qsizetype applyAlembicCall(Schema &schema, const OperationList &ops, const QList<AlembicCall> &calls, qsizetype first);

// Reads a revision file. Every error names the file, the line and column,
// and says what was expected there.
Result<Revision> readRevisionFile(const QString &path);
Result<Revision> parseRevision(const QByteArray &yamlText, const QString &pathForMessages);

// sha256 hex of a revision file's text with line endings and a leading UTF-8
// BOM normalised away: git's autocrlf or an editor changing them is not an edit.
QString revisionChecksum(const QByteArray &fileBytes);

// The file text for a revision, keys in a stable order, readable by people.
QByteArray revisionToYaml(const Revision &revision);

// A new revision id: 12 lowercase hex digits, as Alembic makes them.
QString newRevisionId();

// A YAML syntax error from yaml-cpp as an Input error at "file:line:col"
// (1-based), saying in words what was expected there. The file's text, when
// given, lets it spot tabs in the indentation.
Error yamlSyntaxError(const YAML::Exception &exception, const QString &file, const QByteArray &text = {});

} // namespace strata
