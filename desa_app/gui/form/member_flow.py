"""Adding, removing and reordering household members in the open record.

A part of :class:`desa_app.gui.form.editor.FormEditor`, built only for a questionnaire
with members. A structural change is journaled at once like a typed answer, so a crash
right after removing or moving a member loses nothing; removing asks first, naming the
member.
"""

from __future__ import annotations

from desa_app.gui.form.members import MembersPanel
from desa_app.gui.form.navigation_flow import NavigationFlow
from desa_app.gui.form.parts import EditorContext
from desa_app.gui.form.saving import SaveFlow
from desa_app.gui.i18n import t


class MemberFlow:
    """Ctrl+M and the roster's buttons, carried out on the form state."""

    def __init__(self, context: EditorContext, panel: MembersPanel,
                 navigation: NavigationFlow, saver: SaveFlow) -> None:
        self.context = context
        self.panel = panel
        self.navigation = navigation
        self.saver = saver
        panel.add_requested.connect(self.add_member)
        panel.remove_requested.connect(self.remove_member)
        panel.move_requested.connect(self.move_member)
        panel.current_changed.connect(
            lambda index: context.view.refresh_registry(panel.registry))

    def _structure_changed(self, select: int | None = None) -> None:
        self.saver.record_changed(journal_now=True)
        view = self.context.view
        self.panel.show_roster(self.context.state, select)
        view.refresh_registry(self.panel.registry)
        view.refresh_registry(self.context.top)
        view.refresh_summary()

    def add_member(self) -> None:
        """Ctrl+M: a new member, shown, with the cursor on its first question to type."""
        if not self.context.record.editable:
            return
        self.navigation.commit_pending()
        key = self.context.state.add_instance(self.panel.repeat.name)
        self._structure_changed(select=key[0])
        self.navigation.scroll_to_top(self.panel.detail_title)  # its page, from its top
        self.navigation.focus_first(self.panel.registry)

    def remove_member(self, index: int) -> None:
        self.navigation.commit_pending()
        state = self.context.state
        names = self.context.instrument.settings.get("person_index") or {}
        name = state.answer(names.get("name", ""), (index,)) or "—"
        if not self.context.view.confirm(
                t("members.confirm_remove_title"),
                t("members.confirm_remove", n=index + 1, name=name)):
            return
        state.remove_instance(self.panel.repeat.name, (index,))
        count = state.instance_count(self.panel.repeat.name)
        self._structure_changed(select=min(index, count - 1) if count else None)

    def move_member(self, index: int, delta: int) -> None:
        self.navigation.commit_pending()
        state = self.context.state
        repeat = self.panel.repeat.name
        target = index + delta
        if not 0 <= target < state.instance_count(repeat):
            return
        answers = state.remove_instance(repeat, (index,))
        state.add_instance(repeat, answers=answers, index=target)
        self._structure_changed(select=target)
