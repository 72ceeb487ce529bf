#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QStringList>
#include <QTemporaryDir>

namespace strata { class Project; }

// Project folders for tests, written from YAML text so a test shows the very
// files it runs.
namespace TestProjects {

// Writes a file, creating its folder; false when it cannot.
bool writeFile(const QString &path, const QByteArray &text);
// Writes versions/<fileName> (".yaml" added when missing) under a project
// folder; returns the file's path, or an empty string when it cannot.
QString writeRevision(const QString &projectDir, const QString &fileName, const QByteArray &yamlText);
// Copies a folder with everything under it (hidden files too) into targetDir,
// replacing files of the same name; false when a file cannot be copied.
bool copyTree(const QString &sourceDir, const QString &targetDir);
// Copies the bundled example project (STRATA_EXAMPLE_PROJECT: Habitz, tables
// user, habit, daily_note, daily_mood) into targetDir.
bool copyExampleProject(const QString &targetDir);

// The text of a revision file: the header keys, then the upgrade and downgrade
// lists. upgrade/downgrade are YAML list items ("- drop_table: x"), one or more lines.
QByteArray revisionYaml(const QString &id, const QStringList &downRevisions, const QString &message,
                        const QByteArray &upgrade, const QByteArray &downgrade);

} // namespace TestProjects

// A project folder ("<tmp>/migrations") that lives as long as the object.
class TestProject
{
public:
    TestProject();                    // strata.yaml (defaults) and an empty versions/
    explicit TestProject(const QByteArray &strataYaml);

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.filePath(QStringLiteral("migrations")); }
    QString tempPath() const { return m_dir.path(); }

    QString writeRevision(const QString &fileName, const QByteArray &yamlText) const
    { return TestProjects::writeRevision(path(), fileName, yamlText); }
    QString writeRevision(const QString &id, const QStringList &downRevisions, const QByteArray &upgrade,
                          const QByteArray &downgrade) const;
    bool copyExample() const { return TestProjects::copyExampleProject(path()); }
    strata::Result<strata::Project> open() const;

private:
    QTemporaryDir m_dir;
};
