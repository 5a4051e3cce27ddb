"""The household list as a Qt table model that reads the village database page by page.

A village may hold 10,000 households and the laptops have 4 GB: the model never loads the
whole table. It keeps the current filter and sort order, asks the store for 100 rows at
a time, and lets the view pull the next page (``canFetchMore``/``fetchMore``) as the user
scrolls. Sorting and filtering happen in the database (``Queries.page``), so a click on
a header is one indexed query, not a sort of everything in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from desa_app.core.store.queries import Page, RecordRow
from desa_app.core.workflow import Status
from desa_app.gui.i18n import language, t
from desa_app.gui.qt import QAbstractTableModel, QColor, QFont, QModelIndex, Qt, QtCore, Signal
from desa_app.gui.session import AppSession

PAGE_SIZE = 100
"""Rows per query when the view scrolls: one screen is ~25 rows, so a page lasts a while."""

SEEK_SIZE = 1000
"""Rows per query when looking for one record (``load_until``): fewer round trips."""

AnyIndex = QModelIndex | QtCore.QPersistentModelIndex

NO_KK, NAMA_KK, DUSUN, RT_RW, MEMBERS, STATUS, ISSUES, UPDATED = range(8)


@dataclass(frozen=True)
class Column:
    header_key: str  # message key of the header
    order: str | None  # ``Queries.page`` order key; None: the column cannot be sorted
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


COLUMNS: tuple[Column, ...] = (
    Column("households.column.no_kk", "no_kk"),
    Column("households.column.nama_kk", "nama_kk"),
    Column("households.column.dusun", "dusun"),
    # The store sorts on one column only; RT is the first number the cell shows.
    Column("households.column.rt_rw", "rt", Qt.AlignmentFlag.AlignHCenter),
    Column("households.column.members", "member_count", Qt.AlignmentFlag.AlignHCenter),
    Column("households.column.status", "status"),
    Column("households.column.issues", None),
    Column("households.column.updated", "updated_at"),
)

STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    # (background, text): pale tints with dark text, the last step dark with white text;
    # every pair stays readable on a dim laptop screen and in print-screen reports.
    Status.DRAFT: ("#e0e0e0", "#212121"),
    Status.SUBMITTED: ("#bbdefb", "#0d3c78"),
    Status.RETURNED: ("#ffd8a8", "#6b3300"),
    Status.VERIFIED: ("#c8e6c9", "#1b5e20"),
    Status.ENTERED: ("#1b5e20", "#ffffff"),
}
ERROR_COLOUR = "#c62828"
WARNING_COLOUR = "#9a6200"  # amber dark enough to read on white and on the alternate row


@dataclass(frozen=True)
class HouseholdFilter:
    """What the user narrowed the list to; empty values mean "all"."""

    status: Status | None = None
    dusun: str | None = None
    rt: str | None = None
    rw: str | None = None
    search: str = ""
    mine: bool = False  # only the records this user created ("Punya saya")

    @property
    def active(self) -> bool:
        return bool(self.status or self.dusun or self.rt or self.rw or self.search.strip()
                    or self.mine)


def format_count(count: int) -> str:
    """1234 → "1.234" in Indonesian, "1,234" in English (the reader's digit grouping)."""
    grouped = f"{count:,}"
    return grouped.replace(",", ".") if language() == "id" else grouped


def status_text(status: Status) -> str:
    return t(f"workflow.{status.value}")


def issues_text(row: RecordRow) -> str:
    """"2 galat", "1 peringatan", both, or empty: the list shows what blocks submission."""
    parts = []
    if row.error_count:
        parts.append(t("households.errors", count=format_count(row.error_count)))
    if row.warning_count:
        parts.append(t("households.warnings", count=format_count(row.warning_count)))
    if len(parts) == 2:
        return t("households.issues_both", errors=parts[0], warnings=parts[1])
    return parts[0] if parts else ""


def local_time(moment: datetime) -> datetime:
    """The store writes UTC (naive); officials read their own clock (WIB/WITA/WIT)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def updated_text(row: RecordRow) -> str:
    when = local_time(row.updated_at).strftime("%d/%m/%Y %H:%M")
    return t("households.updated", name=row.updated_by, when=when) if row.updated_by else when


def rt_rw_text(row: RecordRow) -> str:
    if not row.rt and not row.rw:
        return ""
    blank = t("households.no_value")
    return t("households.rt_rw", rt=row.rt or blank, rw=row.rw or blank)


def display_text(row: RecordRow, column: int) -> str:
    if column == NO_KK:
        return row.no_kk or ""
    if column == NAMA_KK:
        return row.nama_kk or ""
    if column == DUSUN:
        return row.dusun or ""
    if column == RT_RW:
        return rt_rw_text(row)
    if column == MEMBERS:
        return format_count(row.member_count)
    if column == STATUS:
        return status_text(row.status)
    if column == ISSUES:
        return issues_text(row)
    if column == UPDATED:
        return updated_text(row)
    raise IndexError(column)


class HouseholdTableModel(QAbstractTableModel):
    """Households matching a filter, in the store's sort order, loaded on demand."""

    total_changed = Signal(int)
    """The number of households matching the filter (not the number loaded)."""

    RecordIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, session: AppSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._filter = HouseholdFilter()
        self._sort_column = NAMA_KK
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._user_sorted = False
        self._rows: list[RecordRow] = []
        self._ids: dict[str, int] = {}
        self._total = 0
        self._bold = QFont()
        self._bold.setBold(True)
        self._status_brushes = {
            status: (QColor(background), QColor(text))
            for status, (background, text) in STATUS_COLOURS.items()
        }
        self._load(PAGE_SIZE)

    # -- what the page asks ------------------------------------------------------------

    @property
    def filter(self) -> HouseholdFilter:
        return self._filter

    @property
    def total(self) -> int:
        return self._total

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def record_id(self, row: int) -> str:
        return self._rows[row].id

    def record(self, row: int) -> RecordRow:
        return self._rows[row]

    def row_of(self, record_id: str) -> int | None:
        """The row of a record among those loaded so far."""
        return self._ids.get(record_id)

    def reset_filter(self, new_filter: HouseholdFilter) -> None:
        """Show the first page of what matches ``new_filter`` (sort order kept)."""
        self._filter = new_filter
        self._reload(PAGE_SIZE)

    def update_filter(self, **changes: Any) -> None:
        """``reset_filter`` with some fields changed, e.g. ``update_filter(search="sit")``."""
        self.reset_filter(replace(self._filter, **changes))

    def refresh(self) -> None:
        """Query again (records may have been saved): as many rows as were loaded, so the
        view keeps its scroll position."""
        self._reload(max(PAGE_SIZE, len(self._rows)))

    def load_until(self, record_id: str) -> int | None:
        """Load pages until ``record_id`` is among them; its row, or None if the filter
        excludes it. Big pages: looking for a record at the end of 10,000 takes ten
        queries, not a hundred."""
        while record_id not in self._ids and self.canFetchMore():
            self._fetch(SEEK_SIZE)
        return self._ids.get(record_id)

    # -- QAbstractTableModel -----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._fetch(PAGE_SIZE)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return t(COLUMNS[section].header_key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(COLUMNS[section].align | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return display_text(row, column)
        if role == self.RecordIdRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(COLUMNS[column].align | Qt.AlignmentFlag.AlignVCenter)
        if column == STATUS:
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._status_brushes[row.status][0]
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._status_brushes[row.status][1]
        if column == ISSUES:
            if role == Qt.ItemDataRole.ForegroundRole and (row.error_count or row.warning_count):
                return QColor(ERROR_COLOUR if row.error_count else WARNING_COLOUR)
            if role == Qt.ItemDataRole.FontRole and row.error_count:
                return self._bold
            if role == Qt.ItemDataRole.ToolTipRole and (row.error_count or row.warning_count):
                return t("households.issues_tip", issues=issues_text(row))
        if role == Qt.ItemDataRole.ToolTipRole and column in (NAMA_KK, UPDATED):
            return display_text(row, column)  # long names are elided in narrow columns
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the database. Columns without an order key (the issue counts) and the
        order already shown are ignored."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].order is None:
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return
        self._sort_column, self._sort_order = column, order
        self._user_sorted = True  # a chosen order is respected as it is
        self._reload(PAGE_SIZE)

    # -- loading -----------------------------------------------------------------------

    def _query(self, offset: int, limit: int) -> Page:
        f = self._filter
        order = COLUMNS[self._sort_column].order or "nama_kk"
        return self.session.store.queries.page(
            self.session.actor, status=f.status, dusun=f.dusun or None, rt=f.rt or None,
            rw=f.rw or None, search=f.search.strip() or None, order=order,
            descending=self._sort_order == Qt.SortOrder.DescendingOrder,
            # until they sort otherwise, an enumerator's returned records (with the Tim's
            # notes waiting) come first
            returned_first=(self.session.actor.role.value == "enumerator"
                            and not self._user_sorted),
            mine=f.mine, offset=offset, limit=limit)

    def _load(self, limit: int) -> None:
        page = self._query(0, limit)
        self._rows = list(page.rows)
        self._ids = {row.id: i for i, row in enumerate(self._rows)}
        self._total = page.total

    def _reload(self, limit: int) -> None:
        self.beginResetModel()
        try:
            self._load(limit)
        finally:
            self.endResetModel()
        self.total_changed.emit(self._total)

    def _fetch(self, limit: int) -> None:
        page = self._query(len(self._rows), limit)
        # Someone may have saved a record since the last page: offsets shift, so a row
        # can come twice. Skip it; ``refresh`` gives the exact list again.
        fresh = [row for row in page.rows if row.id not in self._ids]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            for i, row in enumerate(fresh, start=first):
                self._ids[row.id] = i
            self.endInsertRows()
        # No new row although the count says there are more: the list changed under us.
        # Stop here rather than ask for the same page forever.
        total = page.total if fresh else len(self._rows)
        if total != self._total:
            self._total = total
            self.total_changed.emit(total)
