"""audit_entries: the append-only audit log of changes to users, agencies and plan items (who,
when, which fields from what to what), read as one record's history, newest first.

Revision ID: af28e2c12aa8
Revises: 0a6cee9fdf2f
Create Date: 2026-11-29 14:46:47.620497+00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'af28e2c12aa8'
down_revision = '0a6cee9fdf2f'
branch_labels = None
depends_on = None


def upgrade():
    # A new table: no batch copy is needed, and sa.JSON is JSON on PostgreSQL, text on SQLite.
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_entries_actor_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    op.create_index(
        'ix_audit_entries_record',
        'audit_entries',
        ['kind', 'record_id', 'created_at', 'id'],
        unique=False,
    )


def downgrade():
    op.drop_index('ix_audit_entries_record', table_name='audit_entries')
    op.drop_table('audit_entries')
