# Flask-Migrate style environment: the application's engine and metadata,
# one transaction around the run. Strata never executes this file.
from flask import current_app

from alembic import context

migrate = current_app.extensions['migrate']
metadata = migrate.db.metadata

if context.is_offline_mode():
    context.configure(url=str(migrate.db.engine.url), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    with migrate.db.engine.connect() as connection:
        context.configure(connection=connection, target_metadata=metadata, **migrate.configure_args)
        with context.begin_transaction():
            context.run_migrations()
