"""Every page of the main window, in navigation order, with who may see it.

One explicit list instead of pages registering themselves when imported: the order, the
rules and the set of pages are read here, and a page nobody lists is simply not shown.
Each rule is a first answer for the screen; core checks every action again.
"""

from __future__ import annotations

from desa_app.core.workflow import Action
from desa_app.gui.desa_cantik.page import DesaCantikPage
from desa_app.gui.page import PageSpec
from desa_app.gui.pages.export_page import ExportPage
from desa_app.gui.pages.home import HomePage
from desa_app.gui.pages.households import HouseholdPage
from desa_app.gui.pages.profil_page import ProfilPage
from desa_app.gui.pages.settings_page import SettingsPage
from desa_app.gui.pages.users_page import UsersPage
from desa_app.gui.pembina_page import PembinaPage
from desa_app.gui.session import AppSession
from desa_app.gui.verification.page import VerificationPage


def everyone(_session: AppSession) -> bool:
    """Pages every role may look at (each button asks again)."""
    return True


def verifiers(session: AppSession) -> bool:
    """The Tim's queue, and the ticking-off of records keyed into Prodeskel."""
    return session.can(Action.VERIFY) or session.can(Action.MARK_ENTERED)


def pembina(session: AppSession) -> bool:
    """The pembina's notes and visits; Diskominfo reads them through the audit view."""
    return session.can(Action.MANAGE_VISITS) or session.can(Action.VIEW_AUDIT)


def exporters(session: AppSession) -> bool:
    return session.can(Action.EXPORT)


def admins(session: AppSession) -> bool:
    """The accounts page: the village operator only."""
    return session.can(Action.MANAGE_USERS)


PAGES: tuple[PageSpec, ...] = (
    PageSpec(HomePage.NAV_KEY, everyone, HomePage),
    PageSpec(HouseholdPage.NAV_KEY, everyone, HouseholdPage),
    PageSpec(ProfilPage.NAV_KEY, everyone, ProfilPage),
    PageSpec(VerificationPage.NAV_KEY, verifiers, VerificationPage),
    PageSpec(DesaCantikPage.NAV_KEY, everyone, DesaCantikPage),
    PageSpec(PembinaPage.NAV_KEY, pembina, PembinaPage),
    PageSpec(ExportPage.NAV_KEY, exporters, ExportPage),
    PageSpec(UsersPage.NAV_KEY, admins, UsersPage),
    PageSpec(SettingsPage.NAV_KEY, everyone, SettingsPage),
)
"""The navigation, top to bottom."""


def spec(nav_key: str) -> PageSpec:
    """The entry of ``nav_key`` (KeyError when no page has it)."""
    for entry in PAGES:
        if entry.nav_key == nav_key:
            return entry
    raise KeyError(nav_key)
