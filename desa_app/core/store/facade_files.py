"""What :class:`~desa_app.core.store.facade.VillageStore` does with the village *file*.

Opening, creating, restoring, checking and listing backups are about the file on disk
rather than one user's work, so several need no login (whoever holds the file may back
it up or check it, as ``desa-app db check`` always could). They live here so the facade
stays a short list of doors and nothing outside the store needs ``Database``,
``sqlite``, ``schema`` or ``backup``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from desa_app.core.store import backup as B
from desa_app.core.store import schema, sqlite
from desa_app.core.store.audit import ChainReport, verify_chain
from desa_app.core.store.database import Database
from desa_app.core.store.models import Person, Record, User
from desa_app.core.store.users import UserInfo, _info

BackupFile = B.BackupFile
"""One automatic or manual backup beside the database (path, when, why)."""


@dataclass(frozen=True)
class FileCheck:
    """``desa-app db check``: is the file sound, up to date, its audit chain whole."""

    path: Path
    problems: list[str]
    revision: str | None
    head: str
    audit: ChainReport
    records_by_status: dict[str, int]
    people: int

    @property
    def ok(self) -> bool:
        return not self.problems and self.audit.ok


def file_kind(path: Path) -> str:
    """``missing``, ``empty``, ``plain`` or ``opaque`` (encrypted, or not SQLite)."""
    return sqlite.file_kind(Path(path))


def restore(path: Path, source: Path, passphrase: str | None) -> Path:
    """Replace the (closed) database with a checked backup; returns where the replaced
    file was put aside."""
    return B.restore(Path(path), Path(source), passphrase)


def backups(db: Database) -> list[BackupFile]:
    """This database's backups, newest first."""
    return B.list_backups(db.path)


def backup_folder(db: Database) -> Path:
    return B.backup_dir(db.path)


def check(db: Database) -> FileCheck:
    """The full integrity check, schema version, audit chain and counts, read at once."""
    problems = db.integrity_problems(quick=False)
    with db.engine.connect() as connection:
        revision = schema.current_revision(connection)
    with db.read() as session:
        report = verify_chain(session)
        records = {str(status): int(count) for status, count in session.execute(
            select(Record.status, func.count()).where(Record.deleted.is_(False))
            .group_by(Record.status)).all()}
        people = session.execute(select(func.count()).select_from(Person)).scalar_one()
    return FileCheck(db.path, problems, revision, schema.head_revision(), report,
                     records, int(people))


def audit_chain(db: Database) -> ChainReport:
    """The audit chain checked by whoever holds the file (no login: the CLI's
    ``audit verify`` works on a copy whose passwords nobody knows)."""
    with db.read() as session:
        return verify_chain(session)


def accounts(db: Database) -> list[UserInfo]:
    """Every account, active or not, by user name (``users list`` on the file)."""
    with db.read() as session:
        users = session.execute(select(User).order_by(User.username)).scalars()
        return [_info(user) for user in users]
