"""normalized names

Revision ID: c20000000006
Revises: c20000000005
Create Date: 2023-01-06 10:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c20000000006'
down_revision = 'c20000000005'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('recipes', sa.Column('name_normalized', sa.String(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM recipes")).fetchall()
    for recipe_id, name in rows:
        conn.execute(sa.text("UPDATE recipes SET name_normalized = :n WHERE id = :id"),
                     {"n": name.lower().strip(), "id": recipe_id})
    op.create_index(op.f('ix_recipes_name_normalized'), 'recipes', ['name_normalized'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_recipes_name_normalized'), table_name='recipes')
    with op.batch_alter_table('recipes') as batch_op:
        batch_op.drop_column('name_normalized')

