"""What the editor's parts share, typed: the record on screen (``OpenRecord``), the
context every part is built with (``EditorContext``) and the few things a part asks of
the screen as a whole (``EditorView``, implemented by the editor).

:class:`desa_app.gui.form.editor.FormEditor` is composed of parts (navigation, journal,
typing aids, saving, members, notes, DDK figures, display), each its own object given
only what it needs. There are no mixins: one part's method can never shadow another's,
and each part's needs are visible in its constructor
(``tests/gui/test_editor_parts.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from desa_app.core.instrument.issues import Key
from desa_app.core.instrument.model import Instrument
from desa_app.core.instrument.state import ChangeSet, FormState
from desa_app.core.workflow import Status
from desa_app.gui.qt import QWidget

if TYPE_CHECKING:
    from desa_app.gui.form.fields import FieldRow
    from desa_app.gui.form.members import MembersPanel
    from desa_app.gui.form.panel import Registry
    from desa_app.gui.form.recovery import RecoveryJournal
    from desa_app.gui.session import AppSession


@dataclass
class OpenRecord:
    """The record on screen. ``load`` rebinds it; every part reads it from here, so
    none keeps a copy that could belong to the record opened before."""

    state: FormState
    record_id: str | None = None
    revision: int | None = None
    status: Status = Status.DRAFT
    dirty: bool = False
    editable: bool = False
    journal: RecoveryJournal | None = None
    generation: int = 0
    """Counts ``load``s: a background result for an earlier record must not touch this one."""


class EditorView(Protocol):
    """What a part asks of the whole screen (redraws, a question, the footer hint).
    The editor implements it; the parts never see the editor itself."""

    def refresh_all(self) -> None: ...
    def refresh_summary(self) -> None: ...
    def refresh_registry(self, registry: Registry) -> None: ...
    def refresh_cell(self, name: str, key: Key) -> None: ...
    def apply(self, changes: ChangeSet) -> None: ...
    def set_editable(self, editable: bool) -> None: ...
    def confirm(self, title: str, text: str) -> bool: ...
    def show_hint(self, text: str, style: str = "") -> None: ...
    def record_title(self) -> str: ...


@dataclass
class EditorContext:
    """What every part may use: who is working, on which questionnaire, the record on
    screen, where its questions are shown and the screen (``view``, ``parent`` for
    dialogs)."""

    session: AppSession
    instrument: Instrument
    record: OpenRecord
    top: Registry
    members: MembersPanel | None
    view: EditorView
    parent: QWidget

    @property
    def state(self) -> FormState:
        return self.record.state

    def member_count(self) -> int:
        if self.members is None:
            return 0
        return int(self.record.state.instance_count(self.members.repeat.name))

    def has_instance(self, key: Key) -> bool:
        """An edit from a member row that no longer exists (removed, another record)."""
        if not key:
            return True
        return self.members is not None and 0 <= key[0] < self.member_count()

    def registry_for(self, name: str, key: Key) -> Registry | None:
        """The widgets showing instance ``key``: the household part, or the member shown."""
        if key == ():
            return self.top
        if self.members is not None and self.members.registry.key == key:
            return self.members.registry
        return None

    def row(self, name: str, key: Key) -> FieldRow | None:
        registry = self.registry_for(name, key)
        return registry.rows.get(name) if registry is not None else None
