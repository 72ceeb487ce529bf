"""confirmed users and counters that never reuse an id

Revision ID: d8c1f0a2b364
Revises: 6e3b0d8f4c25
Create Date: 2023-02-02 09:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd8c1f0a2b364'
down_revision = '6e3b0d8f4c25'
branch_labels = None
depends_on = None


def upgrade():
    # A NOT NULL column added to a table with rows: added nullable, filled
    # through an untyped table() (no literal renderer offline), then altered.
    with op.batch_alter_table('user') as batch_op:
        batch_op.add_column(sa.Column('confirmed', sa.Boolean(), nullable=True, default=False))
    with op.batch_alter_table('user') as batch_op:
        user = sa.sql.table('user', sa.sql.column('confirmed'))
        batch_op.execute(user.update().values(confirmed=False))
        batch_op.alter_column('confirmed', nullable=False, existing_type=sa.Boolean(),
                              existing_nullable=True, existing_server_default=False)

    # An index made by hand in raw SQL, dropped by a later revision with op.drop_index.
    op.execute("CREATE INDEX ix_post_user_timestamp ON post (user_id, timestamp)")

    # Empty rebuilds that only turn AUTOINCREMENT on, SQLite only.
    bind = op.get_bind()
    if bind.engine.name == "sqlite":
        batches = [
            op.batch_alter_table("notification", recreate="always", table_kwargs={"sqlite_autoincrement": True}),
            op.batch_alter_table("followers", recreate="always", table_kwargs={"sqlite_autoincrement": True}),
        ]
        for batch_op in batches:
            with batch_op:
                pass


def downgrade():
    bind = op.get_bind()
    if bind.engine.name == "sqlite":
        batches = [
            op.batch_alter_table("notification", recreate="always", table_kwargs={"sqlite_autoincrement": False}),
            op.batch_alter_table("followers", recreate="always", table_kwargs={"sqlite_autoincrement": False}),
        ]
        for batch_op in batches:
            with batch_op:
                pass

    op.execute("DROP INDEX ix_post_user_timestamp")

    with op.batch_alter_table('user') as batch_op:
        batch_op.drop_column('confirmed')
