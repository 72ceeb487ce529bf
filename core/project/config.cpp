#include "config.h"

#include "core/ops/yamlbounds.h"
#include "core/ops/yamlread.h"
#include "core/revision/revision.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace strata {

namespace {

Status readKey(const YAML::Node &root, const char *key, const QString &file, QString &value)
{
    auto read = yaml::optionalString(root, key, file, value);
    if (!read)
        return std::unexpected(read.error());
    value = *read;
    return {};
}

Result<ProjectConfig> readConfig(const YAML::Node &root, const QString &path)
{
    ProjectConfig config;
    if (!root || root.IsNull())
        return config;   // an empty or all-comment file: every default
    if (!root.IsMap())
        return std::unexpected(yaml::inputError(
            root, path, u"expected a mapping of settings such as `database: sqlite:///app.db`, found %1"_s.arg(
                            yaml::describeNode(root)),
            u"write one `key: value` per line at the left margin; `strata init` writes a commented example"_s));
    if (auto ok = yaml::onlyKeys(root, {"database", "models", "version_table", "history_table",
                                        "file_template", "schema"},
                                 u"strata.yaml"_s, path); !ok)
        return std::unexpected(ok.error());
    const std::pair<const char *, QString *> fields[] = {
        {"database", &config.database}, {"models", &config.models},
        {"version_table", &config.versionTable}, {"history_table", &config.historyTable},
        {"file_template", &config.fileTemplate}, {"schema", &config.schema}};
    for (auto [key, value] : fields) {
        if (auto ok = readKey(root, key, path, *value); !ok)
            return std::unexpected(ok.error());
    }
    if (!config.fileTemplate.contains(u"{rev}"_s))
        return std::unexpected(yaml::inputError(
            root["file_template"], path, u"file_template must contain {rev}"_s,
            u"file names need the revision id to stay unique, e.g. \"{rev}_{slug}\""_s));
    // The revision files stay in versions/: no folder, no way up or out, not hidden.
    if (config.fileTemplate.contains(u'/') || config.fileTemplate.contains(u'\\')
        || config.fileTemplate.contains(u".."_s) || config.fileTemplate.startsWith(u'.')
        || QDir::isAbsolutePath(config.fileTemplate) || config.fileTemplate.contains(u':'))
        return std::unexpected(yaml::inputError(
            root["file_template"], path,
            u"file_template '%1' is not a plain file name: revision files are written inside versions/"_s
                .arg(yaml::shown(config.fileTemplate)),
            u"use {rev}, {slug} and {date} with letters, digits, '_' and '-', e.g. \"{rev}_{slug}\""_s));
    for (const QString *name : {&config.versionTable, &config.historyTable, &config.models}) {
        if (name->isEmpty())
            return std::unexpected(yaml::inputError(root, path, u"a table or file name setting is empty"_s,
                                                    u"remove the key to use the default"_s));
    }
    return config;
}

// A value as YAML text: quoted when it is empty or holds characters YAML reads specially.
QByteArray yamlValue(const QString &value)
{
    YAML::Emitter out;
    out << value.toStdString();
    return QByteArray(out.c_str());
}

} // namespace

Result<ProjectConfig> ProjectConfig::read(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return ProjectConfig();
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, u"can't read the configuration: %1"_s.arg(file.errorString()), path);
    Result<ProjectConfig> config = parse(file.readAll(), path);
    // A strata.yaml that links to another file (a key, a password file): its
    // errors say where, never what the file holds.
    if (!config && QFileInfo(path).isSymLink()) {
        const Error &error = config.error();
        return fail(Error::Code::Input,
                    u"%1 is a link to %2, which is not a Strata configuration"_s
                        .arg(QFileInfo(path).fileName(), QFileInfo(path).symLinkTarget()),
                    error.where,
                    u"point the link at a Strata configuration (one `key: value` per line), or replace it with one"_s);
    }
    return config;
}

Result<ProjectConfig> ProjectConfig::parse(const QByteArray &text, const QString &path)
{
    Result<ProjectConfig> config;
    try {
        const std::string content = text.toStdString();
        if (auto bounded = yaml::checkBounds(content, path); !bounded)
            config = std::unexpected(bounded.error());
        else
            config = readConfig(YAML::Load(content), path);
    } catch (const YAML::Exception &e) {
        config = std::unexpected(yamlSyntaxError(e, path, text));
    }
    return config;
}

QByteArray ProjectConfig::toYaml() const
{
    QByteArray out;
    out += "# Strata project settings. Every key is optional; a missing key takes the\n"
           "# default shown.\n\n";
    out += "# The database to migrate, as a URL: sqlite:///relative.db, sqlite:////abs/path.db,\n"
           "# or postgresql://user@host:5432/dbname. --database and DATABASE_URL override it.\n"
           "# Keep passwords out of this file: use DATABASE_URL or ~/.pgpass.\n";
    out += database.isEmpty() ? QByteArray("# database: sqlite:///app.db\n")
                              : "database: " + yamlValue(database) + '\n';
    out += "\n# The schema the application wants, compared with head by `strata migrate` and `check`.\n";
    out += "models: " + yamlValue(models) + '\n';
    out += "\n# The table holding the database's current revision(s), one row per head.\n";
    out += "version_table: " + yamlValue(versionTable) + '\n';
    out += "\n# The table recording every applied step (revision, direction, checksum, time).\n";
    out += "history_table: " + yamlValue(historyTable) + '\n';
    out += "\n# File names for new revisions in versions/: {rev} the id, {slug} the message,\n"
           "# {date} the creation time as yyyyMMdd_HHmm. \".yaml\" is added.\n";
    out += "file_template: " + yamlValue(fileTemplate) + '\n';
    out += "\n# PostgreSQL only: the schema holding the tables; empty means the server's search_path.\n";
    out += schema.isEmpty() ? QByteArray("# schema: public\n") : "schema: " + yamlValue(schema) + '\n';
    return out;
}

} // namespace strata
