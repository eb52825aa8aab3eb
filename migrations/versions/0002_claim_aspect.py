"""claims.aspect: what a claim states of its metric (level, change, growth, cagr, pp_change)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 18:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('aspect', sa.String(length=16), server_default='level', nullable=False))
        batch_op.create_index(batch_op.f('ix_claims_metric_id_aspect'), ['metric_id', 'aspect'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_metric_id_aspect'))
        batch_op.drop_column('aspect')
