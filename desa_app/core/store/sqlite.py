"""THE place for everything SQLite-specific: connections, pragmas, encryption, backups,
integrity checks, full-text search, and turning driver errors into user messages.

Everything else in core speaks portable SQLAlchemy, so a server can later hold many
villages in PostgreSQL. Encrypted databases go through SQLCipher (``sqlcipher3``);
plain ones through the standard library's ``sqlite3``. Both get the same pragmas:
WAL journal, ``synchronous=FULL`` (a save that returned survives a power cut), foreign
keys on, and a busy timeout.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desa_app.core import errors as E
from desa_app.core import messages

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def file_kind(path: Path) -> str:
    """``missing``, ``empty``, ``plain`` (SQLite header) or ``opaque`` (encrypted or junk)."""
    if not path.exists():
        return "missing"
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if not head:
        return "empty"
    return "plain" if head == SQLITE_HEADER else "opaque"


def _driver(encrypted: bool) -> Any:
    if not encrypted:
        return sqlite3
    try:
        import sqlcipher3
    except ImportError as exc:  # pragma: no cover - packaging problem
        raise E.StoreError(
            messages.text("store.sqlcipher_missing")
        ) from exc
    return sqlcipher3


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(path: Path, passphrase: str | None, read_only: bool = False) -> Any:
    """A DB-API connection with the key (if any) and our pragmas applied.

    Read-only opens fall back to ``immutable=1`` when the folder is not writable (a WAL
    database needs a ``-shm`` file beside it): a copy on a CD or a locked share can still
    be viewed.
    """
    if passphrase is not None and not passphrase:
        raise E.PassphraseRequired(messages.text("store.passphrase_empty"))
    try:
        return _open(path, passphrase, f"file:{path}?mode=ro" if read_only else f"file:{path}")
    except Exception as exc:
        error = translate(exc, path, passphrase=passphrase)
        # only "cannot write beside it" is worth a second try; a wrong key is not
        cannot_write = isinstance(error, E.ReadOnly) or type(error) is E.StoreError
        if not (read_only and cannot_write):
            raise error from exc
    try:
        return _open(path, passphrase, f"file:{path}?mode=ro&immutable=1")
    except Exception as exc:
        raise translate(exc, path, passphrase=passphrase) from exc


def _open(path: Path, passphrase: str | None, target: str) -> Any:
    connection = _driver(passphrase is not None).connect(
        target, uri=True, check_same_thread=False, isolation_level=None,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    try:
        if passphrase is not None:
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(f"PRAGMA key = {_quote(passphrase)}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except BaseException:
        connection.close()
        raise
    return connection


def translate(exc: BaseException, path: Path, *, passphrase: str | None = None) -> BaseException:
    """Map a driver error to a StoreError with an Indonesian message (or return it as is)."""
    original = getattr(exc, "orig", None) or exc
    name = getattr(original, "sqlite_errorname", "") or ""
    text = str(original).lower()
    if "SQLITE_NOTADB" in name or "file is not a database" in text:
        if passphrase is not None:
            return E.WrongPassphrase(
                messages.text("store.wrong_passphrase")
            )
        if file_kind(path) == "opaque":
            return E.PassphraseRequired(
                messages.text("store.passphrase_needed", name=path.name)
            )
        return E.NotADatabase(messages.text("store.file_not_whole_database", name=path.name))
    if "SQLITE_CORRUPT" in name or "malformed" in text:
        return E.NotADatabase(messages.text("store.database_malformed", name=path.name))
    if ("SQLITE_FULL" in name or "SQLITE_IOERR" in name or "disk is full" in text
            or "file too large" in text or "disk i/o error" in text):
        # EFBIG (FAT32's 4 GiB, a quota) reaches SQLite as a write I/O error, not FULL.
        return E.DiskFull(
            messages.text("store.disk_full")
        )
    if "SQLITE_READONLY" in name or "readonly" in text or "read-only" in text:
        return E.ReadOnly(
            messages.text("store.database_locked_read_only", name=path.name)
        )
    if "SQLITE_BUSY" in name or "locked" in text:
        return E.DatabaseBusy(messages.text("store.database_busy"))
    if "SQLITE_CANTOPEN" in name or "unable to open" in text:
        return E.StoreError(messages.text("store.database_cannot_open", path=path))
    if isinstance(original, OSError):
        return E.StoreError(messages.text("store.database_cannot_access",
                                          path=path, original=original))
    return exc


def use_wal(connection: Any) -> None:
    """Switch the file to WAL (a setting stored in the file, so only once it is known to
    be ours: a foreign file handed to us must stay byte-identical)."""
    connection.execute("PRAGMA journal_mode = WAL")


def refresh_statistics(connection: Any, full: bool = False) -> None:
    """Keep the query planner's statistics current (``ANALYZE`` after bulk loads,
    ``PRAGMA optimize`` when closing, as SQLite recommends)."""
    connection.execute("ANALYZE" if full else "PRAGMA optimize")


def integrity_problems(connection: Any, quick: bool = True) -> list[str]:
    """Empty when the file is sound; otherwise what SQLite found (first few lines)."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found[:5]


