"""Backups: automatic (on close, once a day, before a migration), rotating, restorable.

Backups sit in ``backups/`` beside the database file, named with time and reason, and
are written with SQLite's online backup API so they are consistent even while the app is
writing. An encrypted database gives encrypted backups (they hold the same NIKs).
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from desa_app.core import errors as E
from desa_app.core.files import fsync_path
from desa_app.core.messages import text
from desa_app.core.store import sqlite

KEEP = 10
SUFFIX = ".sqlite3"
REASONS = {"tutup": "saat menutup", "harian": "harian", "pra-migrasi": "sebelum pembaruan",
           "manual": "manual", "pra-pemulihan": "sebelum pemulihan"}


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str


def backup_dir(database: Path) -> Path:
    return database.parent / "backups"


def list_backups(database: Path) -> list[BackupFile]:
    """Automatic backups of this database, newest first."""
    found = []
    for path in backup_dir(database).glob(f"{database.stem}-*{SUFFIX}"):
        parts = path.name[len(database.stem) + 1 : -len(SUFFIX)].split("-", 2)
        if len(parts) != 3:
            continue
        try:
            taken = datetime.strptime(f"{parts[0]}-{parts[1]}", "%Y%m%d-%H%M%S%f")
        except ValueError:
            continue
        found.append(BackupFile(path, taken, parts[2]))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def take_backup(connection: Any, database: Path, reason: str, passphrase: str | None,
                now: datetime | None = None, keep: int = KEEP) -> Path:
    """Write one automatic backup and drop the oldest beyond ``keep``."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S%f")
    target = backup_dir(database) / f"{database.stem}-{stamp}-{reason}{SUFFIX}"
    write_backup(connection, target, database, passphrase)
    for old in list_backups(database)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def write_backup(connection: Any, target: Path, database: Path, passphrase: str | None) -> None:
    try:
        sqlite.copy_database(connection, target, passphrase)
    except E.StoreError:
        raise
    except Exception as exc:
        raise sqlite.translate(exc, target, passphrase=passphrase) from exc


def backup_is_due(database: Path, now: datetime | None = None) -> bool:
    newest = list_backups(database)
    return not newest or (now or datetime.now()) - newest[0].taken_at > timedelta(days=1)


def check_backup(path: Path, passphrase: str | None) -> None:
    """Raise a StoreError unless ``path`` is a sound database this passphrase opens."""
    kind = sqlite.file_kind(path)
    if kind == "missing":
        raise E.DatabaseMissing(text("store.backup_missing", path=path))
    if kind == "empty":
        raise E.NotADatabase(text("store.backup_empty", name=path.name))
    connection = sqlite.connect(path, passphrase, read_only=True)
    try:
        problems = sqlite.integrity_problems(connection, quick=False)
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    except Exception as exc:
        raise sqlite.translate(exc, path, passphrase=passphrase) from exc
    finally:
        connection.close()
    if problems:
        raise E.NotADatabase(text("store.backup_damaged", name=path.name, problem=problems[0]))
    if not {"record", "village", "alembic_version"} <= tables:
        raise E.NotADatabase(text("store.backup_foreign", name=path.name))


def newest_good_backup(database: Path, passphrase: str | None) -> Path | None:
    for backup in list_backups(database):
        with contextlib.suppress(E.StoreError):
            check_backup(backup.path, passphrase)
            return backup.path
    return None


def restore(database: Path, source: Path, passphrase: str | None,
            now: datetime | None = None) -> Path:
    """Replace the database with a checked backup; the current file is kept aside.

    Returns where the replaced file was put. The database must not be open.
    """
    check_backup(source, passphrase)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = database.with_name(f"{database.stem}-sebelum-pemulihan-{stamp}{database.suffix}")
    number = 1
    while aside.exists():  # never overwrite an earlier set-aside copy
        number += 1
        aside = database.with_name(
            f"{database.stem}-sebelum-pemulihan-{stamp}-{number}{database.suffix}")
    if database.exists():
        database.replace(aside)
    for extra in ("-wal", "-shm"):
        sidecar = database.with_name(database.name + extra)
        if sidecar.exists():
            sidecar.replace(aside.with_name(aside.name + extra))
    partial = database.with_name(database.name + ".part")
    shutil.copyfile(source, partial)
    fsync_path(partial)
    partial.replace(database)
    fsync_path(database.parent)
    return aside
