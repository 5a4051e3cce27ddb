"""Alembic migrations of the village database (run by :mod:`desa_app.core.store.schema`)."""
