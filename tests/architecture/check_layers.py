#!/usr/bin/env python3
"""The house rules of the source tree, checked from the includes as written.

- core/'s folders are layers: a folder includes only folders below it (the one
  pair allowed to know each other is ops/ and dialect/: an operation renders
  itself through a dialect, and a dialect renders each kind of operation);
- a header named *_p.h is private to its folder (Qt's habit): only files of that
  folder, and tests, include it;
- core/ never includes ui/, app/, QtWidgets or QtGui; ui/ never includes app/;
- every source file stays under 600 lines.
Exit 1 with one line per broken rule, naming the file, the line and the include."""
import os, re, sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# Lowest first. A folder may include itself and any folder listed before it.
LAYERS = ["textdiff", "schema", "dialect", "ops", "revision", "graph", "db", "alembic",
          "project", "introspect", "diff", "run", "safety", "workflow"]
MUTUAL = {("dialect", "ops")}
MAX_LINES = 600
INCLUDE = re.compile(r'^\s*#\s*include\s+[<"]([^">]+)[">]')

def folder_of(path):  # "core/run/runner.cpp" -> "run"; "core/error.h" -> ""
    parts = path.split("/")
    return parts[1] if len(parts) > 2 else ""

def sources(top):
    for root, _, files in os.walk(os.path.join(ROOT, top)):
        for name in files:
            if name.endswith((".h", ".cpp")):
                yield os.path.relpath(os.path.join(root, name), ROOT)

def check():
    problems = []
    for top in ("core", "ui", "app", "tests"):
        for path in sources(top):
            lines = open(os.path.join(ROOT, path), encoding="utf-8").read().split("\n")
            if len(lines) > MAX_LINES and top != "tests":
                problems.append(f"{path}: {len(lines)} lines, more than {MAX_LINES}; split it by job")
            for number, line in enumerate(lines, 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                target = match.group(1)
                where = f"{path}:{number}: #include \"{target}\""
                if target.endswith("_p.h") and target.startswith("core/") and top != "tests":
                    if os.path.dirname(target) != os.path.dirname(path):
                        problems.append(f"{where}: a private header of {os.path.dirname(target)}/, "
                                        "used from outside it; include the folder's public header instead")
                if top == "core":
                    if target.startswith(("ui/", "app/", "QtWidgets", "QtGui", "QWidget", "QApplication")):
                        problems.append(f"{where}: core/ knows no user interface")
                        continue
                    if not target.startswith("core/"):
                        continue
                    mine, theirs = folder_of(path), folder_of(target)
                    if not mine or not theirs or mine == theirs or (mine, theirs) in MUTUAL or (theirs, mine) in MUTUAL:
                        continue
                    if mine not in LAYERS or theirs not in LAYERS:
                        problems.append(f"{where}: core/{mine if mine not in LAYERS else theirs}/ is not in the "
                                        "layer list of tests/architecture/check_layers.py; place it there")
                    elif LAYERS.index(theirs) > LAYERS.index(mine):
                        problems.append(f"{where}: {mine}/ is below {theirs}/ (layers, lowest first: "
                                        f"{' < '.join(LAYERS)}); move the code or invert the dependency")
                elif top == "ui" and target.startswith("app/"):
                    problems.append(f"{where}: ui/ does not include the programs in app/")
    return problems

if __name__ == "__main__":
    found = check()
    for problem in found:
        print(problem)
    print(f"{len(found)} broken rule(s)" if found else "layers, private headers and file sizes: all kept")
    sys.exit(1 if found else 0)
