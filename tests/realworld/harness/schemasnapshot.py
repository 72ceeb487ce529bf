"""A database's schema as plain data, normalised so that two tools' results compare.

Everything comes from SQLAlchemy's inspector, the same reflection Alembic's
autogenerate trusts. Normalising removes spellings that differ without the schema
differing (case, whitespace, redundant parentheses and casts in defaults, the
order the database happens to list constraints in); it keeps everything a person
would see in `\\d table` or `.schema`: types with their lengths, nullability,
defaults, identity, primary keys, foreign keys with their actions, unique
constraints, indexes, checks, enum types, and constraint names wherever the
database reports them (PostgreSQL names every constraint; SQLite only those the
DDL named).
"""
import re

from sqlalchemy import create_engine, inspect, pool, text

VERSION_TABLES = {"alembic_version"}


def _squash(text):
    return re.sub(r"\s+", " ", str(text)).strip()


def _strip_parens(text):
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _balanced(text):
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            return False
    return depth == 0


def normalise_type(sqltype, dialect):
    try:
        text = sqltype.compile(dialect=dialect)
    except Exception:  # a type the dialect cannot compile still has a repr
        text = repr(sqltype)
    return _squash(text).lower()


def normalise_default(default):
    if default is None:
        return None
    text = _strip_parens(_squash(default))
    # PostgreSQL repeats the column's type on a literal ('x'::character varying);
    # SQLAlchemy's own reflection drops the cast the same way when it compares.
    text = re.sub(r"::[a-z ]+(\([0-9, ]*\))?(\[\])?", "", text)
    return _strip_parens(text).lower() if not text.startswith("'") else text


def normalise_sql(text):
    if text is None:
        return None
    return _strip_parens(_squash(text)).lower()


def _sorted(items, key):
    return sorted(items, key=lambda item: repr(key(item)))


def _table(inspector, dialect, table):
    columns = {}
    order = []
    for col in inspector.get_columns(table):
        order.append(col["name"])
        entry = {
            "type": normalise_type(col["type"], dialect),
            "nullable": bool(col["nullable"]),
            "default": normalise_default(col.get("default")),
        }
        if col.get("identity"):
            entry["identity"] = True
        columns[col["name"]] = entry
    pk = inspector.get_pk_constraint(table) or {}
    fks = [
        {
            "name": fk.get("name"),
            "columns": list(fk["constrained_columns"]),
            "referred_table": fk["referred_table"],
            "referred_columns": list(fk["referred_columns"]),
            "options": {k: str(v).lower() for k, v in sorted((fk.get("options") or {}).items()) if v is not None},
        }
        for fk in inspector.get_foreign_keys(table)
    ]
    uniques = [
        {"name": uq.get("name"), "columns": list(uq["column_names"])}
        for uq in inspector.get_unique_constraints(table)
    ]
    indexes = [
        {
            "name": ix.get("name"),
            "columns": [c if c is not None else "<expr>" for c in ix["column_names"]]
            + [normalise_sql(e) for e in ix.get("expressions", []) if e not in ix["column_names"]],
            "unique": bool(ix.get("unique")),
        }
        for ix in inspector.get_indexes(table)
        if "duplicates_constraint" not in ix
    ]
    try:
        checks = [
            {"name": ck.get("name"), "sqltext": normalise_sql(ck.get("sqltext"))}
            for ck in inspector.get_check_constraints(table)
        ]
    except NotImplementedError:
        checks = []
    return {
        "columns": columns,
        "primary_key": {"name": pk.get("name"), "columns": list(pk.get("constrained_columns") or [])},
        "foreign_keys": _sorted(fks, lambda f: (f["columns"], f["referred_table"], f["name"] or "")),
        "uniques": _sorted(uniques, lambda u: (u["columns"], u["name"] or "")),
        "indexes": _sorted(indexes, lambda i: (i["name"] or "", i["columns"])),
        "checks": _sorted(checks, lambda c: (c["name"] or "", c["sqltext"])),
        # Column order last: a difference there matters less than any above.
        "column_order": order,
    }


def snapshot(url):
    """The schema of the database at url (tables outside the version table, enums)."""
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        inspector = inspect(engine)
        dialect = engine.dialect
        tables = {
            name: _table(inspector, dialect, name)
            for name in sorted(inspector.get_table_names())
            if name not in VERSION_TABLES and not name.startswith("sqlite_")
        }
        if dialect.name == "sqlite":
            # AUTOINCREMENT changes how SQLite reuses rowids and is invisible to the
            # inspector; read it from the table's DDL (sqlite_sequence exists only
            # because of it, so that internal table is left out above).
            with engine.connect() as connection:
                ddl = {row[0]: row[1] for row in connection.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))}
            for name, table in tables.items():
                table["sqlite_autoincrement"] = "autoincrement" in (ddl.get(name) or "").lower()
        result = {"tables": tables}
        if dialect.name == "postgresql":
            result["enums"] = {e["name"]: list(e["labels"]) for e in inspector.get_enums()}
            result["views"] = sorted(inspector.get_view_names())
        else:
            result["views"] = sorted(inspector.get_view_names())
        return result
    finally:
        engine.dispose()


def differences(left, right, path=""):
    """Every place two snapshots differ, as short sentences, in a stable order."""
    found = []
    if isinstance(left, dict) and isinstance(right, dict):
        keys = list(left.keys()) + [k for k in right.keys() if k not in left]
        for key in keys:
            where = f"{path}.{key}" if path else str(key)
            if key not in right:
                found.append(f"{where}: only in Alembic's schema ({_brief(left[key])})")
            elif key not in left:
                found.append(f"{where}: only in Strata's schema ({_brief(right[key])})")
            else:
                found.extend(differences(left[key], right[key], where))
    elif left != right:
        found.append(f"{path}: Alembic {_brief(left)} / Strata {_brief(right)}")
    return found


def first_difference(left, right):
    """The first difference, with how many more there are, or None."""
    found = differences(left, right)
    if not found:
        return None
    return found[0] + (f" (and {len(found) - 1} more)" if len(found) > 1 else "")


def _brief(value, limit=160):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
