"""recipe name index

Revision ID: c20000000005
Revises: c20000000004
Create Date: 2023-01-05 10:14:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c20000000005'
down_revision = 'c20000000004'
branch_labels = None
depends_on = None


def upgrade():
    # Some installations created this index by hand before it was modelled.
    try:
        op.create_index('ix_recipes_name', 'recipes', ['name'], unique=False)
    except sa.exc.OperationalError:
        pass


def downgrade():
    op.drop_index('ix_recipes_name', table_name='recipes')

