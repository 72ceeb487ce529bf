"""merge issues and labels

Revision ID: b1c000000006
Revises: b1a000000003, b1b000000005
Create Date: 2023-01-06 10:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b1c000000006'
down_revision = ('b1a000000003', 'b1b000000005')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass

