#pragma once

#include "core/error.h"

#include <QStringList>

namespace strata::alembic {

// The team's tool that writes revision scripts into an Alembic folder.
enum class ScriptTool {
    FlaskDb,   // `flask db VERB -d FOLDER ...`: a Flask-Migrate folder whose app flask can find
    Alembic,   // `alembic -c alembic.ini VERB ...`, the script location set to the folder
};

// FlaskDb when the folder's env.py is Flask-Migrate's (it reads current_app)
// and the app is known: FLASK_APP is set, or app.py / wsgi.py sits in the
// folder above (where flask looks without FLASK_APP). Else Alembic, with the
// folder's alembic.ini (or the one above it) when there is one.
ScriptTool scriptToolFor(const QString &migrationsDirectory);

// What one run of the tool wrote.
struct WrittenScript
{
    QString path;          // the new versions/*.py
    QString output;        // what the tool printed (Alembic's INFO lines)
    QString interpreter;
    QString command;       // as a person would type it, e.g. "flask db revision -m ..."
};

// Runs `VERB ARGUMENTS` through the tool, from the folder above the migrations
// folder, with the interpreter from STRATA_PYTHON, else python3 on PATH, else
// /usr/bin/python3 (an interpreter without the tool is passed over and named
// in the error when none has it). Fails when the tool fails or writes no
// script, with its last lines of output. For `migrate`, `revision`, `merge`.
Result<WrittenScript> runScriptCommand(const QString &migrationsDirectory, ScriptTool tool, const QString &verb,
                                       const QStringList &arguments);

} // namespace strata::alembic
