"""upgrade()/downgrade() against a recording `op`, and one revision run for real.

Recording uses Alembic's own Operations API over an offline MigrationContext
for the dialect, so every op.* call builds the MigrateOperation Alembic would
execute; `invoke` keeps it instead. op.execute / op.bulk_insert are compiled
by Alembic's offline implementation (literal binds), exactly what
`alembic upgrade --sql` prints.
"""
import contextlib
import inspect
import os
import sys

import sqlalchemy as sa
from alembic.operations import BatchOperations, Operations
from alembic.operations import ops as alops
from alembic.runtime.migration import MigrationContext

import strata_convert
from strata_bridge import exception_problem, problem


class FakeResult:
    """What a query answers while recording: no rows. Code that needs a row fails."""

    rowcount = 0

    def __iter__(self):
        return iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def fetchall(self):
        return []

    def all(self):
        return []

    def fetchone(self):
        return None

    def first(self):
        return None

    def scalar(self):
        return None

    def one_or_none(self):
        return None

    def scalar_one_or_none(self):
        return None

    def scalars(self, *a, **k):
        return self

    def mappings(self):
        return self

    def keys(self):
        return []

    def close(self):
        pass

    def commit(self):
        pass

    def rollback(self):
        pass


class BindProxy:
    """op.get_bind() while recording: `.dialect` is real, anything else marks a data step."""

    def __init__(self, recorder, dialect):
        self._recorder = recorder
        self.dialect = dialect
        self.name = dialect.name

    @property
    def engine(self):
        return self

    @property
    def url(self):
        # Scripts read it to learn the dialect (str(bind.engine.url).startswith("sqlite")).
        return sa.engine.make_url(self.name + "://")

    def _run_ddl_visitor(self, visitorcallable, element, **kwargs):
        # sa.Enum(...).create(bind) / .drop(bind) on PostgreSQL: the type's own
        # DDL, which scripts write around add_column and drop_table because
        # Alembic's operations neither create nor drop it. Strata's replay
        # creates a native enum type with the first column that uses it and
        # drops it with the last, so the call is the step's own only when that
        # does not hold: checked once the whole direction is recorded.
        if isinstance(element, sa.Enum) and element.name:
            action = "drop" if "Dropper" in getattr(visitorcallable, "__name__", "") else "create"
            self._recorder.enum_ddl.append({"action": action, "name": element.name,
                                            "line": self._recorder.line(), "at": len(self._recorder.ops)})
            return
        self._recorder.mark_data("bind._run_ddl_visitor")

    def _inspector(self):
        self._recorder.mark_data("sa.inspect(bind)")
        return _FakeCalls(self._recorder, "inspector")

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        self._recorder.mark_data("bind." + name)
        return _FakeCalls(self._recorder, name)


class _FakeCalls:
    def __init__(self, recorder, what):
        self._recorder = recorder
        self._what = what

    def __call__(self, *args, **kwargs):
        return FakeResult()

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *a, **k: []


try:
    from sqlalchemy import inspection as _inspection
    _inspection._inspects(BindProxy)(lambda bind: bind._inspector())
except Exception:  # noqa: BLE001 - older SQLAlchemy: inspect(bind) then fails and marks partial
    pass


def _uses_native_enum(node, name):
    if isinstance(node, dict):
        if node.get("enum") == name and node.get("native", True):
            return True
        return any(_uses_native_enum(v, name) for v in node.values())
    if isinstance(node, list):
        return any(_uses_native_enum(v, name) for v in node)
    return False


