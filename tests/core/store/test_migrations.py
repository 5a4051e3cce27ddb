"""Migrations: from empty they build exactly the models; an older database upgrades with
its data (after a backup)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from desa_app.core import errors as E
from desa_app.core.store import backup as B
from desa_app.core.store import schema
from desa_app.core.store.database import open_database
from desa_app.core.store.facade import VillageStore
from desa_app.core.store.models import Base

from .conftest import PASSWORD, Village


def not_fts(obj: object, name: str | None, kind: str, reflected: bool, other: object) -> bool:
    return not (kind == "table" and name is not None and name.startswith("person_fts"))


def test_the_head_constant_matches_the_migration_scripts() -> None:
    assert schema.head_revision() == schema.alembic_head()


def test_migrations_produce_exactly_the_models(tmp_path: Path) -> None:
    database = open_database(tmp_path / "kosong.sqlite3", create=True)
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_object": not_fts})
            assert compare_metadata(context, Base.metadata) == []
            assert schema.current_revision(connection) == schema.head_revision()
            assert "person_fts" in inspect(connection).get_table_names()
    finally:
        database.close(backup=False)


def test_an_older_database_upgrades_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        schema.upgrade(connection, "0001")
        connection.execute(text(
            "INSERT INTO village (code, name, kecamatan, kabupaten, provinsi, settings, "
            "created_at) VALUES ('35.01.01.2001', 'Widoro', 'Donorojo', 'Kabupaten Pacitan', "
            "'Jawa Timur', '{}', '2026-01-01 00:00:00')"))
        connection.execute(text(
            "INSERT INTO app_user (username, display_name, role, password_hash, active, "
            "failed_logins, created_at) VALUES ('admin', 'Admin', 'admin', 'x', 1, 0, "
            "'2026-01-01 00:00:00')"))
        connection.execute(text(
            "INSERT INTO record (id, instrument_id, instrument_version, kind, status, answers,"
            " member_count, revision, content_hash, head_hash, created_by, created_at, "
            "updated_by, updated_at, deleted, nama_kk) VALUES ('r1', 'ddk', '2026.11.1', "
            "'household', 'verified', '{}', 1, 1, 'h', 'h', 1, '2026-01-01 00:00:00', 1, "
            "'2026-01-01 00:00:00', 0, 'Sukirno')"))
        connection.execute(text(
            "INSERT INTO person (record_id, position, nik, name) VALUES "
            "('r1', 0, '3501011203750001', 'Sukirno Hadi')"))
    engine.dispose()

    database = open_database(path)
    try:
        with database.engine.connect() as connection:
            assert schema.current_revision(connection) == schema.head_revision()
        with database.read() as session:
            assert session.execute(text("SELECT nama_kk FROM record")).scalar_one() == "Sukirno"
            hits = session.execute(text(
                "SELECT rowid FROM person_fts WHERE person_fts MATCH '\"suk\"*'")).all()
            assert len(hits) == 1  # rows from before the search index are searchable
    finally:
        database.close(backup=False)
    reasons = [b.reason for b in B.list_backups(path)]
    assert reasons == ["pra-migrasi"]


def test_a_database_from_a_newer_app_is_refused(village: Village) -> None:
    village.store.close(backup=False)
    engine = create_engine(f"sqlite:///{village.path}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(E.StoreError, match="versi desa-app yang lebih baru"):
        open_database(village.path)
    village.store = VillageStore(open_database(village.path, migrate=False))


def test_a_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lain.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE foo (x)"))
    engine.dispose()
    before = path.read_bytes()
    with pytest.raises(E.NotADatabase, match="bukan basis data desa-app"):
        open_database(path)
    assert path.read_bytes() == before


def test_login_survives_reopening(village: Village) -> None:
    village.store.close(backup=False)
    store = VillageStore(open_database(village.path))
    try:
        assert store.users.authenticate("agen1", PASSWORD).role.value == "enumerator"
    finally:
        store.close(backup=False)
    village.store = VillageStore(open_database(village.path))
