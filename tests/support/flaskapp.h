#pragma once

#include <QStringList>

// A real Flask-Migrate project for the tests, made by
// tests/data/alembic/make_flask_project.py with Debian's python3-flask-migrate,
// and `flask db` run on it: the one copy the Alembic tests share.
namespace FlaskApp {

// Debian's interpreter: it has SQLAlchemy, Alembic and Flask-Migrate.
QString python();

// Writes the app and its migrations folder into appDir. Returns the script's
// output (its last line is the id of the revision where the branch starts);
// *ok says whether it succeeded.
QString make(const QString &appDir, bool *ok);

// `flask db ARGS` on the app (APP_DATABASE_URL = databaseUrl when given); its
// output, or "FAILED" (with a warning that holds flask's output).
QString flaskDb(const QString &appDir, const QStringList &args, const QString &databaseUrl = {});

} // namespace FlaskApp
