"""categories and tools

Revision ID: c20000000003
Revises: c20000000002
Create Date: 2023-01-03 10:12:00.000000

"""
from alembic import op
import sqlalchemy as sa
import kitchen.db.migration_types

# revision identifiers, used by Alembic.
revision = 'c20000000003'
down_revision = 'c20000000002'
branch_labels = None
depends_on = None

ORGANIZERS = ('categories', 'tools')



def upgrade():
    for organizer in ORGANIZERS:
        op.create_table(organizer,
        sa.Column('id', kitchen.db.migration_types.GUID(), nullable=False),
        sa.Column('household_id', kitchen.db.migration_types.GUID(), nullable=True),
        sa.Column('name', sa.String(), nullable=False),
        sa.Column('slug', sa.String(), nullable=False),
        sa.ForeignKeyConstraint(['household_id'], ['households.id'], ),
        sa.PrimaryKeyConstraint('id')
        )
        op.create_index(op.f(f'ix_{organizer}_slug'), organizer, ['slug'], unique=False)
        op.create_table(f'recipes_to_{organizer}',
        sa.Column('recipe_id', kitchen.db.migration_types.GUID(), nullable=True),
        sa.Column(f'{organizer[:-1] if organizer.endswith("s") else organizer}_id', kitchen.db.migration_types.GUID(), nullable=True),
        sa.ForeignKeyConstraint(['recipe_id'], ['recipes.id'], ),
        sa.ForeignKeyConstraint([f'{organizer[:-1]}_id'], [f'{organizer}.id'], )
        )


def downgrade():
    for organizer in reversed(ORGANIZERS):
        op.drop_table(f'recipes_to_{organizer}')
        op.drop_index(op.f(f'ix_{organizer}_slug'), table_name=organizer)
        op.drop_table(organizer)

