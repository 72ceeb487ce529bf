"""recipes

Revision ID: c20000000002
Revises: c20000000001
Create Date: 2023-01-02 10:11:00.000000

"""
from alembic import op
import sqlalchemy as sa
import kitchen.db.migration_types

# revision identifiers, used by Alembic.
revision = 'c20000000002'
down_revision = 'c20000000001'
branch_labels = None
depends_on = None

def timestamps():
    return [
        sa.Column('created_at', sa.DateTime(), nullable=True),
        sa.Column('update_at', sa.DateTime(), nullable=True),
    ]



def upgrade():
    op.create_table('recipes',
    sa.Column('id', kitchen.db.migration_types.GUID(), nullable=False),
    sa.Column('household_id', kitchen.db.migration_types.GUID(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('slug', sa.String(), nullable=True),
    sa.Column('description', sa.String(), nullable=True),
    *timestamps(),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('household_id', 'slug', name='recipe_slug_household_key')
    )


def downgrade():
    op.drop_table('recipes')

