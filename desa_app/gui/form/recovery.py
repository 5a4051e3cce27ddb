"""The recovery journal: what is being typed, on disk, until it is safely saved.

Autosave puts a draft revision into the database within seconds, but a power cut can
come between two saves. So every committed answer also goes into a small journal file
(written to a temporary name, synced, renamed: never half-written). A clean close
removes it; the next start finds what is left and offers to bring it back.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class JournalEntry:
    path: Path
    record_id: str | None
    instrument_id: str
    username: str
    answers: dict[str, Any]
    saved_revision: int | None
    written_at: datetime
    title: str
    pending: dict[str, Any] | None = None
    """The box being typed when the journal was written: question, key, text."""


def journal_dir(database: Path) -> Path:
    return database.parent / "pemulihan"


def aside_dir(database: Path) -> Path:
    """Where a journal the user chose not to recover goes: no longer offered at every
    start, never deleted (a "Tidak" pressed by mistake loses nothing)."""
    return journal_dir(database) / "disisihkan"


def set_aside(entry: JournalEntry, database: Path) -> Path:
    folder = aside_dir(database)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / entry.path.name
    entry.path.replace(target)
    return target


class RecoveryJournal:
    """One journal file per open record (or new, not yet saved household)."""

    def __init__(self, database: Path, username: str, token: str) -> None:
        self.path = journal_dir(database) / f"{database.stem}-{username}-{token}.json"
        self.database = database
        self.username = username

    def write(self, record_id: str | None, instrument_id: str, answers: dict[str, Any],
              saved_revision: int | None, title: str,
              pending: dict[str, Any] | None = None) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"record_id": record_id, "instrument_id": instrument_id,
                "username": self.username, "answers": answers,
                "saved_revision": saved_revision, "title": title, "pending": pending,
                "written_at": datetime.now().isoformat(timespec="seconds")}
        partial = self.path.with_name(self.path.name + ".part")
        with partial.open("w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(self.path)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def pending(database: Path, username: str) -> list[JournalEntry]:
    """Journals this user left behind for this database (a crash or a power cut)."""
    entries = []
    for path in sorted(journal_dir(database).glob(f"{database.stem}-{username}-*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries.append(JournalEntry(
                path=path, record_id=data.get("record_id"),
                instrument_id=str(data["instrument_id"]), username=str(data["username"]),
                answers=dict(data["answers"]), saved_revision=data.get("saved_revision"),
                written_at=datetime.fromisoformat(data["written_at"]),
                title=str(data.get("title", "")),
                pending=data.get("pending") if isinstance(data.get("pending"), dict) else None,
            ))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # an unreadable journal cannot be offered; it stays for inspection
    return entries
