"""rename title to summary

Revision ID: b1c000000009
Revises: b1c000000008
Create Date: 2023-01-09 10:18:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b1c000000009'
down_revision = 'b1c000000008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('issues', schema=None) as batch_op:
        batch_op.alter_column('title', new_column_name='summary',
                              existing_type=sa.String(length=200), existing_nullable=False)


def downgrade():
    with op.batch_alter_table('issues', schema=None) as batch_op:
        batch_op.alter_column('summary', new_column_name='title',
                              existing_type=sa.String(length=200), existing_nullable=False)

