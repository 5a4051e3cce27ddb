"""``VillageStore``: an open village database with its services, the only door the GUI
and the CLI have into the store.

Screens and commands never see ``Database`` (``store.db``), ``sqlite``, ``schema`` or a
service built by hand: everything they need is a method or property here (opening,
creating, restoring, checking the file: :mod:`facade_files`), so the store can change
its insides without touching a screen, and ``tests/test_architecture.py`` keeps it so.
Services above the store (Profil Desa, the exports) take a ``VillageStore``; this module
cannot offer them (the store is below them): see :mod:`desa_app.core.village_app`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desa_app.core.clock import Clock, utcnow
from desa_app.core.store import facade_files as F
from desa_app.core.store import village
from desa_app.core.store.audit import ChainReport, record_event, verify_chain
from desa_app.core.store.database import Database, open_database
from desa_app.core.store.desa_cantik import DesaCantik
from desa_app.core.store.facade_files import BackupFile, FileCheck
from desa_app.core.store.models import Village
from desa_app.core.store.pembina import Pembina
from desa_app.core.store.queries import Queries
from desa_app.core.store.service import Records
from desa_app.core.store.sop_tracker import SopTracker, Targets
from desa_app.core.store.users import Actor, UserInfo, Users, current_user
from desa_app.core.workflow import Action, require

if TYPE_CHECKING:
    from desa_app.core.store.dashboard import Dashboard
    from desa_app.core.store.verification import Verification


@dataclass
class VillageStore:
    """One open village file. ``db`` is for the store's own modules and the layers above
    it in core (profil, exports, demo); the GUI and CLI use the methods."""

    db: Database
    clock: Clock = utcnow
    users: Users = field(init=False)
    records: Records = field(init=False)
    queries: Queries = field(init=False)
    desa_cantik: DesaCantik = field(init=False)
    pembina: Pembina = field(init=False)
    sop: SopTracker = field(init=False)
    targets: Targets = field(init=False)

    def __post_init__(self) -> None:
        self.users = Users(self.db, self.clock)
        self.records = Records(self.db, self.clock)
        self.queries = Queries(self.db)
        self.desa_cantik = DesaCantik(self.db, self.clock)
        self.pembina = Pembina(self.db, self.clock)
        self.sop = SopTracker(self.db, self.clock)
        self.targets = Targets(self.db, self.clock)

    # -- opening, creating, restoring (the file) ---------------------------------------
    @classmethod
    def open(cls, path: Path | str, passphrase: str | None = None, *,
             migrate: bool = True, read_only: bool = False) -> VillageStore:
        """Open a village file, checked, migrated (after a backup) and backed up daily;
        a StoreError in Indonesian when it cannot be trusted (see ``open_database``)."""
        return cls(open_database(path, passphrase, migrate=migrate, read_only=read_only))

    @classmethod
    def create(cls, path: Path, village_code: str, admin_username: str,
               admin_display_name: str, admin_password: str,
               passphrase: str | None = None, clock: Clock = utcnow) -> VillageStore:
        """A new village file with its Kemendagri identity, first admin and signing key;
        refuses an existing file."""
        return cls(village.init_village(path, village_code, admin_username,
                                        admin_display_name, admin_password, passphrase,
                                        clock), clock)

    @staticmethod
    def file_kind(path: Path) -> str:
        """``missing``, ``empty``, ``plain`` or ``opaque`` (encrypted, or not SQLite):
        whether to ask a passphrase before opening."""
        return F.file_kind(path)

    @staticmethod
    def restore(path: Path, backup: Path, passphrase: str | None) -> Path:
        """Replace the closed file at ``path`` with a checked backup; returns where the
        replaced file was kept."""
        return F.restore(path, backup, passphrase)

    @staticmethod
    def village_names(code: str) -> dict[str, str]:
        """Code and names of a desa/kelurahan from the shipped Kemendagri list."""
        return village.village_names(code)

    def close(self, backup: bool = True) -> None:
        self.db.close(backup)

    # -- the file's facts ----------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def is_encrypted(self) -> bool:
        return self.db.passphrase is not None

    def village_info(self) -> Village:
        """The village's code and names (no permission needed, like the file name)."""
        return village.village_info(self.db)

    def backup_file(self, target: Path | None = None) -> Path:
        """A backup by whoever holds the file (``desa-app backup``): to ``target``, or a
        manual one in the backup folder. The GUI's button is ``backup(actor)``."""
        return self.db.backup_to(target) if target else self.db.backup("manual")

    def backups(self) -> list[BackupFile]:
        """The backups beside the file, newest first."""
        return F.backups(self.db)

    def backup_folder(self) -> Path:
        return F.backup_folder(self.db)

    def village_key_fingerprint(self) -> str:
        """The fingerprint of the key that signs exported packages (read to Diskominfo);
        a database made before keys existed gets its key on first use."""
        from desa_app.core.store.signing import village_key  # cryptography: on use only

        return village_key(self.db).fingerprint

    def check(self) -> FileCheck:
        """``db check``: integrity (full), schema version, audit chain, counts."""
        return F.check(self.db)

    def audit_chain(self) -> ChainReport:
        """The audit chain checked by whoever holds the file (see ``audit_report`` for
        the logged-in check)."""
        return F.audit_chain(self.db)

    def accounts(self) -> list[UserInfo]:
        """Every account of the file (``users list``; a login uses ``users.list``)."""
        return F.accounts(self.db)

    # -- services built on first use -------------------------------------------------------
    @cached_property
    def verification(self) -> Verification:
        """The Tim's queue, bulk approval and Prodeskel entry. Imported on first use
        (the answer diff it needs is not wanted before the login)."""
        from desa_app.core.store.verification import Verification

        return Verification(self.db, self.clock)

    @cached_property
    def dashboard(self) -> Dashboard:
        """Progress and population figures for Beranda (imported on first use)."""
        from desa_app.core.store.dashboard import Dashboard

        return Dashboard(self.db, self.clock)

    def backup(self, actor: Actor, target: Path | None = None) -> Path:
        """A backup on request (the automatic ones need no permission)."""
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.BACKUP)
        path = self.db.backup_to(target) if target else self.db.backup("manual")
        with self.db.write() as session:
            record_event(session, at=self.clock(), user_id=actor.id, action="backup",
                         entity="database", entity_id=self.db.path.name,
                         detail={"file": path.name})
        return path

    # -- the village's dusun list (village.settings) -----------------------------------
    def dusun_names(self) -> list[str]:
        """The saved dusun list plus dusun already written in live household records
        (not marked), sorted: the choices for H.6. Like the village's name and code it
        needs no permission (see ``village.dusun_names``)."""
        return village.dusun_names(self.db)

    def saved_dusun_names(self) -> list[str]:
        """The dusun list as the operator saved it, for editing it."""
        return village.saved_dusun_names(self.db)

    def set_dusun_names(self, actor: Actor, names: list[str]) -> list[str]:
        """Save the dusun list (operator only); returns the names as kept."""
        return village.set_dusun_names(self.db, actor, names, self.clock)

    def audit_report(self, actor: Actor) -> ChainReport:
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW_AUDIT)
            return verify_chain(session)


__all__ = ["Actor", "BackupFile", "Database", "FileCheck", "VillageStore", "open_database"]
