"""Setting up a village database: its Kemendagri identity and the first admin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from desa_app.core.audit import record_event
from desa_app.core.clock import Clock, utcnow
from desa_app.core.identity import get_registry, normalize_code
from desa_app.core.store import errors as E
from desa_app.core.store import sqlite
from desa_app.core.store.database import Database, open_database
from desa_app.core.store.models import Village
from desa_app.core.store.users import Actor, check_new_user, current_user, insert_user
from desa_app.core.workflow import Action, Role, require


def village_names(code: str) -> dict[str, str]:
    """Code and names of a desa/kelurahan from the shipped Kemendagri list."""
    dotted = normalize_code(code)
    registry = get_registry()
    if dotted is None or registry.level(dotted) != "desa":
        raise E.InvalidInput(f"Kode desa «{code}» tidak ada dalam daftar Kemendagri.")
    provinsi, kabupaten, kecamatan, desa = (name for _, name in registry.lineage(dotted))
    return {"code": dotted, "name": desa, "kecamatan": kecamatan, "kabupaten": kabupaten,
            "provinsi": provinsi}


def init_village(path: Path, village_code: str, admin_username: str,
                 admin_display_name: str, admin_password: str,
                 passphrase: str | None = None, clock: Clock = utcnow) -> Database:
    """Create a new village database with its first admin and its signing key.

    Refuses an existing file.
    """
    if sqlite.file_kind(path) not in ("missing", "empty"):
        raise E.InvalidInput(f"Berkas {path} sudah ada; pilih nama lain atau hapus dahulu.")
    names = village_names(village_code)
    check_new_user(admin_username.strip().lower(), admin_display_name, Role.ADMIN.value,
                   admin_password)
    database = open_database(path, passphrase, create=True)
    try:
        with database.write() as session:
            now = clock()
            session.add(Village(created_at=now, settings={}, **names))
            session.flush()
            record_event(session, at=now, user_id=None, action="village.init",
                         entity="village", entity_id=names["code"],
                         detail={"encrypted": passphrase is not None})
            insert_user(session, username=admin_username, display_name=admin_display_name,
                        role=Role.ADMIN.value, password=admin_password, at=now, by=None)
            # The key that signs exported packages, made with the village so its
            # fingerprint can be registered with Diskominfo before the first export.
            # Imported here: the exports layer sits above the store.
            from desa_app.core.exports.signing import add_signing_key

            add_signing_key(session, now)
    except BaseException:
        database.close(backup=False)
        path.unlink(missing_ok=True)
        raise
    return database


def village_info(database: Database) -> Village:
    with database.read() as session:
        return session.execute(select(Village)).scalar_one()


def update_settings(database: Database, actor: Actor, changes: dict[str, Any],
                    clock: Clock = utcnow) -> dict[str, Any]:
    with database.write() as session:
        require(current_user(session, actor).role, Action.CHANGE_SETTINGS)
        village = session.execute(select(Village)).scalar_one()
        settings = dict(village.settings)
        before = {key: settings.get(key) for key in changes}
        settings.update(changes)
        village.settings = settings
        record_event(session, at=clock(), user_id=actor.id, action="settings.change",
                     entity="village", entity_id=village.code,
                     detail={"before": before, "after": changes})
        return settings
