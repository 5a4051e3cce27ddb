"""The village-level forms (Potensi, Perkembangan) as an export reports them.

Per form, the record of the newest year among the statuses the export was asked for
(approved only by default, every status when the export is for checking); a form
without such a record is left out. Each is walked section by section (the top-level
items: ``I.2 Luas Wilayah ...``) keeping only what holds an answer in the export values,
in form order: questions, nested groups as headings, grid and count-per-option items as
their filled rows. Every ``from_ddk`` figure says whether it is the count DDK gave
("dari DDK") or typed or changed by hand ("manual"), judged by
:func:`desa_app.core.profil.refresh.origin` on the record as saved.

The workbook (``village_sheets.py``) and the Laporan Kegiatan (``pdf/laporan_profil.py``)
both read this, so paper and workbook always agree.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select

from desa_app.core.exports.columns import exported
from desa_app.core.exports.columns import row_label as grid_row_label
from desa_app.core.instrument.model import Container, Field, Instrument, Matrix, Node
from desa_app.core.instrument.state import FormState
from desa_app.core.profil.refresh import Origin, applied_values, last_refresh, origin
from desa_app.core.store.export_source import ExportRecord, ExportSource
from desa_app.core.store.models import Record
from desa_app.core.store.service import village_environment
from desa_app.core.workflow import STATUS_LABELS

PREFIXES = {"potensi": "P", "perkembangan": "K"}
"""Sheet-name prefixes of the shipped village forms. Both names start with P, so the
Perkembangan takes K (perKembangan; its Prodeskel field names start with k: k01004 ...).
Any other village form takes the first three letters of its id, upper-case."""
ORIGIN_TEXT = {Origin.DDK: "dari DDK", Origin.MANUAL: "manual", Origin.EMPTY: ""}


def blank(value: Any) -> bool:
    return value is None or value == "" or value == []


# -- what is reported --------------------------------------------------------------------
@dataclass(frozen=True)
class Question:
    """One answered question; ``origin`` is "dari DDK", "manual" or "" (not a figure)."""

    field: Field
    value: Any
    origin: str
    depth: int


@dataclass(frozen=True)
class Heading:
    """A nested group that holds at least one answer below it."""

    group: Container
    depth: int


@dataclass(frozen=True)
class GridColumn:
    name: str
    title: str
    unit: str
    prodeskel: str
    field: Field
    """The column's first cell question: its type and choices stand for the column."""

    @property
    def heading(self) -> str:
        return (f"{self.title} ({self.unit})" if self.unit and f"({self.unit})" not in
                self.title else self.title)


@dataclass(frozen=True)
class GridRow:
    code: str
    """The option's code ("" for a write-in row "Lainnya 1")."""
    label: str
    values: tuple[Any, ...]  # one per column, blank where not answered
    origins: tuple[str, ...]  # one per column, "" where not a figure or blank

    def origin(self, columns: Sequence[GridColumn], only: Sequence[int] | None = None
               ) -> str:
        """The row's origin in a word when its figures agree, else per column."""
        indices = range(len(columns)) if only is None else only
        given = [(columns[i].title, self.origins[i]) for i in indices if self.origins[i]]
        if len({o for _, o in given}) <= 1:
            return given[0][1] if given else ""
        return "; ".join(f"{title}: {o}" for title, o in given)


@dataclass(frozen=True)
class Grid:
    matrix: Matrix
    columns: tuple[GridColumn, ...]
    rows: tuple[GridRow, ...]
    depth: int

    @property
    def figures(self) -> bool:
        return any(any(row.origins) for row in self.rows)


Item = Question | Heading | Grid


@dataclass(frozen=True)
class Section:
    """A top-level item of a village form (``I.2 Luas Wilayah ...``) and its answers."""

    number: str
    label: str
    items: tuple[Item, ...]

    @property
    def title(self) -> str:
        return f"{self.number} {self.label}".strip()


@dataclass(frozen=True)
class VillageReport:
    """The chosen record of one village form, walked section by section."""

    instrument: Instrument
    record: ExportRecord
    prefix: str
    sections: tuple[Section, ...]
    refreshed: dict[str, Any] = field(default_factory=dict)
    """When DDK figures were last applied and over how many households (may be empty)."""

    @property
    def title(self) -> str:
        return self.instrument.title.get() or self.instrument.id

    @property
    def heading(self) -> str:
        return (f"{self.title} tahun {self.record.period or '—'} — "
                f"{STATUS_LABELS[self.record.status]}")


