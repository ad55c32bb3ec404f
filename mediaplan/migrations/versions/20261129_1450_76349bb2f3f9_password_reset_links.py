"""password_reset_requests and password_reset_links: links that set a new password once,
asked for from the login page (each request counted per account and per address, like failed
logins) or sent by an administrator; only the SHA-256 of a link's token is kept.

Revision ID: 76349bb2f3f9
Revises: 2108161a91f0
Create Date: 2026-11-29 14:50:56.941597+00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '76349bb2f3f9'
down_revision = '2108161a91f0'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('password_reset_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account', sa.String(length=254), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_password_reset_requests'))
    )
    with op.batch_alter_table('password_reset_requests', schema=None) as batch_op:
        batch_op.create_index('ix_password_reset_requests_account_requested_at', ['account', 'requested_at'], unique=False)
        batch_op.create_index('ix_password_reset_requests_address_requested_at', ['address', 'requested_at'], unique=False)

    op.create_table('password_reset_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_by_id', sa.Integer(), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('end_reason', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['sent_by_id'], ['users.id'], name=op.f('fk_password_reset_links_sent_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_password_reset_links_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_password_reset_links')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_password_reset_links_token_hash'))
    )
    with op.batch_alter_table('password_reset_links', schema=None) as batch_op:
        batch_op.create_index('ix_password_reset_links_user_id_ended_at', ['user_id', 'ended_at'], unique=False)


def downgrade():
    with op.batch_alter_table('password_reset_links', schema=None) as batch_op:
        batch_op.drop_index('ix_password_reset_links_user_id_ended_at')

    op.drop_table('password_reset_links')
    with op.batch_alter_table('password_reset_requests', schema=None) as batch_op:
        batch_op.drop_index('ix_password_reset_requests_address_requested_at')
        batch_op.drop_index('ix_password_reset_requests_account_requested_at')

    op.drop_table('password_reset_requests')