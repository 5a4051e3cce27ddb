"""Full-text search of member names.

SQLite only (FTS5 with triggers keeping it in step with ``person``); other databases
search with plain SQL and need nothing here. The DDL lives in ``store/sqlite.py``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

from desa_app.core.store.sqlite import FTS_CREATE, FTS_DROP

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_CREATE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_DROP:
            op.execute(statement)
