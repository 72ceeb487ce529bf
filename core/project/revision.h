#pragma once

#include "ops/operation.h"

#include <QDateTime>
#include <QStringList>

namespace YAML { class Exception; }

namespace strata {

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

    bool isBase() const { return downRevisions.isEmpty(); }
    bool isMerge() const { return downRevisions.size() > 1; }
    QString shortId() const { return id.left(12); }
};

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
