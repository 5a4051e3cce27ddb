"""``VillageStore``: an open database with its services, what the GUI and CLI use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desa_app.core.clock import Clock, utcnow
from desa_app.core.store import village
from desa_app.core.store.audit import ChainReport, record_event, verify_chain
from desa_app.core.store.database import Database, open_database
from desa_app.core.store.desa_cantik import DesaCantik
from desa_app.core.store.pembina import Pembina
from desa_app.core.store.queries import Queries
from desa_app.core.store.service import Records
from desa_app.core.store.sop_tracker import SopTracker, Targets
from desa_app.core.store.users import Actor, Users, current_user
from desa_app.core.workflow import Action, require


@dataclass
class VillageStore:
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

    def close(self, backup: bool = True) -> None:
        self.db.close(backup)

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


__all__ = ["Actor", "Database", "VillageStore", "open_database"]
