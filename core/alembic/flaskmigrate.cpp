#include "core/alembic/flaskmigrate.h"

#include "core/alembic/scriptcommand.h"

using namespace Qt::StringLiterals;

namespace strata::alembic {

Result<FlaskMigration> runFlaskMigrate(const QString &migrationsDirectory, const QString &message)
{
    auto written = runScriptCommand(migrationsDirectory, ScriptTool::FlaskDb, u"migrate"_s, {u"-m"_s, message});
    if (!written)
        return std::unexpected(written.error());
    return FlaskMigration{written->path, written->output, written->interpreter};
}

} // namespace strata::alembic