class Recorder:
    def __init__(self, path, context):
        self.path = path
        self.context = context
        self.ops = []
        self.problems = []
        self.data_uses = []
        self.enum_ddl = []   # explicit sa.Enum create/drop calls, see BindProxy._run_ddl_visitor
        self.calls = 0       # op.* calls converted; several operations may share one
        self.batch_depth = 0

    def line(self):
        frame = sys._getframe(1)
        while frame is not None:
            if os.path.abspath(frame.f_code.co_filename) == self.path:
                return frame.f_lineno
            frame = frame.f_back
        return 0

    def settle_enum_ddl(self):
        """An explicit enum create needs a column of that type after it in the
        direction (Strata creates the type with it); an explicit drop needs a
        dropped table or column before it (Strata dropped the type with the
        last one: had a column still used it, PostgreSQL would refuse the DROP
        TYPE). Otherwise the call does what Strata's replay does not: Alembic
        runs the revision."""
        for call in self.enum_ddl:
            if call["action"] == "create":
                ok = any(_uses_native_enum(entry["op"], call["name"]) for entry in self.ops[call["at"]:])
                why = "no column of that type is added after it in this step"
            else:
                ok = any(next(iter(entry["op"])) in ("drop_table", "drop_column") for entry in self.ops[:call["at"]])
                why = "no table or column is dropped before it in this step"
            if not ok:
                self.data_uses.append({"what": "sa.Enum(name=%r).%s(bind): %s" % (call["name"], call["action"], why),
                                       "line": call["line"]})

    def mark_data(self, what):
        line = self.line()
        if not any(use["what"] == what and use["line"] == line for use in self.data_uses):
            self.data_uses.append({"what": what, "line": line})

    def alembic_sql(self, operation):
        """The statements Alembic's offline mode renders for the operation."""
        statements = []
        impl = self.context.impl
        impl.static_output = lambda text: statements.append(text.strip())
        Operations.invoke(Operations(self.context), operation)
        terminator = impl.command_terminator
        return [s[: -len(terminator)] if s.endswith(terminator) else s for s in statements]

    def fallback_sql(self, operation):
        """What Alembic itself runs for the call, for an in-place run whose replay
        does not know the object (made by SQL it could not read): None where
        Alembic's offline mode can't render it alone (a SQLite batch rebuild)."""
        if self.batch_depth and self.context.dialect.name == "sqlite":
            return None      # Alembic rebuilds the table there, from reflection
        try:
            return self.alembic_sql(operation)
        except Exception:  # noqa: BLE001 - then the typed operation is all there is
            return None

    def record_sql(self, operation, line):
        """op.execute / op.bulk_insert as the SQL Alembic's offline mode renders.

        Offline mode writes values as literals, and SQLAlchemy has no literal
        for a value whose column has no type (`sa.sql.column('x')`, the usual
        data fix in a migration): such values are typed from the Python value,
        as the driver would bind them online (a date or time as its ISO text).
        A value with no literal at all makes the revision a data step rather
        than an error: online, Alembic runs it fine.
        """
        try:
            statements = self.alembic_sql(operation)
        except Exception as exc:  # noqa: BLE001 - any compile failure
            statements, why = None, "%s: %s" % (type(exc).__name__, str(exc).split("\n")[0][:100])
            retyped, unstable = strata_convert.literal_typed(operation)
            if retyped is not None:
                try:
                    statements = self.alembic_sql(retyped)
                except Exception as again:  # noqa: BLE001
                    why = "%s: %s" % (type(again).__name__, str(again).split("\n")[0][:100])
            elif unstable:
                why = unstable
            if statements is None:
                self.mark_data("op.execute that only a live run can bind: %s" % why)
                return
        for sql in statements:
            self.ops.append({"line": line, "op": {"execute": {"sql": sql}}})

    def record(self, operation):
        line = self.line()
        if isinstance(operation, strata_convert.IGNORED):
            return
        if isinstance(operation, (alops.ExecuteSQLOp, alops.BulkInsertOp)):
            self.record_sql(operation, line)
            return
        try:
            converted = strata_convert.convert(operation, self.context.dialect)
            self.calls += 1
            fallback = self.fallback_sql(operation)
            for op in converted:
                entry = {"line": line, "op": op, "call": self.calls}
                if fallback is not None:
                    entry["alembic"] = fallback
                self.ops.append(entry)
            return
        except strata_convert.Untranslatable as exc:
            reason = str(exc)
        except Exception as exc:  # noqa: BLE001 - a gap in the bridge must not reach the team's try/except
            reason = "Strata's bridge could not convert %s (%s: %s)" % (
                type(operation).__name__, type(exc).__name__, exc)
        # Where Alembic can't render it either, it raises in the team's code,
        # as it would in a real run: their try/except sees the same failure.
        statements = self.alembic_sql(operation)
        for sql in statements:
            self.ops.append({"line": line, "op": {"execute": {"sql": sql}}})
        self.problems.append(problem(self.path, line, "%s: kept as the SQL Alembic renders, which the "
                                     "schema replay does not see" % reason))


class RecordingOperations(Operations):
    def __init__(self, context, recorder):
        super().__init__(context)
        self._recorder = recorder

    # alembic.op proxies Operations' methods; the proxy registry is keyed by
    # class, so a subclass installs itself under Operations' entry.
    def _install_proxy(self):
        attr_names, modules = Operations._setups[Operations]
        for globals_, _ in modules:
            globals_["_proxy"] = self
            for attr_name in attr_names:
                globals_[attr_name] = getattr(self, attr_name)

    def _remove_proxy(self):
        Operations._remove_proxy(Operations(self.migration_context))

    def invoke(self, operation):
        self._recorder.record(operation)

    def get_bind(self):
        return BindProxy(self._recorder, self.migration_context.dialect)

    @contextlib.contextmanager
    def batch_alter_table(self, table_name, schema=None, recreate="auto", *args, **kw):
        # The inner operations, each with the table; no reflection, no flush:
        # Strata's SQLite dialect rebuilds the table where ALTER can't.
        first = len(self._recorder.ops)
        self._recorder.batch_depth += 1
        try:
            yield RecordingBatch(self.migration_context, self._recorder, table_name, schema)
        finally:
            self._recorder.batch_depth -= 1
        table_kwargs = kw.get("table_kwargs") or {}
        if self.migration_context.dialect.name != "sqlite":
            return
        # When Alembic rebuilds the table (on SQLite: recreate="always", or
        # "auto" with an operation ALTER can't do) it writes the new table
        # from reflection, which does not see AUTOINCREMENT: the rebuilt
        # table has it only when table_kwargs asks for it. An empty batch that
        # rebuilds records nothing else.
        inner = [next(iter(entry["op"])) for entry in self._recorder.ops[first:]]
        rebuilds = recreate == "always" or (
            recreate == "auto" and any(k not in ("add_column", "create_index", "drop_index", "execute")
                                       for k in inner))
        if rebuilds:
            self._recorder.ops.append({"line": self._recorder.line(), "op": {"alter_table": {
                "name": table_name, "sqlite_autoincrement": bool(table_kwargs.get("sqlite_autoincrement", False))}}})


