"""user details

Revision ID: d30000000007
Revises: d30000000006
Create Date: 2023-01-07 10:16:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd30000000007'
down_revision = 'd30000000006'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('users', sa.Column('details', sa.JSON(), server_default='{}', nullable=True))


def downgrade():
    op.drop_column('users', 'details')

