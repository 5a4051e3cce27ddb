"""What every screen of a logged-in window shares: the open village and the user."""

from __future__ import annotations

from dataclasses import dataclass, field

from desa_app.core.store.facade import VillageStore
from desa_app.core.store.models import Village
from desa_app.core.store.users import Actor
from desa_app.core.store.village import village_info
from desa_app.core.workflow import Action, allowed
from desa_app.gui.settings import AppSettings


@dataclass
class AppSession:
    store: VillageStore
    actor: Actor
    settings: AppSettings = field(default_factory=AppSettings)
    village: Village = field(init=False)

    def __post_init__(self) -> None:
        self.village = village_info(self.store.db)

    def can(self, action: Action) -> bool:
        """What the screens ask before showing a button; core checks again on use."""
        return allowed(self.actor.role, action)

    def can_verify(self) -> bool:
        return self.can(Action.VERIFY)

    def can_return(self) -> bool:
        return self.can(Action.RETURN)

    @property
    def encrypted(self) -> bool:
        return self.store.db.passphrase is not None
