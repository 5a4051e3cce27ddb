"""Setting up a village database: its Kemendagri identity and the first admin."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_app.core import errors as E
from desa_app.core.clock import Clock, utcnow
from desa_app.core.identity import get_registry, normalize_code
from desa_app.core.messages import text
from desa_app.core.store import sqlite
from desa_app.core.store.audit import record_event
from desa_app.core.store.database import Database, open_database
from desa_app.core.store.models import Record, Village
from desa_app.core.store.queries import HOUSEHOLD
from desa_app.core.store.users import Actor, check_new_user, current_user, insert_user
from desa_app.core.workflow import Action, Role, require


def village_names(code: str) -> dict[str, str]:
    """Code and names of a desa/kelurahan from the shipped Kemendagri list."""
    dotted = normalize_code(code)
    registry = get_registry()
    if dotted is None or registry.level(dotted) != "desa":
        raise E.InvalidInput(text("store.village_code_unknown", code=code))
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
        raise E.InvalidInput(text("store.file_exists", path=path))
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
            from desa_app.core.store.signing import add_signing_key

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
        return _change_settings(session, actor, changes, clock)


def _change_settings(session: Session, actor: Actor, changes: dict[str, Any],
                     clock: Clock) -> dict[str, Any]:
    """Inside a write whose caller checked CHANGE_SETTINGS: store and audit ``changes``."""
    village = session.execute(select(Village)).scalar_one()
    settings = dict(village.settings)
    before = {key: settings.get(key) for key in changes}
    settings.update(changes)
    village.settings = settings
    record_event(session, at=clock(), user_id=actor.id, action="settings.change",
                 entity="village", entity_id=village.code,
                 detail={"before": before, "after": changes})
    return settings


# -- the village's dusun list -----------------------------------------------------------
DUSUN_SETTING = "dusun"
"""``village.settings["dusun"]``: the dusun/lingkungan names the operator keeps."""
DUSUN_NAME_LIMIT = 120  # the length of record.dusun
_DIGITS = re.compile(r"([0-9]+)")


def _natural(name: str) -> tuple[Any, ...]:
    """Sort key: case ignored, numbers by value (``Dusun 2`` before ``Dusun 10``)."""
    return tuple(int(part) if part.isdigit() else part.casefold()
                 for part in _DIGITS.split(name))


def clean_dusun_names(names: list[str]) -> list[str]:
    """Blanks around and inside a name tidied, empty names and case-insensitive
    duplicates dropped (the first spelling kept), sorted; InvalidInput for a name that is
    not text or longer than a record's dusun can hold."""
    kept: dict[str, str] = {}
    for raw in names:
        if not isinstance(raw, str):
            raise E.InvalidInput(text("store.dusun_not_text"))
        name = " ".join(raw.split())
        if len(name) > DUSUN_NAME_LIMIT:
            raise E.InvalidInput(
                text("store.dusun_too_long", limit=DUSUN_NAME_LIMIT, start=name[:30]))
        if name:
            kept.setdefault(name.casefold(), name)
    return sorted(kept.values(), key=_natural)


def saved_dusun_names(database: Database) -> list[str]:
    """The list as the operator saved it (sorted), without the names found in records."""
    with database.read() as session:
        settings = session.execute(select(Village.settings)).scalar_one() or {}
    saved = settings.get(DUSUN_SETTING)
    if not isinstance(saved, list):
        return []
    return clean_dusun_names([n for n in saved if isinstance(n, str)])


def dusun_names(database: Database) -> list[str]:
    """The saved list plus every dusun written in a live household record that is not in
    it (compared ignoring case and blanks), as one sorted list of plain names: the
    choices for a record's dusun. Names only found in records are not marked; the saved
    list alone is :func:`saved_dusun_names`."""
    saved = saved_dusun_names(database)
    with database.read() as session:
        used = session.execute(
            select(Record.dusun).where(Record.deleted.is_(False), Record.kind == HOUSEHOLD,
                                       Record.dusun.is_not(None)).distinct()).scalars().all()
    return clean_dusun_names([*saved, *(u for u in used if u)])


def set_dusun_names(database: Database, actor: Actor, names: list[str],
                    clock: Clock = utcnow) -> list[str]:
    """Replace the saved dusun list (CHANGE_SETTINGS: the operator); returns it as kept
    (see :func:`clean_dusun_names`). Written, with a ``settings.change`` audit event like
    every settings write, only when it differs from what is saved."""
    with database.write() as session:
        require(current_user(session, actor).role, Action.CHANGE_SETTINGS)
        cleaned = clean_dusun_names(list(names))
        settings = session.execute(select(Village.settings)).scalar_one() or {}
        if settings.get(DUSUN_SETTING) != cleaned:
            _change_settings(session, actor, {DUSUN_SETTING: cleaned}, clock)
        return cleaned
