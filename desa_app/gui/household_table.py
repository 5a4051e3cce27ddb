"""The household list's table view: keyboard behaviour and column widths.

Columns are sized once from sample texts (the model loads rows lazily, so there is
nothing to measure yet); the name column takes the rest of the width.
"""

from __future__ import annotations

from desa_app.core.workflow import Status
from desa_app.gui.household_model import (
    COLUMNS,
    DUSUN,
    ISSUES,
    MEMBERS,
    NAMA_KK,
    NO_KK,
    RT_RW,
    STATUS,
    UPDATED,
    HouseholdTableModel,
    status_text,
)
from desa_app.gui.i18n import t
from desa_app.gui.qt import QAbstractItemView, QHeaderView, Qt, QTableView, QtGui


def sample_texts() -> dict[int, str]:
    """About the widest text each column usually holds, to size the columns once instead
    of measuring rows. Rarer longer texts (a long user name, two-digit issue counts) are
    elided and shown whole in the tooltip."""
    return {
        NO_KK: "8" * 16,
        DUSUN: "n" * 12,
        RT_RW: t("households.rt_rw", rt="000", rw="000"),
        MEMBERS: "00",
        STATUS: max((status_text(s) for s in Status), key=len),
        ISSUES: t("households.issues_both", errors=t("households.errors", count=0),
                  warnings=t("households.warnings", count=0)),
        UPDATED: t("households.updated", name="n" * 13, when="00/00/0000 00:00"),
    }


def household_table(model: HouseholdTableModel) -> QTableView:
    """A read-only, single-row-selection table over ``model``, sorted by the store."""
    table = QTableView()
    table.setAccessibleName(t("households.table_name"))
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the list, arrows move inside it
    table.setCornerButtonEnabled(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSortIndicator(model.sort_column, model.sort_order)
    table.setSortingEnabled(True)
    size_columns(table, model)
    return table


def size_columns(table: QTableView, model: HouseholdTableModel) -> None:
    """Columns as wide as their usual content (measured once from samples, not from
    rows that are not loaded yet); the name takes the rest."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    bold = QtGui.QFont(header.font())
    bold.setBold(True)
    bold_metrics = QtGui.QFontMetrics(bold)
    samples = sample_texts()
    for column in range(len(COLUMNS)):
        if column == NAMA_KK:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        title_width = max(bold_metrics.horizontalAdvance(line)
                          for line in title.splitlines())
        # errors are drawn bold; some styles draw headers bold: measure bold
        content = bold_metrics if column == ISSUES else metrics
        width = max(content.horizontalAdvance(samples[column]) + 18,
                    title_width + 28)  # room for the sort arrow
        header.resizeSection(column, width)
    header.setMinimumSectionSize(metrics.horizontalAdvance("0000"))
