"""dashboards layout

Revision ID: d30000000002
Revises: d30000000001
Create Date: 2023-01-02 10:11:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd30000000002'
down_revision = 'd30000000001'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('dashboards', sa.Column('layout', sa.Text(), nullable=True))


def downgrade():
    op.drop_column('dashboards', 'layout')