# -- reading -----------------------------------------------------------------------------
def sheet_prefixes(forms: Sequence[Instrument]) -> dict[str, str]:
    """Form id -> its sheet prefix, unique (in the given order, a clash gets a number)."""
    taken: set[str] = set()
    prefixes: dict[str, str] = {}
    for form in forms:
        base = PREFIXES.get(form.id) or form.id[:3].upper()
        prefix, number = base, 2
        while prefix in taken:
            prefix, number = f"{base}{number}", number + 1
        taken.add(prefix)
        prefixes[form.id] = prefix
    return prefixes


def _newest(records: Iterator[ExportRecord]) -> ExportRecord | None:
    def key(record: ExportRecord) -> tuple[int, Any]:
        year = record.period.strip()
        return (int(year) if year.isdigit() else -1, record.updated_at)

    return max(records, key=key, default=None)


def village_records(source: ExportSource) -> list[tuple[Instrument, ExportRecord]]:
    """The newest record of each village form among the source's statuses (none for a
    form without one); nothing when the source is itself a village form's. The Ekspor
    page lists these before anything is written."""
    from desa_app.core.profil.service import village_instruments

    if source.instrument.kind == "village":
        return []
    chosen = []
    for form in village_instruments():
        record = _newest(replace(source, instrument_id=form.id, dusun=None).records())
        if record is not None:
            chosen.append((form, record))
    return chosen


def village_reports(source: ExportSource) -> list[VillageReport]:
    """:func:`village_records`, each walked section by section."""
    from desa_app.core.profil.service import village_instruments

    prefixes = sheet_prefixes(village_instruments())
    reports = []
    for form, record in village_records(source):
        state = _stored_state(source, form, record.id)
        reports.append(VillageReport(form, record, prefixes[form.id],
                                     _Walker(form, record.answers, state).sections(),
                                     last_refresh(state)))
    return reports


def _stored_state(source: ExportSource, form: Instrument, record_id: str) -> FormState:
    """The record as saved: what DDK gave each figure is kept there, not in the export
    values (it never leaves the village)."""
    with source.store.db.read() as session:
        answers = session.execute(
            select(Record.answers).where(Record.id == record_id)).scalar_one()
        env = village_environment(session)
    return FormState(form, dict(answers or {}), env)


class _Walker:
    """Walks a form in order, keeping what holds an answer in the export values."""

    def __init__(self, form: Instrument, values: dict[str, Any], state: FormState) -> None:
        self.form = form
        self.values = values
        self.state = state
        self.applied = applied_values(state)

    def origin(self, node: Field, value: Any) -> str:
        if node.from_ddk is None or blank(value):
            return ""
        return ORIGIN_TEXT[origin(self.state, node.name, self.applied)]

    def sections(self) -> tuple[Section, ...]:
        children = self.form.root.children
        loose = [c for c in children if not isinstance(c, Container)]
        found = [Section("", "Umum", tuple(self.items(loose, 0)))] if loose else []
        for child in children:
            if isinstance(child, Container):
                inner = [child] if isinstance(child, Matrix) else child.children
                found.append(Section(child.number, child.label.get() or child.name,
                                     tuple(self.items(inner, 0))))
        return tuple(found)

    def items(self, nodes: Sequence[Node], depth: int) -> Iterator[Item]:
        for node in nodes:
            if isinstance(node, Matrix):
                grid = self.grid(node, depth)
                if grid.rows:
                    yield grid
            elif isinstance(node, Container):
                inner = list(self.items(node.children, depth + 1))
                if inner:
                    yield Heading(node, depth)
                    yield from inner
            elif isinstance(node, Field) and exported(node):
                value = self.values.get(node.name)
                if not blank(value):
                    yield Question(node, value, self.origin(node, value), depth)

    def grid(self, matrix: Matrix, depth: int) -> Grid:
        columns = []
        for column in matrix.columns:
            cell = next(n for (_, c), n in matrix.cells.items() if c == column.name)
            first = self.form.field(cell)
            columns.append(GridColumn(column.name, column.label.get() or "Jumlah",
                                      str(first.extra.get("unit") or ""),
                                      str(first.extra.get("prodeskel") or ""), first))
        choices = self.form.choice_lists.get(matrix.list_name)
        rows = []
        for row in matrix.rows:
            names = [matrix.cells.get((row, c.name)) for c in matrix.columns]
            values = tuple(self.values.get(n) if n else None for n in names)
            if all(blank(v) for v in values):
                continue  # nothing, or only a write-in name
            origins = tuple(self.origin(self.form.field(n), v) if n else ""
                            for n, v in zip(names, values, strict=True))
            code = row if choices is not None and row in choices.by_name else ""
            label = grid_row_label(self.form, matrix, row, self.values) or (
                f"Lainnya {row.removeprefix('lain')}")
            rows.append(GridRow(code, label, values, origins))
        return Grid(matrix, tuple(columns), tuple(rows), depth)
