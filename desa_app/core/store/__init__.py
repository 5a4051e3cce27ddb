"""The village database: one file per village that never loses a committed answer.

Open it with :func:`desa_app.core.store.database.open_database` and use it through
:class:`desa_app.core.store.facade.VillageStore`. See ``docs/architecture.md``.
"""