class _BatchTarget:
    def __init__(self, table_name, schema):
        self.table_name = table_name
        self.schema = schema


class RecordingBatch(BatchOperations):
    def __init__(self, context, recorder, table_name, schema):
        super().__init__(context, impl=_BatchTarget(table_name, schema))
        self._recorder = recorder

    def invoke(self, operation):
        self._recorder.record(operation)

    def get_bind(self):
        return BindProxy(self._recorder, self.migration_context.dialect)


def offline_context(dialect_name):
    return MigrationContext.configure(dialect_name=dialect_name, dialect_opts={"paramstyle": "named"},
                                      opts={"as_sql": True, "literal_binds": True})


def _record_direction(module, name, path, dialect_name):
    context = offline_context(dialect_name)
    recorder = Recorder(path, context)
    fn = getattr(module, name, None)
    out = {"ops": [], "data_step": False, "partial": False, "problems": [], "source": "", "line": 0}
    if fn is None:
        out["problems"].append(problem(path, 0, "the script has no %s() function" % name))
        return out
    try:
        out["source"] = inspect.getsource(fn)
        out["line"] = fn.__code__.co_firstlineno
    except (OSError, TypeError):
        pass
    operations = RecordingOperations(context, recorder)
    operations._install_proxy()
    environment = _install_environment(context)
    try:
        fn()
    except BaseException as exc:  # noqa: BLE001 - the team's code may raise anything
        out["partial"] = True
        failure = exception_problem(exc, path)
        recorder.problems.append(failure)
        # The operations after the failure were never recorded: running the
        # rest would be neither the script nor Alembic. Alembic runs this
        # revision itself, and fails where the script fails, if it does.
        recorder.data_uses.append({"what": "the recording stopped here (%s); Alembic runs this revision"
                                   % failure["message"][:160], "line": failure["line"]})
    finally:
        operations._remove_proxy()
        if environment is not None:
            environment._remove_proxy()
    recorder.settle_enum_ddl()
    out["ops"] = recorder.ops
    out["problems"] += recorder.problems
    out["data_step"] = bool(recorder.data_uses)
    out["data_uses"] = recorder.data_uses
    return out


def _install_environment(context):
    # `from alembic import context` in a script: is_offline_mode(), get_x_argument().
    try:
        from alembic.config import Config
        from alembic.runtime.environment import EnvironmentContext
        environment = EnvironmentContext(Config(), None)
        environment._migration_context = context
        environment._install_proxy()
        return environment
    except Exception:  # noqa: BLE001
        return None


def record_script(module, path, dialect_name):
    return {
        "file": path,
        "loaded": True,
        "revision": getattr(module, "revision", None),
        "upgrade": _record_direction(module, "upgrade", path, dialect_name),
        "downgrade": _record_direction(module, "downgrade", path, dialect_name),
    }


def _sqlite_transactions(engine):
    # pysqlite opens transactions only before DML; the step's DDL must be in it too.
    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection, record):
        dbapi_connection.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def run_script(module, path, request, url):
    """The revision under Alembic's real Operations, its version move in the same transaction."""
    direction = request["direction"]
    table = request.get("version_table") or "alembic_version"
    expected, new = sorted(request["from"]), sorted(request["to"])
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    if engine.dialect.name == "sqlite":
        _sqlite_transactions(engine)
    quoted = engine.dialect.identifier_preparer.quote(table)
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            heads = sorted(r[0] for r in connection.execute(sa.text("SELECT version_num FROM " + quoted)))
            if heads != expected:
                transaction.rollback()
                return {"ok": False, "stage": "heads", "error": problem(
                    path, 0, "the database is at %s, not at %s as planned" % (
                        ", ".join(heads) or "base", ", ".join(expected) or "base"))}
            context = MigrationContext.configure(connection=connection, opts={"version_table": table})
            with Operations.context(context):
                getattr(module, direction)()
            for head in expected:
                if head not in new:
                    connection.execute(sa.text("DELETE FROM %s WHERE version_num = :v" % quoted), {"v": head})
            for head in new:
                if head not in expected:
                    connection.execute(sa.text("INSERT INTO %s (version_num) VALUES (:v)" % quoted), {"v": head})
            transaction.commit()
        except BaseException as exc:  # noqa: BLE001
            if transaction.is_active:
                transaction.rollback()
            return {"ok": False, "stage": "run", "error": exception_problem(exc, path)}
    return {"ok": True}
