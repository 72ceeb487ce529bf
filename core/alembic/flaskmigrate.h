#pragma once

#include "core/error.h"

#include <QStringList>

namespace strata::alembic {

// What `flask db migrate` made.
struct FlaskMigration
{
    QString path;          // the new versions/*.py
    QString output;        // what flask printed (Alembic's INFO lines: detected changes)
    QString interpreter;
};

// Generates a revision the way the team does in a Flask-Migrate project: the
// project's own `flask db migrate -m MESSAGE`, run from the folder above the
// migrations folder, with FLASK_APP (and the app's database settings) from
// the environment and the interpreter from STRATA_PYTHON, else python3 on
// PATH, else /usr/bin/python3. For the CLI's `migrate` and the studio's
// "Generate migration".
Result<FlaskMigration> runFlaskMigrate(const QString &migrationsDirectory, const QString &message);

} // namespace strata::alembic
