#include "testprojects.h"

#include "core/project/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace TestProjects {

bool writeFile(const QString &path, const QByteArray &text)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

QString writeRevision(const QString &projectDir, const QString &fileName, const QByteArray &yamlText)
{
    const QString name = fileName.endsWith(u".yaml"_s) ? fileName : fileName + u".yaml"_s;
    const QString path = QDir(projectDir).filePath(u"versions/"_s + name);
    return writeFile(path, yamlText) ? path : QString();
}

bool copyTree(const QString &sourceDir, const QString &targetDir)
{
    const QDir source(sourceDir);
    if (!source.exists() || !QDir().mkpath(targetDir))
        return false;
    const auto entries = source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &entry : entries) {
        const QString target = QDir(targetDir).filePath(entry.fileName());
        if (entry.isDir()) {
            if (!copyTree(entry.filePath(), target))
                return false;
            continue;
        }
        QFile::remove(target);
        if (!QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

bool copyExampleProject(const QString &targetDir)
{
    return copyTree(QStringLiteral(STRATA_EXAMPLE_PROJECT), targetDir);
}

QByteArray revisionYaml(const QString &id, const QStringList &downRevisions, const QString &message,
                        const QByteArray &upgrade, const QByteArray &downgrade)
{
    const auto indented = [](const QByteArray &items) {
        QByteArray out;
        for (const QByteArray &line : items.trimmed().split('\n'))
            out += "  " + line + '\n';
        return out;
    };
    QByteArray down = "null";
    if (downRevisions.size() == 1)
        down = downRevisions.first().toUtf8();
    else if (downRevisions.size() > 1)
        down = '[' + downRevisions.join(u", "_s).toUtf8() + ']';
    QByteArray text = "revision: " + id.toUtf8() + "\ndown_revision: " + down + "\nmessage: "
        + (message.isEmpty() ? "Revision " + id.toUtf8() : message.toUtf8()) + "\n\nupgrade:\n";
    text += upgrade.trimmed().isEmpty() ? QByteArray("  []\n") : indented(upgrade);
    text += "\ndowngrade:\n";
    text += downgrade.trimmed().isEmpty() ? QByteArray("  []\n") : indented(downgrade);
    return text;
}

} // namespace TestProjects

TestProject::TestProject()
    : TestProject(QByteArray("version_table: strata_version\n"))
{
}

TestProject::TestProject(const QByteArray &strataYaml)
{
    if (m_dir.isValid()) {
        TestProjects::writeFile(QDir(path()).filePath(u"strata.yaml"_s), strataYaml);
        QDir(path()).mkpath(u"versions"_s);
    }
}

QString TestProject::writeRevision(const QString &id, const QStringList &downRevisions, const QByteArray &upgrade,
                                   const QByteArray &downgrade) const
{
    return writeRevision(id, TestProjects::revisionYaml(id, downRevisions, {}, upgrade, downgrade));
}

strata::Result<strata::Project> TestProject::open() const
{
    return strata::Project::open(path());
}
