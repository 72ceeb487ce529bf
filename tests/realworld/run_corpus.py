#!/usr/bin/python3
"""Run every project of a migrations corpus with the real Alembic and with Strata,
on SQLite and on PostgreSQL, and compare what each builds.

For each project and database: Alembic (our generic env.py over the project's
versions folder) upgrades a fresh database to its heads, the schema is recorded,
then it downgrades to base and upgrades again. Strata does the same in place on
the project folder, on a database of its own. The two schemas are compared in a
normalised form (harness/schemasnapshot.py). A table goes to stdout and to
--output (Markdown).

Exit status: 1 when, for a project and database where Alembic reaches head,
Strata does not, builds a different schema, or fails a round trip Alembic
passes; 2 for bad usage or an unreachable database; 0 otherwise, and always 0
with --report-only (then only usage and database errors count).

Run with an interpreter that has SQLAlchemy and Alembic (Debian's /usr/bin/python3),
PostgreSQL rows under `pg_virtualenv -t --`.
"""
import argparse
import datetime
import os
import platform
import shutil
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # nothing of the run lands in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "harness"))

import report  # noqa: E402
from databases import DatabaseError, open_scratch  # noqa: E402
import re  # noqa: E402

from schemasnapshot import differences, first_difference, snapshot  # noqa: E402
from tools import AlembicTool, StrataTool, scan_revisions  # noqa: E402


def parse_arguments():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--strata", required=True, help="the strata CLI executable")
    parser.add_argument("--corpus", default=os.path.join(here, "projects"),
                        help="folder whose subfolders are migrations folders (default: tests/realworld/projects)")
    parser.add_argument("--project", action="append", default=[], help="run only this project (repeatable)")
    parser.add_argument("--databases", default="sqlite,postgresql", help="comma-separated: sqlite,postgresql")
    parser.add_argument("--output", help="write the Markdown table here (e.g. docs/realworld.md)")
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter Strata's bridge is told to use (default: this one)")
    parser.add_argument("--keep", help="keep scratch SQLite files and every run's output (<project>-<db>-<tool>-<verb>.log) here")
    parser.add_argument("--report-only", action="store_true", help="exit 0 whatever the comparison says")
    parser.add_argument("--ignore", action="append", default=[], metavar="REGEX",
                        help="diagnosis only: leave out schema differences whose sentence matches (repeatable), "
                             "to see what lies behind a known one")
    return parser.parse_args()


def find_projects(corpus, only):
    if not os.path.isdir(corpus):
        raise SystemExit(f"error: no corpus folder at {corpus}")
    names = sorted(n for n in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, n, "versions")))
    if only:
        unknown = sorted(set(only) - set(names))
        if unknown:
            raise SystemExit(f"error: no project {', '.join(unknown)} in {corpus} (have: {', '.join(names)})")
        names = [n for n in names if n in only]
    if not names:
        raise SystemExit(f"error: {corpus} has no project (a subfolder with versions/)")
    return [os.path.join(corpus, n) for n in names]


def _logged(tool, project_dir, url, verb, target, log_prefix):
    outcome = tool.run(project_dir, url, verb, target)
    if log_prefix:
        with open(f"{log_prefix}-{tool.name.lower()}-{verb}.log", "a", encoding="utf-8") as handle:
            handle.write(outcome.output)
    return outcome


def exercise(tool, project_dir, url, target, log_prefix=None):
    """Upgrade to head, record the schema, downgrade to base, upgrade again."""
    run = lambda verb, to: _logged(tool, project_dir, url, verb, to, log_prefix)  # noqa: E731
    result = {"up": run("upgrade", target)}
    if not result["up"].ok:
        return result
    try:
        result["schema"] = snapshot(url)
    except Exception as error:  # the database answered but could not be read back
        result["snapshot_error"] = f"{type(error).__name__}: {error}"
        return result
    result["down"] = run("downgrade", "base")
    if result["down"].ok:
        result["reup"] = run("upgrade", target)
        if result["reup"].ok:
            again = snapshot(url)
            result["reup_difference"] = first_difference(result["schema"], again)
    return result


def compare(project_dir, kind, scratch, alembic, strata, log, keep=None, ignore=()):
    name = os.path.basename(project_dir)
    revisions, heads = scan_revisions(os.path.join(project_dir, "versions"))
    target = "heads" if heads > 1 else "head"
    _, alembic_url = scratch.fresh(f"{name}_alembic")
    prefix = os.path.join(keep, f"{name}-{kind}") if keep else None
    a = exercise(alembic, project_dir, alembic_url, target, prefix)
    _, strata_url = scratch.fresh(f"{name}_strata")
    s = exercise(strata, project_dir, strata_url, target, prefix)
    row = report.Row(name, revisions, heads, kind, a, s)
    if "schema" in a and "schema" in s:
        found = [d for d in differences(a["schema"], s["schema"]) if not any(re.search(p, d) for p in ignore)]
        if found:
            row.difference = found[0] + (f" (and {len(found) - 1} more)" if len(found) > 1 else "")
    log(row)
    return row


def main():
    args = parse_arguments()
    if not os.access(args.strata, os.X_OK):
        print(f"error: {args.strata} is not an executable (build the strata target first)", file=sys.stderr)
        return 2
    projects = find_projects(args.corpus, args.project)
    repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    report.shorten_paths(os.path.abspath(args.corpus), repository)
    kinds = [k.strip() for k in args.databases.split(",") if k.strip()]
    workdir = args.keep or tempfile.mkdtemp(prefix="strata-corpus-")
    os.makedirs(workdir, exist_ok=True)
    alembic = AlembicTool(workdir)
    strata = StrataTool(os.path.abspath(args.strata), args.python, workdir)
    started = time.monotonic()
    rows, servers = [], {}
    try:
        for kind in kinds:
            try:
                scratch = open_scratch(kind, workdir)
            except DatabaseError as error:
                print(f"error: {kind}: {error}", file=sys.stderr)
                return 2
            servers[kind] = scratch.server_version() if hasattr(scratch, "server_version") else None
            try:
                for project_dir in projects:
                    rows.append(compare(project_dir, kind, scratch, alembic, strata,
                                        lambda row: print(report.progress_line(row), flush=True), args.keep,
                                        args.ignore))
            finally:
                scratch.close()
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    elapsed = time.monotonic() - started
    context = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "corpus": os.path.relpath(os.path.abspath(args.corpus), repository)
        if os.path.abspath(args.corpus).startswith(repository + os.sep) else os.path.basename(os.path.abspath(args.corpus)),
        "strata": args.strata,
        "python": f"{sys.executable} (Python {platform.python_version()})",
        "servers": servers,
        "seconds": elapsed,
    }
    text = report.markdown(rows, context)
    print()
    print(text)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    failures = [row for row in rows if row.failed_gate()]
    if failures and not args.report_only:
        print(f"{len(failures)} project/database pair(s) where Alembic reaches head and Strata falls short.",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
