"""query schedule

Revision ID: d30000000003
Revises: d30000000002
Create Date: 2023-01-03 10:12:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd30000000003'
down_revision = 'd30000000002'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('queries', sa.Column('schedule', sa.String(length=10), nullable=True))


def downgrade():
    op.drop_column('queries', 'schedule')

