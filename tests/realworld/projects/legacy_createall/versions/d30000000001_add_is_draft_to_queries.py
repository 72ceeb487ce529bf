"""add is_draft to queries

Revision ID: d30000000001
Revises: 
Create Date: 2023-01-01 10:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd30000000001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('queries', sa.Column('is_draft', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute("UPDATE queries SET is_draft = (name = 'New Query')")


def downgrade():
    op.drop_column('queries', 'is_draft')

