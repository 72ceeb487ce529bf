"""query tags

Revision ID: d30000000008
Revises: d30000000007
Create Date: 2023-01-08 10:17:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd30000000008'
down_revision = 'd30000000007'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('queries', sa.Column('tags', sa.Text(), nullable=True))


def downgrade():
    op.drop_column('queries', 'tags')

