"""Adding, removing and reordering household members in the open record.

A mixin of :class:`desa_app.gui.form.editor.FormEditor`. A structural change is journaled
at once like a typed answer, so a crash right after removing or moving a member loses
nothing; removing asks first, naming the member.
"""

from __future__ import annotations

from desa_app.gui.form.parts import EditorParts
from desa_app.gui.i18n import t


class MemberFlow(EditorParts):

    def _structure_changed(self, select: int | None = None) -> None:
        self.dirty = True
        self.journal_now()
        if self.members is not None:
            self.members.show_roster(self.state, select)
            self.refresh_registry(self.members.registry)
        self.refresh_registry(self.top)
        self.refresh_summary()
        self.autosave.start()

    def add_member(self) -> None:
        """Ctrl+M: a new member, shown, with the cursor on its first question to type."""
        if not self.editable or self.members is None:
            return
        self.commit_pending()
        key = self.state.add_instance(self.members.repeat.name)
        self._structure_changed(select=key[0])
        self.scroll_to_top(self.members.detail_title)  # the member's page, from its top
        self.focus_first(self.members.registry)

    def remove_member(self, index: int) -> None:
        if self.members is None:
            return
        self.commit_pending()
        names = self.instrument.settings.get("person_index") or {}
        name = self.state.answer(names.get("name", ""), (index,)) or "—"
        if not self.confirm(t("members.confirm_remove_title"),
                            t("members.confirm_remove", n=index + 1, name=name)):
            return
        self.state.remove_instance(self.members.repeat.name, (index,))
        count = self.state.instance_count(self.members.repeat.name)
        self._structure_changed(select=min(index, count - 1) if count else None)

    def move_member(self, index: int, delta: int) -> None:
        if self.members is None:
            return
        self.commit_pending()
        repeat = self.members.repeat.name
        target = index + delta
        if not 0 <= target < self.state.instance_count(repeat):
            return
        answers = self.state.remove_instance(repeat, (index,))
        self.state.add_instance(repeat, answers=answers, index=target)
        self._structure_changed(select=target)
