"""favorites

Revision ID: d30000000004
Revises: d30000000003
Create Date: 2023-01-04 10:13:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd30000000004'
down_revision = 'd30000000003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('favorites',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('object_type', sa.Unicode(length=255), nullable=False),
        sa.Column('object_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
        sa.PrimaryKeyConstraint('id')
        )


def downgrade():
    op.drop_table('favorites')

