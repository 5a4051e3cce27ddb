"""What the editor's mixins share: one declaration of the editor's state and of the
methods one mixin calls on another, so each mixin is type-checked on its own.

:class:`desa_app.gui.form.editor.FormEditor` derives from every mixin; the real
methods come from whichever mixin (or the editor) defines them, never from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from desa_app.core.instrument.issues import Issue, Key
from desa_app.core.instrument.model import Instrument
from desa_app.core.instrument.state import ChangeSet, FormState
from desa_app.core.workflow import Status
from desa_app.gui.qt import QWidget

if TYPE_CHECKING:
    from desa_app.gui.form.members import MembersPanel
    from desa_app.gui.form.panel import Registry
    from desa_app.gui.form.recovery import RecoveryJournal
    from desa_app.gui.form.stops import Stop
    from desa_app.gui.form.typing_aids import IdentityWatch
    from desa_app.gui.session import AppSession


class EditorParts:
    session: AppSession
    instrument: Instrument
    state: FormState
    record_id: str | None
    revision: int | None
    status: Status
    dirty: bool
    editable: bool
    journal: RecoveryJournal | None
    top: Registry
    members: MembersPanel | None
    autosave: Any
    save_label: Any
    journal_timer: Any
    hint: Any
    identity: IdentityWatch
    current_stop: Stop | None
    unlocked: set[str]
    passed: set[tuple[str, Key]]
    show_all_required: bool
    issues: Any
    _village_names: list[str]

    def widget(self) -> QWidget:
        """The editor as the parent of its dialogs."""
        return cast(QWidget, self)

    def refresh_all(self) -> None:
        raise NotImplementedError

    def refresh_summary(self) -> None:
        raise NotImplementedError

    def refresh_registry(self, registry: Registry) -> None:
        raise NotImplementedError

    def refresh_cell(self, name: str, key: Key) -> None:
        raise NotImplementedError

    def _show_cell(self, registry: Registry, name: str) -> None:
        raise NotImplementedError

    def apply(self, changes: ChangeSet) -> None:
        raise NotImplementedError

    def journal_now(self) -> None:
        raise NotImplementedError

    def journal_soon(self) -> None:
        raise NotImplementedError

    def confirm(self, title: str, text: str) -> bool:
        raise NotImplementedError

    def can_submit(self) -> bool:
        raise NotImplementedError

    def set_editable(self, editable: bool) -> None:
        raise NotImplementedError

    def show_hint(self, text: str, style: str = "") -> None:
        raise NotImplementedError

    def focus_first(self, registry: Registry | None = None) -> None:
        raise NotImplementedError

    def commit_pending(self) -> None:
        raise NotImplementedError

    def jump_to(self, issue: Issue) -> None:
        raise NotImplementedError

    def scroll_to_top(self, widget: QWidget) -> None:
        raise NotImplementedError

    def member_count(self) -> int:
        raise NotImplementedError

    def focus_stop(self, stop: Stop) -> None:
        raise NotImplementedError

    def number_problem(self, text: str) -> str | None:
        raise NotImplementedError

    def go_to_number(self, text: str) -> str | None:
        raise NotImplementedError

    def record_title(self) -> str:
        raise NotImplementedError

    def _registry_for(self, name: str, key: Key) -> Registry | None:
        raise NotImplementedError
