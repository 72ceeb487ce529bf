"""disabled users

Revision ID: d30000000006
Revises: d30000000005
Create Date: 2023-01-06 10:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd30000000006'
down_revision = 'd30000000005'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('users', sa.Column('disabled_at', sa.DateTime(True), nullable=True))


def downgrade():
    op.drop_column('users', 'disabled_at')

