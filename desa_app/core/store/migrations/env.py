"""Alembic environment: always run on a connection handed over by the app.

The app opens the database itself (key, pragmas, error messages), so migrations never
build their own engine; ``schema.upgrade`` passes its connection in ``attributes``.
"""

from __future__ import annotations

from alembic import context

from desa_app.core.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
    include_object=lambda obj, name, kind, reflected, compare_to: not (
        kind == "table" and name is not None and name.startswith("person_fts")
    ),
)
with context.begin_transaction():
    context.run_migrations()
