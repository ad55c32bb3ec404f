"""plans.closed_at and closed_by_id: a closed plan keeps its items as they were

Revision ID: 2108161a91f0
Revises: f7c613c59101
Create Date: 2026-11-29 14:48:08.657177+00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '2108161a91f0'
down_revision = 'f7c613c59101'
branch_labels = None
depends_on = None


# Plain ALTER TABLE rather than a batch: copying the plans table would break the foreign keys
# of its items. SQLite adds a column with its REFERENCES clause in place.
def upgrade():
    op.add_column('plans', sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True))
    if op.get_bind().dialect.name == 'sqlite':
        # Alembic would add the constraint apart, which SQLite cannot; it takes it inline.
        op.execute(
            'ALTER TABLE plans ADD COLUMN closed_by_id INTEGER '
            'CONSTRAINT fk_plans_closed_by_id_users REFERENCES users (id)'
        )
        return
    op.add_column('plans', sa.Column('closed_by_id', sa.Integer(), nullable=True))
    op.create_foreign_key(
        op.f('fk_plans_closed_by_id_users'), 'plans', 'users', ['closed_by_id'], ['id']
    )


def downgrade():
    if op.get_bind().dialect.name != 'sqlite':
        op.drop_constraint(op.f('fk_plans_closed_by_id_users'), 'plans', type_='foreignkey')
    op.drop_column('plans', 'closed_by_id')
    op.drop_column('plans', 'closed_at')
