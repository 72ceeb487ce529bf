"""recipe names view

Revision ID: c20000000008
Revises: c20000000007
Create Date: 2023-01-08 10:17:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c20000000008'
down_revision = 'c20000000007'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE VIEW recipe_names AS SELECT id, name FROM recipes")


def downgrade():
    op.execute("DROP VIEW recipe_names")

