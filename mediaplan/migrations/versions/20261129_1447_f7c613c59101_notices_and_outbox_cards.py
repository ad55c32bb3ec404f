"""Notices: notice_preferences (which kinds of notice each user gets by e-mail); outbox
messages keep what their card on the notifications page shows (kind, actor, summary) and are
found by the record they are about. Messages for the app only use the new state "in_app",
which needs no schema change.

Revision ID: f7c613c59101
Revises: af28e2c12aa8
Create Date: 2026-11-29 14:47:12.385256+00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f7c613c59101'
down_revision = 'af28e2c12aa8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('notice_preferences',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('is_emailed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notice_preferences_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'kind', name=op.f('pk_notice_preferences'))
    )
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('actor_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('summary', sa.String(length=1000), server_default='', nullable=False))
        batch_op.create_index('ix_outbox_messages_related_type_related_id', ['related_type', 'related_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_outbox_messages_actor_id_users'), 'users', ['actor_id'], ['id'])


def downgrade():
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_outbox_messages_actor_id_users'), type_='foreignkey')
        batch_op.drop_index('ix_outbox_messages_related_type_related_id')
        batch_op.drop_column('summary')
        batch_op.drop_column('actor_id')
        batch_op.drop_column('kind')

    op.drop_table('notice_preferences')
