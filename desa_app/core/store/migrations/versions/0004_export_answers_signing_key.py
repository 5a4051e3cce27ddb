"""export answers and signing key

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Existing records keep ``export_answers`` empty: the exporter computes them from the
answers (slower, once) until the record is saved again. The signing key of an existing
village is made the first time it is needed (``signing.village_key``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("export_answers", sa.JSON(), nullable=True))
    op.create_table(
        "signing_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("private_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signing_key")),
    )


def downgrade() -> None:
    op.drop_table("signing_key")
    with op.batch_alter_table("record") as batch:
        batch.drop_column("export_answers")
