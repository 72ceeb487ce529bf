"""post modified dates

Revision ID: f7e3a9c1d2b5
Revises: d8c1f0a2b364
Create Date: 2023-02-09 14:05:00.000000

"""
from datetime import datetime

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f7e3a9c1d2b5'
down_revision = 'd8c1f0a2b364'
branch_labels = None
depends_on = None


def upgrade():
    # Filled with "now" through an untyped column: no literal renderer offline.
    with op.batch_alter_table('post') as batch_op:
        batch_op.add_column(sa.Column('date_modified', sa.DateTime(), nullable=True))

    with op.batch_alter_table('post') as batch_op:
        post = sa.sql.table('post', sa.sql.column('date_modified'))
        batch_op.execute(post.update().values(date_modified=datetime.utcnow()))
        batch_op.alter_column('date_modified', existing_type=sa.DateTime(), nullable=False)

    op.drop_index('ix_post_user_timestamp', table_name='post')


def downgrade():
    op.create_index('ix_post_user_timestamp', 'post', ['user_id', 'timestamp'], unique=False)

    with op.batch_alter_table('post') as batch_op:
        batch_op.drop_column('date_modified')
