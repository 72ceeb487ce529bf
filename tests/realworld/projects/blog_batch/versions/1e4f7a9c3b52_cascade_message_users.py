"""cascade message users

Revision ID: 1e4f7a9c3b52
Revises: 9c2e5a7b1d43
Create Date: 2023-03-20 10:12:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1e4f7a9c3b52'
down_revision = '9c2e5a7b1d43'
branch_labels = None
depends_on = None


def upgrade():
    con = op.get_bind()
    # SQLite: the unnamed keys can't be dropped by name, so they stay beside
    # the named ones; the batch rebuild writes the named keys first.
    with op.batch_alter_table('message', schema=None) as batch_op:
        if con.engine.dialect.name == 'postgresql':
            batch_op.drop_constraint('message_sender_id_fkey', type_='foreignkey')
            batch_op.drop_constraint('message_recipient_id_fkey', type_='foreignkey')
        batch_op.create_foreign_key(batch_op.f('fk_message_sender_id_user'), 'user',
                                    ['sender_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_message_recipient_id_user'), 'user',
                                    ['recipient_id'], ['id'], ondelete='CASCADE')


def downgrade():
    con = op.get_bind()
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_message_recipient_id_user'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_message_sender_id_user'), type_='foreignkey')
        if con.engine.dialect.name == 'postgresql':
            batch_op.create_foreign_key('message_recipient_id_fkey', 'user', ['recipient_id'], ['id'])
            batch_op.create_foreign_key('message_sender_id_fkey', 'user', ['sender_id'], ['id'])
