"""The two tools under comparison, each run as a user would run it: a process.

Alembic runs with the harness's own env.py over the project's versions folder
(version_locations), so the project's Flask env.py and application are never
needed; Strata runs in place on the project folder itself.
"""
import os
import re
import subprocess
import sys

HARNESS = os.path.dirname(os.path.abspath(__file__))
STEP_TIMEOUT = 300

_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.*?)$(?:\n(?=[ \t)]).*$)*", re.M)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")
_RUNNING = re.compile(r"Running (?:upgrade|downgrade)\s+(.*?)\s*->\s*([^\s,]+)")


def scan_revisions(versions):
    """(revision count, head count) from the scripts' own identifiers, without importing them."""
    revisions, parents = set(), set()
    for name in sorted(os.listdir(versions)):
        if not name.endswith(".py") or name == "__init__.py":
            continue
        with open(os.path.join(versions, name), encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        found = _REVISION.search(text)
        if not found:
            continue
        revisions.add(found.group(1))
        down = _DOWN.search(text)
        if down:
            parents.update(_QUOTED.findall(down.group(0)))
    return len(revisions), len(revisions - parents)


class Outcome:
    """One tool's command on one database: did it work, and if not, where and why."""

    def __init__(self, ok, output, last_step=None, error=None):
        self.ok = ok
        self.output = output
        self.last_step = last_step
        self.error = error

    def describe(self):
        if self.ok:
            return "ok"
        where = f" at {self.last_step}" if self.last_step else ""
        return f"fails{where}: {self.error}"


def _outcome(process_result, timed_out=False):
    output = (process_result.stdout or "") + (process_result.stderr or "")
    steps = _RUNNING.findall(output)
    last_step = steps[-1][1] if steps else None
    if timed_out:
        return Outcome(False, output, last_step, f"no answer within {STEP_TIMEOUT} s")
    if process_result.returncode == 0:
        return Outcome(True, output, last_step)
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    error = _error_line(lines)
    return Outcome(False, output, last_step, error)


def _error_line(lines):
    # Strata says "FAILED: what, where" then a hint; a Python traceback ends with the exception.
    for line in lines:
        if line.startswith(("FAILED:", "error:")):
            return _clip(line)
    for line in reversed(lines):
        if re.match(r"^[\w.]*(Error|Exception)\b.*:", line):
            return _clip(line)
    return _clip(lines[-1]) if lines else "no output"


def _clip(text, limit=240):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _run(command, env, cwd):
    # cwd: a scratch folder, so that whatever a script writes beside itself
    # (log files, sqlite files with relative names) stays out of the source tree.
    try:
        result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=STEP_TIMEOUT)
        return _outcome(result)
    except subprocess.TimeoutExpired as expired:
        result = subprocess.CompletedProcess(command, -1, expired.stdout or "", expired.stderr or "")
        if isinstance(result.stdout, bytes):
            result = subprocess.CompletedProcess(command, -1, result.stdout.decode(), (result.stderr or b"").decode())
        return _outcome(result, timed_out=True)


def _environment(project_dir, url):
    env = dict(os.environ)
    stubs = os.path.join(project_dir, "_stubs")
    env["CORPUS_DATABASE_URL"] = url
    env["CORPUS_STUBS"] = stubs
    # Strata's bridge and Alembic both import the scripts; the stand-ins come first.
    env["PYTHONPATH"] = stubs + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


class AlembicTool:
    name = "Alembic"

    def __init__(self, workdir):
        self.workdir = workdir

    def _ini(self, project_dir):
        path = os.path.join(self.workdir, os.path.basename(project_dir) + "-alembic.ini")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(
                "[alembic]\n"
                f"script_location = {HARNESS}\n"
                f"version_locations = {os.path.join(os.path.abspath(project_dir), 'versions')}\n"
            )
        return path

    def run(self, project_dir, url, verb, target):
        command = [sys.executable, "-m", "alembic", "-c", self._ini(project_dir), verb, target]
        return _run(command, _environment(project_dir, url), self.workdir)


class StrataTool:
    name = "Strata"

    def __init__(self, executable, python, workdir):
        self.executable = executable
        self.python = python
        self.workdir = workdir

    def run(self, project_dir, url, verb, target):
        command = [self.executable, "--directory", os.path.abspath(project_dir), "--database", url, verb, target]
        env = _environment(project_dir, url)
        # The interpreter Strata's Python bridge should use (the first python3 on
        # PATH on these machines lacks SQLAlchemy).
        env["STRATA_PYTHON"] = self.python
        return _run(command, env, self.workdir)
