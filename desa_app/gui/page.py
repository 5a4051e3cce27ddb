"""What a page of the main window is, and what it may ask of the window.

Every page is a :class:`Page` (a QWidget); the window builds the pages of
:mod:`desa_app.gui.page_list`, in that order, for the roles that may see them. A page
knows the window only as a :class:`Navigator` (show another page, is there one), so
pages never import the window and the window never guesses what a page can do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from desa_app.gui.qt import QWidget, Signal
from desa_app.gui.session import AppSession


class Page(QWidget):
    """A page of the main window. Pages refresh themselves from the session's
    ``changes``; the window asks nothing else of them."""

    NAV_KEY = ""
    """Its message key in the navigation (also its key in ``MainWindow.pages``)."""


class RecordListPage(Page):
    """A page listing records that the form host opens in the questionnaire."""

    open_requested = Signal(str)
    """The user wants to open this record (its id)."""


class Navigator(Protocol):
    """The window as a page sees it."""

    def show_page(self, nav_key: str) -> Page: ...

    def has_page(self, nav_key: str) -> bool: ...


PageFactory = Callable[[AppSession, Navigator], Page]


@dataclass(frozen=True)
class PageSpec:
    """One entry of the navigation: its message key, who sees it, how it is built."""

    nav_key: str
    available: Callable[[AppSession], bool]
    factory: PageFactory
