"""seed products

Revision ID: 5e6f708192a3
Revises: 4d5e6f708192
Create Date: 2023-01-05 10:14:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.sql import table, column

# revision identifiers, used by Alembic.
revision = '5e6f708192a3'
down_revision = '4d5e6f708192'
branch_labels = None
depends_on = None

products = table(
    'products',
    column('id', sa.Integer),
    column('sku', sa.CHAR(8)),
    column('title', sa.String),
    column('price', sa.Numeric),
    column('status', sa.String),
)



def upgrade():
    op.bulk_insert(products, [
        {'id': 1, 'sku': 'GIFT0010', 'title': 'Gift card 10', 'price': 10, 'status': 'active'},
        {'id': 2, 'sku': 'GIFT0025', 'title': 'Gift card 25', 'price': 25, 'status': 'active'},
    ])


def downgrade():
    op.execute(products.delete().where(products.c.sku.in_(['GIFT0010', 'GIFT0025'])))

