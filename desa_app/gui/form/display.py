"""Drawing the record on screen: each question's value, relevance, messages, notes and
DDK mark, the title and status, the part counts and the issue list.

A part of :class:`desa_app.gui.form.editor.FormEditor`. Each commit returns a
``ChangeSet``; ``apply`` redraws only the widgets it names, so a keystroke costs a few
widgets, not the hundreds of a household.
"""

from __future__ import annotations

from desa_app.core.instrument.issues import Key
from desa_app.core.instrument.model import Field
from desa_app.core.instrument.state import ChangeSet
from desa_app.gui.form.ddk_flow import DdkFlow
from desa_app.gui.form.layout import FormWidgets
from desa_app.gui.form.navigation_flow import NavigationFlow
from desa_app.gui.form.note_flow import NoteFlow
from desa_app.gui.form.panel import Registry
from desa_app.gui.form.parts import EditorContext
from desa_app.gui.form.saving import SaveFlow
from desa_app.gui.i18n import t, village_record_title


class FormDisplay:
    """What the widgets show, read from the record and the parts that know about it."""

    def __init__(self, context: EditorContext, widgets: FormWidgets,
                 navigation: NavigationFlow, notes: NoteFlow, ddk: DdkFlow,
                 saver: SaveFlow) -> None:
        self.context = context
        self.widgets = widgets
        self.navigation = navigation
        self.notes = notes
        self.ddk = ddk
        self.saver = saver

    def set_editable(self, editable: bool) -> None:
        context, widgets = self.context, self.widgets
        context.record.editable = editable
        members = context.members
        registries = [context.top] + ([members.registry] if members else [])
        for registry in registries:
            for row in registry.rows.values():
                row.set_editable(editable)
            for table in registry.matrices.values():
                table.setEnabled(True)
                table.setEditTriggers(table.editTriggers() if editable
                                      else table.EditTrigger.NoEditTriggers)
        if members is not None:
            for button in (members.add_button, members.remove_button,
                           members.up_button, members.down_button):
                button.setVisible(editable)
        widgets.save_button.setVisible(editable)
        self.ddk.show_buttons()

    def refresh_all(self) -> None:
        if self.context.members is not None:
            self.context.members.show_roster(self.context.state)
        self.refresh_registry(self.context.top)
        self.refresh_summary()

    def refresh_registry(self, registry: Registry) -> None:
        for name in list(registry.names()):
            self.show_cell(registry, name)

    def refresh_cell(self, name: str, key: Key) -> None:
        registry = self.context.registry_for(name, key)
        if registry is not None and name in registry.rows | registry.cell_table:
            self.show_cell(registry, name)
        self.widgets.issues.show_issues(self.navigation.listed_issues())

    def show_cell(self, registry: Registry, name: str) -> None:
        key = registry.key
        state, editable = self.context.state, self.context.record.editable
        node = self.context.instrument.nodes[name]
        relevant = state.is_relevant(name, key[: node.depth])
        visible_issues = self.navigation.visible_issues
        row = registry.rows.get(name)
        if row is not None:
            row.setVisible(relevant)
            calculated = row.input is None
            row.show_value(state.value(name, key) if calculated else state.answer(name, key))
            row.show_issues(visible_issues(name, key), self.notes.notes_at.get((name, key)))
            if row.field.from_ddk is not None:
                row.show_origin(*self.ddk.origin_mark(row.field))
            return
        container = registry.containers.get(name)
        if container is not None:
            container.setVisible(relevant)
            return
        table = registry.cell_table.get(name)
        if table is not None:
            table.show_value(name, state.answer(name, key))
            table.show_issues(name, visible_issues(name, key))
            table.set_cell_enabled(name, relevant and editable)
            if isinstance(node, Field) and node.from_ddk is not None:
                table.show_origin(name, *self.ddk.origin_mark(node))

    def apply(self, changes: ChangeSet) -> None:
        members = self.context.members
        for name, key in changes.values | changes.relevance | changes.issues:
            registry = self.context.registry_for(name, key)
            if registry is not None and name in registry.rows | registry.containers \
                    | registry.cell_table:
                self.show_cell(registry, name)
            if key and members is not None:
                members.update_member(self.context.state, key[0])
        self.refresh_summary()

    def refresh_summary(self) -> None:
        widgets, record = self.widgets, self.context.record
        widgets.title.setText(f"<h2>{self.record_title()}</h2>")
        widgets.status_label.setText(t(f"workflow.{record.status.value}"))
        issues = record.state.issues()
        widgets.navigator.show_counts(issues)
        widgets.issues.show_issues(self.navigation.listed_issues())
        widgets.submit_button.setEnabled(self.saver.can_submit())
        widgets.submit_button.setToolTip("" if not record.state.has_errors
                                         else t("form.submit_blocked"))
        if self.saver.saving:
            widgets.save_label.setText(t("form.saving"))
        elif record.dirty:
            widgets.save_label.setText(t("form.unsaved"))
        elif record.record_id is not None:
            widgets.save_label.setText(t("form.saved"))

    def record_title(self) -> str:
        """The head of the household, or the instrument and year of a village record."""
        instrument, state = self.context.instrument, self.context.state
        keys = instrument.settings.get("record_keys") or {}
        if instrument.kind == "village":
            return village_record_title(instrument, state.answer(keys.get("period", "")))
        return str(state.answer(keys.get("nama_kk", "")) or t("form.new_household"))
