"""cancelled orders

Revision ID: 708192a3b4c5
Revises: 6f708192a3b4
Create Date: 2023-01-07 10:16:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '708192a3b4c5'
down_revision = '6f708192a3b4'
branch_labels = None
depends_on = None


def upgrade():
    # PostgreSQL keeps the states in a type of its own; elsewhere the enum is a VARCHAR.
    if op.get_context().dialect.name == 'postgresql':
        op.execute("ALTER TYPE orderstate ADD VALUE IF NOT EXISTS 'cancelled'")


def downgrade():
    # A value cannot be taken out of a PostgreSQL enum; leaving it is harmless.
    pass

