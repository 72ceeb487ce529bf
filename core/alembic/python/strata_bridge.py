"""Strata's bridge to Alembic: runs a project's revision scripts as Alembic would.

    python3 strata_bridge.py probe     prints the versions of Python, SQLAlchemy, Alembic
    python3 strata_bridge.py record    stdin {"versions", "dialect", "scripts"}: each script's
                                       upgrade()/downgrade() against a recording `op`
    python3 strata_bridge.py run       stdin {"versions", "script", "direction", "from", "to",
                                       "version_table"}: one revision under Alembic's real
                                       Operations; the database URL is in STRATA_BRIDGE_URL

Answers are one JSON document on stdout. Exit 3: SQLAlchemy or Alembic is missing.
Anything the team's code prints goes to stderr, so it can't corrupt the answer.
"""
import importlib.util
import json
import os
import sys
import traceback

MISSING = 3


def located(exc, path):
    """(file, line) of the innermost frame in path, else of the innermost frame."""
    if isinstance(exc, SyntaxError) and exc.filename:
        return exc.filename, exc.lineno or 0
    best = None
    innermost = None
    for frame, line in traceback.walk_tb(exc.__traceback__):
        innermost = (frame.f_code.co_filename, line)
        if os.path.abspath(frame.f_code.co_filename) == path:
            best = innermost
    return best or innermost or (path, 0)


def problem(path, line, message, **extra):
    out = {"file": path, "line": line, "message": message}
    out.update(extra)
    return out


def exception_problem(exc, path):
    file, line = located(exc, path)
    text = "%s: %s" % (type(exc).__name__, exc)
    if os.path.abspath(file) != path:
        # Raised inside a module the script imports: name both places.
        script_line = 0
        for frame, tb_line in traceback.walk_tb(exc.__traceback__):
            if os.path.abspath(frame.f_code.co_filename) == path:
                script_line = tb_line
        text = "%s (in %s:%s)" % (text, file, line)
        line = script_line
    return problem(path, line, text)


def load_script(path, index):
    """The script as a module, loaded the way Alembic's load_module_py does."""
    spec = importlib.util.spec_from_file_location("strata_revision_%d" % index, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def prepare_paths(versions):
    # The team's own imports (`from app.models import GUID`) resolve from the
    # project root, the folder above migrations/, as under `flask db`.
    root = os.path.dirname(os.path.dirname(os.path.abspath(versions)))
    if root not in sys.path:
        sys.path.insert(0, root)
    here = os.path.dirname(os.path.abspath(__file__))
    if here not in sys.path:
        sys.path.append(here)
    try:
        os.chdir(root)
    except OSError:
        pass
    push_app_context()


def push_app_context():
    """Scripts may use current_app or db.session at import, as under `flask db`,
    which always runs inside the app's context: the team's app when FLASK_APP
    names it, else a bare Flask app. Nothing when Flask is not installed."""
    try:
        import flask
    except Exception:  # noqa: BLE001 - not a Flask project
        return None
    app = None
    if os.environ.get("FLASK_APP"):
        try:
            from flask.cli import ScriptInfo
            app = ScriptInfo().load_app()
        except BaseException as exc:  # noqa: BLE001 - fall back to a bare app, and say so
            sys.stderr.write("strata bridge: FLASK_APP could not be loaded (%s); using a bare Flask app\n" % exc)
    if app is None:
        app = flask.Flask("strata_bridge")
    context = app.app_context()
    context.push()
    return context


def probe_imports():
    lacks = []
    versions = {"python": sys.version.split()[0], "executable": sys.executable}
    for name in ("sqlalchemy", "alembic"):
        try:
            module = __import__(name)
            versions[name] = getattr(module, "__version__", "?")
        except Exception as exc:  # noqa: BLE001 - any failure means "can't use it"
            lacks.append("%s (%s)" % (name, exc))
    return versions, lacks


def record(request):
    from strata_record import record_script
    prepare_paths(request["versions"])
    results = []
    for index, path in enumerate(request["scripts"]):
        path = os.path.abspath(path)
        try:
            module = load_script(path, index)
        except BaseException as exc:  # noqa: BLE001 - the team's code may raise anything
            results.append({"file": path, "loaded": False, "error": exception_problem(exc, path)})
            continue
        results.append(record_script(module, path, request["dialect"]))
    return {"revisions": results}


def run(request):
    from strata_record import run_script
    prepare_paths(request["versions"])
    path = os.path.abspath(request["script"])
    try:
        module = load_script(path, 0)
    except BaseException as exc:  # noqa: BLE001
        return {"ok": False, "stage": "import", "error": exception_problem(exc, path)}
    return run_script(module, path, request, os.environ.get("STRATA_BRIDGE_URL", ""))


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "probe"
    answer_stream = sys.stdout
    sys.stdout = sys.stderr
    versions, lacks = probe_imports()
    if lacks:
        json.dump({"missing": lacks, "versions": versions}, answer_stream)
        return MISSING
    if mode == "probe":
        json.dump({"versions": versions}, answer_stream)
        return 0
    request = json.load(sys.stdin)
    answer = record(request) if mode == "record" else run(request)
    answer["versions"] = versions
    json.dump(answer, answer_stream)
    return 0 if answer.get("ok", True) else 1


if __name__ == "__main__":
    sys.exit(main())
