"""Alembic's recorded MigrateOperation objects as Strata operations.

The spellings are the ones Strata's YAML reader (core/ops, parseOperation)
accepts, extended as /work/notes/contract.md says: `string` without a length,
`char(n)`, `{enum: ...}`, `{raw: ...}`, constraints without a name and
`use_alter` foreign keys.
"""
import datetime
import decimal

import sqlalchemy as sa
from alembic.operations import ops as alops
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.sql import sqltypes, visitors


class Untranslatable(Exception):
    """An operation Strata has no word for; the caller falls back to its SQL."""


def _resolve_type(type_, dialect):
    # A TypeDecorator (GUID, UTCDateTime, PickleType...) is what its impl is on
    # this dialect, exactly as SQLAlchemy decides when it renders DDL.
    seen = 0
    while isinstance(type_, sa.types.TypeDecorator) and seen < 10:
        type_ = type_.load_dialect_impl(dialect)
        seen += 1
    return type_


def column_type(type_, dialect):
    t = _resolve_type(type_, dialect)
    if isinstance(t, sa.types.NullType):
        raise Untranslatable("a column without a type")
    if isinstance(t, sa.Enum):
        values = [str(v) for v in t.enums]
        native = bool(t.native_enum) and dialect.name == "postgresql"
        name = t.name
        if name is None:
            if native:
                raise Untranslatable("sa.Enum without name= (PostgreSQL needs one for CREATE TYPE)")
            name = "enum"
        out = {"enum": name, "values": values}
        # Off PostgreSQL an Enum is a VARCHAR of its own: no type shared by
        # name, so one column's values never change another's length.
        if not native:
            out["native"] = False
        if getattr(t, "create_constraint", False):
            out["create_constraint"] = True
        return out
    if isinstance(t, sa.Boolean):
        return "boolean"
    if isinstance(t, sa.BigInteger):
        return "bigint"
    if isinstance(t, sa.SmallInteger):
        return "smallint"
    if isinstance(t, sa.Integer):
        return "integer"
    if isinstance(t, sa.Text):
        return "text"
    if isinstance(t, sa.CHAR) or isinstance(t, sa.NCHAR):
        return "char(%d)" % t.length if t.length else "char"
    if isinstance(t, sa.String):
        return "string(%d)" % t.length if t.length else "string"
    if isinstance(t, (pg.DOUBLE_PRECISION,)) or type(t).__name__ in ("DOUBLE", "Double", "DOUBLE_PRECISION"):
        return "double"
    if isinstance(t, sa.Float):
        # SQLAlchemy writes FLOAT, which PostgreSQL takes as double precision.
        if (t.precision and t.precision > 24) or (not t.precision and dialect.name == "postgresql"):
            return "double"
        return "float"
    if isinstance(t, sa.Numeric):
        if t.precision is not None and t.scale is not None:
            return "numeric(%d,%d)" % (t.precision, t.scale)
        if t.precision is not None:
            return "numeric(%d,0)" % t.precision
        return "numeric"
    if isinstance(t, sa.DateTime):
        # SQLAlchemy writes DATETIME on SQLite whatever the timezone flag.
        return "timestamptz" if t.timezone and dialect.name != "sqlite" else "datetime"
    if isinstance(t, sa.Date):
        return "date"
    if isinstance(t, sa.Time) and not t.timezone:
        return "time"
    if isinstance(t, pg.JSONB):
        return "jsonb"
    if isinstance(t, sa.JSON):
        # sa.JSON is PostgreSQL's json, not jsonb (that is postgresql.JSONB).
        return "json"
    if isinstance(t, sa.LargeBinary):
        return "binary"
    if isinstance(t, pg.UUID) or type(t).__name__ == "UUID":
        return "uuid"
    return {"raw": t.compile(dialect=dialect)}


# Python values with a literal of their own in the recorded SQL.
_STABLE_VALUES = (bool, int, float, str, decimal.Decimal)


def literal_typed(operation):
    """(operation, None): the execute with each untyped bound value typed from
    its Python value, so that offline mode can write it as a literal; (None,
    why) when the statement is not a SQLAlchemy expression or a value has no
    literal. A date or time is written as its ISO text, as `alembic upgrade
    --sql` would have to: a datetime.utcnow() is the time of the recording."""
    element = getattr(operation, "sqltext", None)
    if element is None or isinstance(element, str) or not hasattr(element, "_clone"):
        return None, "not an SQL expression"
    unstable = []

    def retype(bind):
        if not isinstance(bind.type, sa.types.NullType) or bind.value is None:
            return
        value = bind.value
        if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
            bind.value = value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else value.isoformat()
            bind.type = sa.String()
        elif isinstance(value, _STABLE_VALUES) and not callable(value):
            bind.type = sqltypes._resolve_value_to_type(value)
        else:
            unstable.append(type(value).__name__)

    clone = visitors.cloned_traverse(element, {}, {"bindparam": retype})
    if unstable:
        return None, "a %s value, which SQL text can't spell" % unstable[0]
    return alops.ExecuteSQLOp(clone, execution_options=operation.execution_options), None


