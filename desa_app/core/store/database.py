"""Opening a village database safely: checks, migration, sessions, backups.

``open_database`` refuses to go on with a file it cannot trust, and says why in
Indonesian, offering the newest good backup. Writes go through :meth:`Database.write`,
one short transaction that takes the write lock at its start (``BEGIN IMMEDIATE``), so
two writers never interleave and a failed write leaves nothing half done.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from desa_app.core import errors as E
from desa_app.core.messages import text
from desa_app.core.store import backup as B
from desa_app.core.store import schema, sqlite


@dataclass
class Database:
    path: Path
    engine: Engine
    passphrase: str | None
    read_only: bool = False
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    _writer: Engine = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._writer = self.engine.execution_options(immediate=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; its snapshot stays consistent until it ends."""
        session = self._sessions()
        try:
            yield session
        except DBAPIError as exc:
            raise self._translate(exc) from exc
        finally:
            session.close()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        if self.read_only:
            raise E.ReadOnly(text("store.database_read_only", name=self.path.name))
        session = Session(bind=self._writer, expire_on_commit=False)
        try:
            yield session
            session.commit()
        except DBAPIError as exc:
            session.rollback()
            raise self._translate(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def _translate(self, exc: BaseException) -> BaseException:
        return sqlite.translate(exc, self.path, passphrase=self.passphrase)

    def raw_connection(self) -> Any:
        return self.engine.raw_connection()

    def backup(self, reason: str = "manual", now: datetime | None = None) -> Path:
        connection = self.engine.raw_connection()
        try:
            return B.take_backup(connection.driver_connection, self.path, reason,
                                 self.passphrase, now)
        finally:
            connection.close()

    def backup_to(self, target: Path) -> Path:
        connection = self.engine.raw_connection()
        try:
            B.write_backup(connection.driver_connection, target, self.path, self.passphrase)
        finally:
            connection.close()
        return target

    def integrity_problems(self, quick: bool = True) -> list[str]:
        connection = self.engine.raw_connection()
        try:
            return sqlite.integrity_problems(connection.driver_connection, quick)
        except Exception as exc:
            raise self._translate(exc) from exc
        finally:
            connection.close()

    def refresh_statistics(self, full: bool = False) -> None:
        connection = self.engine.raw_connection()
        try:
            sqlite.refresh_statistics(connection.driver_connection, full)
        finally:
            connection.close()

    def close(self, backup: bool = True) -> None:
        """Close; by default leave a backup behind (the "on close" backup)."""
        try:
            if not self.read_only:
                self.refresh_statistics()
                if backup:
                    self.backup("tutup")
        finally:
            self.engine.dispose()


def _make_engine(path: Path, passphrase: str | None, read_only: bool) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        creator=lambda: sqlite.connect(path, passphrase, read_only),
        pool_size=3,
        max_overflow=2,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get("immediate") and not read_only
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _offer_backup(error: E.StoreError, path: Path, passphrase: str | None) -> E.StoreError:
    if isinstance(error, E.NotADatabase):
        error.backup = B.newest_good_backup(path, passphrase)
    return error


def open_database(
    path: Path | str,
    passphrase: str | None = None,
    *,
    create: bool = False,
    read_only: bool = False,
    migrate: bool = True,
    now: datetime | None = None,
) -> Database:
    """Open (or with ``create`` make) a village database, checked and up to date."""
    path = Path(path)
    kind = sqlite.file_kind(path)
    if kind == "missing" and not create:
        raise E.DatabaseMissing(text("store.database_missing", path=path))
    if kind == "empty" and not create:
        raise E.NotADatabase(text("store.database_empty", name=path.name))
    if kind == "plain" and passphrase is not None:
        raise E.WrongPassphrase(text("store.database_not_encrypted", name=path.name))
    if kind == "missing":
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = _make_engine(path, passphrase, read_only)
    database = Database(path, engine, passphrase, read_only)
    try:
        problems = database.integrity_problems(quick=True)
        if problems:
            raise E.NotADatabase(text("store.database_damaged",
                                      name=path.name, problem=problems[0]))
        if migrate:
            _bring_up_to_date(database, fresh=kind in ("missing", "empty"), now=now)
    except E.StoreError as error:
        engine.dispose()
        raise _offer_backup(error, path, passphrase) from error
    except SQLAlchemyError as exc:
        engine.dispose()
        translated = sqlite.translate(exc, path, passphrase=passphrase)
        if isinstance(translated, E.StoreError):
            raise _offer_backup(translated, path, passphrase) from exc
        raise
    return database


def _bring_up_to_date(database: Database, fresh: bool, now: datetime | None) -> None:
    head = schema.head_revision()
    with database.engine.connect() as connection:
        current = schema.current_revision(connection)
        tables = set(inspect(connection).get_table_names())
    if current is None and tables - {"alembic_version"}:
        raise E.NotADatabase(text("store.database_foreign", name=database.path.name))
    if current is not None and current != head and current not in schema.known_revisions():
        raise E.StoreError(
            text("store.database_newer", name=database.path.name)
        )
    if not database.read_only:
        with database.engine.connect() as connection:
            sqlite.use_wal(connection.connection.driver_connection)
    if current != head:
        if database.read_only:
            raise E.ReadOnly(text("store.database_migrate_read_only"))
        if current is not None:
            database.backup("pra-migrasi", now)  # the app backs up, then migrates
        with database.engine.begin() as connection:
            schema.upgrade(connection)
    elif not fresh and not database.read_only and B.backup_is_due(database.path, now):
        database.backup("harian", now)
