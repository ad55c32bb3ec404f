"""plans.items_version, the key of what is cached about a plan's items; the plan table's index
in the table's order (number, then id)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 20:10:00.000000

"""
import secrets

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

TABLE_ORDER = ['plan_id', 'sort_key', 'id']
FILTERED_COLUMNS = ['direction', 'format', 'status', 'lead_agency_id', 'ends_on', 'starts_on']


# Plain ALTER TABLE rather than a batch: SQLite adds and drops a column in place, and copying
# the plans table would break the foreign keys of its items.
def upgrade():
    op.add_column(
        'plans',
        sa.Column('items_version', sa.String(length=32), nullable=False, server_default=''),
    )
    plans = sa.table('plans', sa.column('id', sa.Integer), sa.column('items_version', sa.String))
    connection = op.get_bind()
    for (plan_id,) in connection.execute(sa.select(plans.c.id)):
        connection.execute(
            plans.update()
            .where(plans.c.id == plan_id)
            .values(items_version=secrets.token_hex(8))
        )
    op.drop_index('ix_plan_items_table', table_name='plan_items')
    op.create_index('ix_plan_items_table', 'plan_items', [*TABLE_ORDER, *FILTERED_COLUMNS])


def downgrade():
    op.drop_index('ix_plan_items_table', table_name='plan_items')
    op.create_index(
        'ix_plan_items_table', 'plan_items', ['plan_id', 'sort_key', *FILTERED_COLUMNS, 'id']
    )
    op.drop_column('plans', 'items_version')