def sql_text(element, dialect):
    if isinstance(element, str):
        return element
    return str(element.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def server_default(default, dialect):
    """The DEFAULT clause's expression as SQLAlchemy renders it."""
    arg = default.arg if isinstance(default, sa.schema.DefaultClause) else default
    if isinstance(arg, str):
        return "'" + arg.replace("'", "''") + "'"
    return sql_text(arg, dialect)


def column(col, dialect, table=None, key_on_column=True):
    out = {"name": col.name, "type": column_type(col.type, dialect)}
    if not col.nullable:
        out["nullable"] = False
    if col.server_default is not None:
        out["default"] = server_default(col.server_default, dialect)
    if col.primary_key and key_on_column:
        out["primary_key"] = True
    numbering = key_numbering(col, table, dialect) if table is not None else None
    if numbering is not None:
        out["autoincrement"] = numbering
    return out


def key_numbering(col, table, dialect):
    """How SQLAlchemy's DDL numbers this column, in Strata's words.

    SQLAlchemy writes SERIAL on PostgreSQL and, on SQLite, a plain INTEGER key
    (the rowid) unless the table asks for sqlite_autoincrement; Strata's own
    `autoincrement: true` (an identity, AUTOINCREMENT) is not what it makes.
    """
    if table._autoincrement_column is not col or not col.primary_key:
        return None
    if dialect.name == "sqlite":
        return True if table.dialect_options["sqlite"].get("autoincrement") else "serial"
    if dialect.name == "postgresql":
        if getattr(col, "identity", None) is not None:
            return True
        default = col.default
        if default is not None and not (isinstance(default, sa.Sequence) and default.optional):
            return None
        return "serial"
    return True


def joined(*dicts):
    out = {}
    for d in dicts:
        out.update(d)
    return out


def _names(cols):
    return [c if isinstance(c, str) else c.name for c in cols]


def has_name(name):
    # SQLAlchemy's "no name given" marker (_NoneName) is not None.
    return name is not None and type(name).__name__ != "_NoneName"


def _named(out, name):
    if has_name(name):
        out["name"] = str(name)
    return out


def _action(text):
    return text.strip().lower()


def foreign_key(fk):
    ref = fk.elements[0].target_fullname.split(".")
    out = _named({}, fk.name)
    out["columns"] = [e.parent.name for e in fk.elements]
    out["references"] = ref[-2]
    out["ref_columns"] = [e.target_fullname.split(".")[-1] for e in fk.elements]
    if fk.ondelete:
        out["on_delete"] = _action(fk.ondelete)
    if fk.onupdate:
        out["on_update"] = _action(fk.onupdate)
    if fk.use_alter:
        out["use_alter"] = True
    return out


def index_entry(ix, table):
    cols = []
    for expr in ix.expressions:
        if not isinstance(expr, sa.Column):
            raise Untranslatable("an index on an expression")
        cols.append(expr.name)
    name = ix.name
    if not has_name(name):
        name = "ix_%s_%s" % (table.name, cols[0])
    out = {"name": str(name), "columns": cols}
    if ix.unique:
        out["unique"] = True
    where = ix.dialect_options["postgresql"].get("where") or ix.dialect_options["sqlite"].get("where")
    if where is not None:
        out["where"] = where
    return out


def create_table(op, dialect):
    table = op.to_table()
    pk = table.primary_key
    # One key column is marked on the column; a composite key is listed once, in its own order.
    single = len(pk.columns) == 1
    out = {"name": table.name, "columns": [column(c, dialect, table, single) for c in table.columns]}
    if len(pk.columns) > 1:
        out["primary_key"] = [c.name for c in pk.columns]
    if has_name(pk.name) and pk.columns:
        out["primary_key_name"] = str(pk.name)
    fks, uniques, checks = [], [], []
    for c in sorted(table.constraints, key=lambda c: getattr(c, "_creation_order", 0)):
        if isinstance(c, sa.ForeignKeyConstraint):
            # SQLAlchemy leaves a use_alter key out of CREATE TABLE for a later
            # ALTER that Alembic never issues: on PostgreSQL the table has no
            # such key until the script adds one (op.create_foreign_key).
            if c.use_alter and dialect.name == "postgresql":
                continue
            fks.append(foreign_key(c))
        elif isinstance(c, sa.UniqueConstraint):
            uniques.append(joined(_named({}, c.name), {"columns": [col.name for col in c.columns]}))
        elif isinstance(c, sa.CheckConstraint) and not getattr(c, "_type_bound", False):
            checks.append(joined(_named({}, c.name), {"expression": sql_text(c.sqltext, dialect)}))
    if fks:
        out["foreign_keys"] = fks
    if uniques:
        out["uniques"] = uniques
    if checks:
        out["checks"] = checks
    indexes = [index_entry(ix, table) for ix in sorted(table.indexes, key=lambda i: str(i.name or ""))]
    if indexes:
        out["indexes"] = indexes
    return [{"create_table": out}]


def add_column(op, dialect):
    table = sa.Table(op.table_name, sa.MetaData(), op.column)
    out = [{"add_column": {"table": op.table_name, "column": column(op.column, dialect)}}]
    for c in table.constraints:
        if isinstance(c, sa.ForeignKeyConstraint):
            out.append({"create_foreign_key": joined({"table": op.table_name}, foreign_key(c))})
        elif isinstance(c, sa.UniqueConstraint):
            out.append({"create_unique": joined(_named({"table": op.table_name}, c.name),
                               {"columns": [col.name for col in c.columns]})})
    for ix in table.indexes:
        out.append({"create_index": joined({"table": op.table_name}, index_entry(ix, table))})
    return out


def alter_column(op, dialect):
    out = {"table": op.table_name, "column": op.column_name}
    if op.kw.get("postgresql_using") and dialect.name == "postgresql":
        raise Untranslatable("alter_column with postgresql_using=")
    if op.modify_type is not None:
        out["type"] = column_type(op.modify_type, dialect)
    if op.modify_nullable is not None:
        out["nullable"] = bool(op.modify_nullable)
    if op.modify_server_default is not False:
        out["default"] = (None if op.modify_server_default is None
                          else server_default(op.modify_server_default, dialect))
    if op.modify_name is not None:
        out["new_name"] = op.modify_name
    if len(out) == 2:
        return []   # Alembic emits nothing for it either
    return [{"alter_column": out}]


def create_index(op, dialect):
    ix = op.to_index()
    entry = index_entry(ix, ix.table)
    return [{"create_index": joined({"table": op.table_name}, entry)}]


def drop_constraint(op, dialect):
    if op.constraint_name is None:
        raise Untranslatable("drop_constraint without a name")
    if op.constraint_type == "primary":
        raise Untranslatable("dropping a primary key")
    return [{"drop_constraint": {"name": op.constraint_name, "table": op.table_name}}]


def create_foreign_key(op, dialect):
    fk = op.to_constraint()
    return [{"create_foreign_key": joined({"table": op.source_table}, foreign_key(fk))}]


def create_unique(op, dialect):
    return [{"create_unique": joined(_named({"table": op.table_name}, op.constraint_name),
                                  {"columns": _names(op.columns)})}]


def create_check(op, dialect):
    return [{"create_check": joined(_named({"table": op.table_name}, op.constraint_name),
                                 {"expression": sql_text(op.condition, dialect)})}]


def drop_table(op, dialect):
    # SQLite and Alembic drop a table other tables still reference.
    if dialect.name == "sqlite":
        return [{"drop_table": {"name": op.table_name, "keep_references": True}}]
    return [{"drop_table": op.table_name}]


CONVERTERS = {
    alops.CreateTableOp: create_table,
    alops.DropTableOp: drop_table,
    alops.RenameTableOp: lambda op, d: [{"rename_table": {"from": op.table_name, "to": op.new_table_name}}],
    alops.AddColumnOp: add_column,
    alops.DropColumnOp: lambda op, d: [{"drop_column": {"table": op.table_name, "column": op.column_name}}],
    alops.AlterColumnOp: alter_column,
    alops.CreateIndexOp: create_index,
    alops.DropIndexOp: lambda op, d: [{"drop_index": joined({"name": op.index_name},
                                               {"table": op.table_name} if op.table_name else {})}],
    alops.CreateForeignKeyOp: create_foreign_key,
    alops.CreateUniqueConstraintOp: create_unique,
    alops.CreateCheckConstraintOp: create_check,
    alops.DropConstraintOp: drop_constraint,
}

# Operations with no effect on the schema Strata replays (comments).
IGNORED = (alops.CreateTableCommentOp, alops.DropTableCommentOp)


def convert(op, dialect):
    """Strata operations for one Alembic operation; Untranslatable when none fits."""
    for kind, fn in CONVERTERS.items():
        if type(op) is kind:
            return fn(op, dialect)
    raise Untranslatable("%s has no Strata operation" % type(op).__name__)
