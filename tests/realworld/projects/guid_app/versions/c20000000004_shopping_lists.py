"""shopping lists

Revision ID: c20000000004
Revises: c20000000003
Create Date: 2023-01-04 10:13:00.000000

"""
from alembic import op
import sqlalchemy as sa
import kitchen.db.migration_types

# revision identifiers, used by Alembic.
revision = 'c20000000004'
down_revision = 'c20000000003'
branch_labels = None
depends_on = None


def upgrade():
    # The list names its default item and every item names its list: the first
    # foreign key is added after both tables exist.
    op.create_table('shopping_lists',
    sa.Column('id', kitchen.db.migration_types.GUID(), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('default_item_id', kitchen.db.migration_types.GUID(), nullable=True),
    sa.ForeignKeyConstraint(['default_item_id'], ['shopping_list_items.id'], name='fk_shopping_list_default_item', use_alter=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('shopping_list_items',
    sa.Column('id', kitchen.db.migration_types.GUID(), nullable=False),
    sa.Column('shopping_list_id', kitchen.db.migration_types.GUID(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('checked', sa.Boolean(), nullable=True),
    sa.Column('quantity', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['shopping_list_id'], ['shopping_lists.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    if op.get_context().dialect.name != 'sqlite':
        op.create_foreign_key('fk_shopping_list_default_item', 'shopping_lists', 'shopping_list_items',
                              ['default_item_id'], ['id'])


def downgrade():
    if op.get_context().dialect.name != 'sqlite':
        op.drop_constraint('fk_shopping_list_default_item', 'shopping_lists', type_='foreignkey')
    op.drop_table('shopping_list_items')
    op.drop_table('shopping_lists')

