"""Incremental checks: flags.scope, and check_state (how far the last complete run went)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 19:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'check_state',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('last_document_id', sa.Integer(), nullable=False),
        sa.Column('documents', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_check_state')),
    )
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.String(length=64), nullable=True))
        batch_op.create_index('ix_flags_scope', ['scope'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.drop_index('ix_flags_scope')
        batch_op.drop_column('scope')
    op.drop_table('check_state')
