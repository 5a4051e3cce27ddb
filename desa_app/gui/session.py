"""What every screen of a logged-in window shares: the open village, the user, and the
broadcast of what changed.

Screens never call each other to say "show this again": whoever changes something
announces it on ``changes`` (records saved or moved through the workflow, the
village's settings, targets, a backup) and every page that shows it refreshes itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from desa_app.core.store.facade import VillageStore
from desa_app.core.store.models import Village
from desa_app.core.store.users import Actor
from desa_app.core.workflow import Action, allowed
from desa_app.gui.qt import QObject, Signal
from desa_app.gui.settings import AppSettings

if TYPE_CHECKING:
    from desa_app.core.profil.service import Profil


class Change(StrEnum):
    """What a broadcast is about; a page listens to the topics it shows."""

    RECORDS = "records"  # a record saved, created, submitted, returned, approved, entered
    VILLAGE = "village"  # the village's settings (the dusun list)
    TARGETS = "targets"  # household targets per dusun/RT
    BACKUP = "backup"  # a backup was written


class Changes(QObject):
    """The session's broadcast. Emitted in the GUI thread after the change is stored;
    listeners connect bound methods (disconnected when their widget goes)."""

    changed = Signal(str)  # a Change

    def announce(self, change: Change) -> None:
        self.changed.emit(change.value)


@dataclass(eq=False)
class AppSession:
    store: VillageStore
    actor: Actor
    settings: AppSettings = field(default_factory=AppSettings)
    village: Village = field(init=False)
    changes: Changes = field(init=False)

    def __post_init__(self) -> None:
        self.village = self.store.village_info()
        self.changes = Changes()

    @cached_property
    def profil(self) -> Profil:
        """Profil Desa over this village, built on first use. It lives here, not on
        ``VillageStore``: profil sits above the store, which may not import it. Imported
        here: the village forms are not needed to show the window."""
        from desa_app.core.profil.service import Profil

        return Profil(self.store)

    def announce(self, change: Change) -> None:
        """Tell every page that ``change`` happened (after it is stored)."""
        self.changes.announce(change)

    def can(self, action: Action) -> bool:
        """What the screens ask before showing a button; core checks again on use."""
        return allowed(self.actor.role, action)

    def can_verify(self) -> bool:
        return self.can(Action.VERIFY)

    def can_return(self) -> bool:
        return self.can(Action.RETURN)

    @property
    def encrypted(self) -> bool:
        return self.store.is_encrypted
