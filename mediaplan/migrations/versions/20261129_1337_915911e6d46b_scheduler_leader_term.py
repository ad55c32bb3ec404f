"""scheduler_leader.term, the fencing token each new scheduler leader raises as it takes over

Revision ID: 915911e6d46b
Revises: 0003
Create Date: 2026-11-29 13:37:05.826318+00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '915911e6d46b'
down_revision = '0003'
branch_labels = None
depends_on = None


# The leader row of a running deployment starts at term 0; its next takeover raises it to 1.
# In batch mode SQLite adds the column in place (ALTER TABLE) and copies the table, which no
# foreign key refers to, only to drop it again.
def upgrade():
    with op.batch_alter_table('scheduler_leader', schema=None) as batch_op:
        batch_op.add_column(sa.Column('term', sa.Integer(), server_default='0', nullable=False))


def downgrade():
    with op.batch_alter_table('scheduler_leader', schema=None) as batch_op:
        batch_op.drop_column('term')