def copy_database(source: Any, target_path: Path, passphrase: str | None,
                  progress: Callable[[int, int], None] | None = None) -> None:
    """Online backup (consistent even while the app writes) into a new file."""
    target_path.parent.mkdir(parents=True, exist_ok=True)
    partial = target_path.with_name(target_path.name + ".part")
    partial.unlink(missing_ok=True)
    target = _driver(passphrase is not None).connect(str(partial))
    try:
        if passphrase is not None:
            target.execute("PRAGMA cipher_log_level = NONE")
            target.execute(f"PRAGMA key = {_quote(passphrase)}")

        def report(status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)

        source.backup(target, pages=256, progress=report)
        target.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        target.close()
        partial.unlink(missing_ok=True)  # a backup is either complete or absent
        raise
    target.close()
    partial.replace(target_path)


# -- full-text search of member names (SQLite FTS5) ----------------------------------------

FTS_CREATE = [
    "CREATE VIRTUAL TABLE person_fts USING fts5("
    "name, content='person', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER person_fts_insert AFTER INSERT ON person BEGIN "
    "INSERT INTO person_fts(rowid, name) VALUES (new.id, new.name); END",
    "CREATE TRIGGER person_fts_delete AFTER DELETE ON person BEGIN "
    "INSERT INTO person_fts(person_fts, rowid, name) VALUES ('delete', old.id, old.name); END",
    "CREATE TRIGGER person_fts_update AFTER UPDATE ON person BEGIN "
    "INSERT INTO person_fts(person_fts, rowid, name) VALUES ('delete', old.id, old.name); "
    "INSERT INTO person_fts(rowid, name) VALUES (new.id, new.name); END",
    "INSERT INTO person_fts(person_fts) VALUES ('rebuild')",
]
FTS_DROP = [
    "DROP TRIGGER IF EXISTS person_fts_update",
    "DROP TRIGGER IF EXISTS person_fts_delete",
    "DROP TRIGGER IF EXISTS person_fts_insert",
    "DROP TABLE IF EXISTS person_fts",
]


def fts_query(text: str) -> str | None:
    """``budi san`` -> ``"budi"* "san"*`` (every word as a prefix); None if no words."""
    words = ["".join(ch for ch in word if ch.isalnum()) for word in text.split()]
    words = [w for w in words if w]
    return " ".join(f'"{w}"*' for w in words) if words else None


PERSON_NAME_SEARCH = (
    "SELECT person.id FROM person_fts JOIN person ON person.id = person_fts.rowid "
    "WHERE person_fts MATCH :query ORDER BY rank LIMIT :limit"
)
