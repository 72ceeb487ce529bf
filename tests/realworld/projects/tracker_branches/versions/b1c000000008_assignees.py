"""assignees

Revision ID: b1c000000008
Revises: b1c000000007
Create Date: 2023-01-08 10:17:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b1c000000008'
down_revision = 'b1c000000007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_users_login'), 'users', ['login'], unique=True)
    if op.get_bind().dialect.name == 'sqlite':
        with op.batch_alter_table('issues') as batch_op:
            batch_op.add_column(sa.Column('assignee_id', sa.Integer(), nullable=True))
            batch_op.create_foreign_key('issues_assignee_id_fkey', 'users', ['assignee_id'], ['id'])
    else:
        op.add_column('issues', sa.Column('assignee_id', sa.Integer(), nullable=True))
        op.create_foreign_key(None, 'issues', 'users', ['assignee_id'], ['id'])


def downgrade():
    if op.get_bind().dialect.name == 'sqlite':
        with op.batch_alter_table('issues') as batch_op:
            batch_op.drop_constraint('issues_assignee_id_fkey', type_='foreignkey')
            batch_op.drop_column('assignee_id')
    else:
        # PostgreSQL named the constraint <table>_<column>_fkey.
        op.drop_constraint('issues_assignee_id_fkey', 'issues', type_='foreignkey')
        op.drop_column('issues', 'assignee_id')
    op.drop_index(op.f('ix_users_login'), table_name='users')
    op.drop_table('users')

