"""favorites unique

Revision ID: d30000000005
Revises: d30000000004
Create Date: 2023-01-05 10:14:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd30000000005'
down_revision = 'd30000000004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint('unique_favorite', 'favorites', ['object_type', 'object_id', 'user_id'])


def downgrade():
    op.drop_constraint('unique_favorite', 'favorites', type_='unique')

