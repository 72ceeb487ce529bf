"""product attributes as JSON

Revision ID: b4c5d6e7f809
Revises: a3b4c5d6e7f8
Create Date: 2023-01-11 09:02:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = 'b4c5d6e7f809'
down_revision = 'a3b4c5d6e7f8'
branch_labels = None
depends_on = None


def upgrade():
    # sa.JSON is PostgreSQL's json; JSONB only where the model asks for it.
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attributes', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('search_doc', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'),
                                      nullable=True))


def downgrade():
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_column('search_doc')
        batch_op.drop_column('attributes')
