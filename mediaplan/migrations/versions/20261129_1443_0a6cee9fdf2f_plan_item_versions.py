"""plan_items.version: raised by every change, so that an edit made from an older version is
refused instead of overwriting the newer one

Revision ID: 0a6cee9fdf2f
Revises: 172fde51ae0c
Create Date: 2026-11-29 14:43:11.587858+00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0a6cee9fdf2f'
down_revision = '172fde51ae0c'
branch_labels = None
depends_on = None


# Plain ALTER TABLE rather than a batch: copying plan_items would break the foreign keys of
# everything that refers to it.
def upgrade():
    op.add_column(
        'plan_items', sa.Column('version', sa.Integer(), server_default='1', nullable=False)
    )


def downgrade():
    op.drop_column('plan_items', 'version')
