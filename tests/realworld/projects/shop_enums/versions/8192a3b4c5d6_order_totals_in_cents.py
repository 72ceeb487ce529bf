"""order totals in cents

Revision ID: 8192a3b4c5d6
Revises: 708192a3b4c5
Create Date: 2023-01-08 10:17:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8192a3b4c5d6'
down_revision = '708192a3b4c5'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_context().dialect.name == 'postgresql':
        op.alter_column('orders', 'total',
                        existing_type=sa.Numeric(precision=12, scale=2),
                        type_=sa.Integer(),
                        postgresql_using='(total * 100)::integer')
    else:
        with op.batch_alter_table('orders') as batch_op:
            batch_op.alter_column('total',
                                  existing_type=sa.Numeric(precision=12, scale=2),
                                  type_=sa.Integer())


def downgrade():
    if op.get_context().dialect.name == 'postgresql':
        op.alter_column('orders', 'total',
                        existing_type=sa.Integer(),
                        type_=sa.Numeric(precision=12, scale=2),
                        postgresql_using='total / 100.0')
    else:
        with op.batch_alter_table('orders') as batch_op:
            batch_op.alter_column('total',
                                  existing_type=sa.Integer(),
                                  type_=sa.Numeric(precision=12, scale=2))

