"""Scratch databases for the corpus harness: a SQLite file, or a fresh PostgreSQL
database on the server the PG* environment names (pg_virtualenv sets them).

Never a mock: if PostgreSQL is asked for and cannot be reached, that is an error
the harness reports, not a skipped row.
"""
import os
import re
from urllib.parse import quote

try:
    import psycopg2
except ImportError:  # reported when PostgreSQL is actually asked for
    psycopg2 = None


class DatabaseError(Exception):
    pass


class SqliteScratch:
    name = "sqlite"

    def __init__(self, workdir):
        self.workdir = workdir

    def fresh(self, label):
        path = os.path.join(self.workdir, f"{label}.db")
        if os.path.exists(path):
            os.remove(path)
        url = "sqlite:///" + os.path.abspath(path)
        return url, url

    def close(self):
        pass


class PostgresScratch:
    name = "postgresql"

    def __init__(self):
        if psycopg2 is None:
            raise DatabaseError("psycopg2 is not importable by this interpreter (Debian: python3-psycopg2)")
        self.host = os.environ.get("PGHOST", "localhost")
        self.port = os.environ.get("PGPORT", "5432")
        self.user = os.environ.get("PGUSER", os.environ.get("USER", "postgres"))
        self.password = os.environ.get("PGPASSWORD", "")
        self.maintenance = os.environ.get("PGDATABASE", "postgres")
        try:
            self.admin = psycopg2.connect(
                host=self.host, port=self.port, user=self.user, password=self.password, dbname=self.maintenance
            )
        except psycopg2.Error as error:
            raise DatabaseError(
                f"cannot reach the PostgreSQL server at {self.host}:{self.port} as {self.user}: "
                f"{str(error).strip()} (run under `pg_virtualenv -t --`, or pass --databases sqlite)"
            )
        self.admin.autocommit = True
        self.created = []

    def server_version(self):
        with self.admin.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return cursor.fetchone()[0]

    def fresh(self, label):
        dbname = "corpus_" + re.sub(r"[^a-z0-9_]", "_", label.lower())
        with self.admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
            cursor.execute(f'CREATE DATABASE "{dbname}"')
        self.created.append(dbname)
        credentials = quote(self.user, safe="")
        if self.password:
            credentials += ":" + quote(self.password, safe="")
        if self.host.startswith("/"):
            url = f"postgresql://{credentials}@/{dbname}?host={self.host}&port={self.port}"
        else:
            url = f"postgresql://{credentials}@{self.host}:{self.port}/{dbname}"
        # The same URL serves SQLAlchemy (psycopg2) and Strata (libpq through QPSQL).
        return url, url

    def close(self):
        with self.admin.cursor() as cursor:
            for dbname in self.created:
                cursor.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
        self.admin.close()


def open_scratch(kind, workdir):
    if kind == "sqlite":
        return SqliteScratch(workdir)
    if kind == "postgresql":
        return PostgresScratch()
    raise DatabaseError(f"unknown database kind {kind!r} (sqlite or postgresql)")
