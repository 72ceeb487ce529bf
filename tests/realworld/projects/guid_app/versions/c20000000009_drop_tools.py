"""drop tools

Revision ID: c20000000009
Revises: c20000000008
Create Date: 2023-01-09 10:18:00.000000

"""
from alembic import op
import sqlalchemy as sa
import kitchen.db.migration_types

# revision identifiers, used by Alembic.
revision = 'c20000000009'
down_revision = 'c20000000008'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table('recipes_to_tools')
    op.drop_index(op.f('ix_tools_slug'), table_name='tools')
    op.drop_table('tools')


def downgrade():
    op.create_table('tools',
    sa.Column('id', kitchen.db.migration_types.GUID(), nullable=False),
    sa.Column('household_id', kitchen.db.migration_types.GUID(), nullable=True),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('slug', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_tools_slug'), 'tools', ['slug'], unique=False)
    op.create_table('recipes_to_tools',
    sa.Column('recipe_id', kitchen.db.migration_types.GUID(), nullable=True),
    sa.Column('tool_id', kitchen.db.migration_types.GUID(), nullable=True),
    sa.ForeignKeyConstraint(['recipe_id'], ['recipes.id'], ),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], )
    )

