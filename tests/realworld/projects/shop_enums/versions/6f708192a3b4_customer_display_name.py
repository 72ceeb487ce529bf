"""customer display name

Revision ID: 6f708192a3b4
Revises: 5e6f708192a3
Create Date: 2023-01-06 10:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6f708192a3b4'
down_revision = '5e6f708192a3'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('customers', sa.Column('display_name', sa.String(length=100), nullable=True))
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE customers SET display_name = name WHERE display_name IS NULL"))


def downgrade():
    with op.batch_alter_table('customers') as batch_op:
        batch_op.drop_column('display_name')

