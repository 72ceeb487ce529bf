"""order line fingerprints

Revision ID: c5d6e7f8091a
Revises: b4c5d6e7f809
Create Date: 2023-02-03 11:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c5d6e7f8091a'
down_revision = 'b4c5d6e7f809'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_context().dialect.name != 'postgresql':
        with op.batch_alter_table('order_lines', schema=None) as batch_op:
            batch_op.add_column(sa.Column('fingerprint', sa.Text(), nullable=True))
        return
    # The backfill is large: "create table as select", then swap the tables.
    op.execute(
        """
        CREATE TABLE order_lines_new AS
        SELECT
            order_lines.*,
            MD5(order_lines.order_id || '-' || products.title) AS fingerprint
        FROM order_lines
        LEFT JOIN products ON order_lines.product_id = products.id
        """
    )
    op.execute("DROP TABLE order_lines")
    op.execute("ALTER TABLE order_lines_new RENAME TO order_lines")
    op.execute("ALTER TABLE order_lines ADD PRIMARY KEY (order_id, product_id)")
    for colname in ['qty', 'fingerprint']:
        op.alter_column('order_lines', colname, nullable=False)
    op.create_index('order_lines_fingerprint_index', 'order_lines', ['fingerprint'])
    for tablename in ['orders', 'products']:
        op.create_foreign_key(None, 'order_lines', tablename, [f'{tablename[:-1]}_id'], ['id'])


def downgrade():
    if op.get_context().dialect.name == 'postgresql':
        op.drop_index('order_lines_fingerprint_index', table_name='order_lines')
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_column('fingerprint')
