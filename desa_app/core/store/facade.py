"""``VillageStore``: an open database with its services, what the GUI and CLI use."""

from __future__ import annotations

from dataclasses import dataclass, field

from desa_app.core.clock import Clock, utcnow
from desa_app.core.store.database import Database, open_database
from desa_app.core.store.queries import Queries
from desa_app.core.store.service import Records
from desa_app.core.store.users import Actor, Users


@dataclass
class VillageStore:
    db: Database
    clock: Clock = utcnow
    users: Users = field(init=False)
    records: Records = field(init=False)
    queries: Queries = field(init=False)

    def __post_init__(self) -> None:
        self.users = Users(self.db, self.clock)
        self.records = Records(self.db, self.clock)
        self.queries = Queries(self.db)

    def close(self, backup: bool = True) -> None:
        self.db.close(backup)


__all__ = ["Actor", "Database", "VillageStore", "open_database"]
