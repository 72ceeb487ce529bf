"""priority check and no label colour

Revision ID: b1c00000000a
Revises: b1c000000009
Create Date: 2023-01-10 10:19:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b1c00000000a'
down_revision = 'b1c000000009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('issues', schema=None) as batch_op:
        batch_op.create_check_constraint('ck_issues_priority', 'priority >= 0')

    with op.batch_alter_table('labels', schema=None) as batch_op:
        batch_op.drop_column('color')


def downgrade():
    with op.batch_alter_table('labels', schema=None) as batch_op:
        batch_op.add_column(sa.Column('color', sa.CHAR(length=7), nullable=True))

    with op.batch_alter_table('issues', schema=None) as batch_op:
        batch_op.drop_constraint('ck_issues_priority', type_='check')

