"""dashboard tags

Revision ID: d30000000009
Revises: d30000000008
Create Date: 2023-01-09 10:18:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd30000000009'
down_revision = 'd30000000008'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('dashboards', sa.Column('tags', sa.Text(), nullable=True))


def downgrade():
    op.drop_column('dashboards', 'tags')

