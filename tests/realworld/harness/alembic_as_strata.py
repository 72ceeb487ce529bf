#!/usr/bin/python3
"""The harness's self-check: a stand-in for the strata CLI that runs Alembic itself.

`run_corpus.py --strata harness/alembic_as_strata.py` must then find every schema
equal and every round trip the same on both sides; a difference would be the
harness's own (normalisation, database set-up), not Strata's. Accepts exactly the
command line the harness gives Strata:
    --directory DIR --database URL (upgrade|downgrade) TARGET
"""
import os
import subprocess
import sys
import tempfile

HARNESS = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    if len(argv) != 6 or argv[0] != "--directory" or argv[2] != "--database":
        print("usage: alembic_as_strata.py --directory DIR --database URL VERB TARGET", file=sys.stderr)
        return 2
    directory, url, verb, target = argv[1], argv[3], argv[4], argv[5]
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as ini:
        ini.write(f"[alembic]\nscript_location = {HARNESS}\n"
                  f"version_locations = {os.path.join(directory, 'versions')}\n")
    env = dict(os.environ, CORPUS_DATABASE_URL=url, CORPUS_STUBS=os.path.join(directory, "_stubs"))
    try:
        return subprocess.run([sys.executable, "-m", "alembic", "-c", ini.name, verb, target], env=env).returncode
    finally:
        os.unlink(ini.name)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
