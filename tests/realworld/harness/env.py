"""The one env.py the corpus harness runs every project's versions folder with.

A project's own env.py imports its Flask application (current_app, the models'
metadata), which the corpus does not carry; this one runs the same migration
functions the way Flask-Migrate's generated env.py does (one connection, one
transaction around the run, no target metadata), against the database named by
CORPUS_DATABASE_URL, with the project's stand-ins (CORPUS_STUBS) importable.
"""
import logging
import os
import sys

from alembic import context
from sqlalchemy import create_engine, pool

stubs = os.environ.get("CORPUS_STUBS")
if stubs and os.path.isdir(stubs):
    sys.path.insert(0, stubs)

logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
logging.getLogger("alembic").setLevel(logging.INFO)

url = os.environ["CORPUS_DATABASE_URL"]

# `flask db upgrade` runs the scripts inside the application's context, and some
# scripts read current_app.config at import time; an empty application stands in.
try:
    import flask
except ImportError:
    flask = None
if flask is not None:
    flask.Flask("strata_corpus").app_context().push()

if context.is_offline_mode():
    context.configure(url=url, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=None)
        with context.begin_transaction():
            context.run_migrations()
