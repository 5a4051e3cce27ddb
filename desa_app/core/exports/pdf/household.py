"""The household printout: the filled DDK of one or many households, for signatures.

Each household starts on a new page with its own "Halaman n dari m", so a bundle can be
cut into one paper per family (kept in the archive with the family's signature). Every
item of the definition is printed in definition order with its paper number and label,
the answer in words (choices as "code – label", several answers one per line); grids
only with the rows that hold something; the members as a table, then every item of
every member with four members side by side (as the paper DDK's Bagian 2 does).

Speed matters (a village prints thousands of households at once): cells are plain
wrapped strings rather than Paragraphs, and the wrapping of labels (the same in every
household) is cached.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreakIfNotEmpty, Spacer, Table

from desa_app.core.exports.pdf.answers import (
    EMPTY,
    answer_lines,
    choice_text,
    is_blank,
)
from desa_app.core.exports.pdf.fonts import FONT_BOLD
from desa_app.core.exports.pdf.household_parts import (
    ITEM_WIDTHS,
    Piece,
    band,
    matrix_table,
    matrix_text,
    numbered,
    printed,
    tables,
)
from desa_app.core.exports.pdf.layout import (
    PORTRAIT_WIDTH,
    StartPart,
    build_pdf,
    local_day,
    tanggal_angka,
    tanggal_indonesia,
)
from desa_app.core.exports.pdf.styles import (
    HEADING,
    SUBHEADING,
    grid_style,
    para,
    table,
    wrap,
)
from desa_app.core.exports.progress import Progress
from desa_app.core.files import atomic_output
from desa_app.core.instrument.model import (
    Container,
    Field,
    FieldType,
    Group,
    Instrument,
    Matrix,
    Node,
    Repeat,
)
from desa_app.core.messages import text
from desa_app.core.store.export_source import ExportRecord, ExportSource
from desa_app.core.workflow import STATUS_LABELS

SIGNERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Kepala Keluarga", ("ttd_kk",)),
    ("Pengisi/Pendata", ("nama_pengisi",)),
    ("Tim Verifikasi", ()),
)
"""Who signs, and the questions whose answers name them (the first answered one wins;
the head of household falls back to the record's own name). A question the definition
does not have simply leaves its line blank."""
MEMBERS_SIDE_BY_SIDE = 4
MEMBER_LABEL = 54 * mm
ROSTER = (("name", 52 * mm), ("nik", 33 * mm), ("sex", 24 * mm), ("relation", 33 * mm),
          ("birth_date", 30 * mm))
"""The member table: ``person_index`` roles of the definition's settings, and widths."""


def write_households(source: ExportSource, out: Path, progress: Progress | None = None,
                     record_ids: Sequence[str] | None = None) -> int:
    """Write the printout of the source's records (or only ``record_ids``) to ``out``.

    Households come in walking order (dusun, RT, RW, No KK) whatever the order of
    ``record_ids``; an id that is not among the source's records (another status, a
    deleted record) is not printed. Returns the number of pages written."""
    progress = progress or Progress()
    chosen = set(record_ids) if record_ids is not None else None
    total = len(chosen) if chosen is not None else source.count()
    title = f"{source.instrument.title.get()} – Cetakan Isian Keluarga"
    with atomic_output(out) as partial:
        return build_pdf(partial, _story(source, chosen, total, progress), title=title,
                         village=source.village.title,
                         printed_on=local_day(source.exported_at))


def _story(source: ExportSource, chosen: set[str] | None, total: int,
           progress: Progress) -> Iterator[Any]:
    progress.step(0, total, text("exports.step.households_prepare"))
    printer = HouseholdPrinter(source.instrument)
    done = 0
    for record in source.records():
        if chosen is not None and record.id not in chosen:
            continue
        yield PageBreakIfNotEmpty()
        yield StartPart(f"No. KK {record.no_kk or '-'} · {record.nama_kk or '-'}")
        yield from printer.household(record, source.village.name)
        done += 1
        progress.step(done, total, text("exports.step.households_print", done=done, total=total))
    if done == 0:
        yield para("Tidak ada keluarga yang dipilih untuk dicetak.", HEADING)
    progress.step(total, total, text("exports.step.pdf_save"))


class HouseholdPrinter:
    """Turns one record's export values into flowables, following the definition."""

    def __init__(self, instrument: Instrument) -> None:
        self.instrument = instrument
        self.people = dict(instrument.settings.get("person_index") or {})

    def household(self, record: ExportRecord, village_name: str) -> Iterator[Any]:
        answers = record.answers
        yield self._summary(record)
        for node in self.instrument.root.children:
            if isinstance(node, Repeat):
                yield from self._members(node, answers.get(node.name) or [])
            elif isinstance(node, Group) and not isinstance(node, Matrix):
                yield band(node)
                yield from tables(self._pieces(node, answers))
            else:
                yield from tables(self._pieces_of(node, answers))
        yield self._signatures(record, village_name)

    # -- items -----------------------------------------------------------------------
    def _pieces(self, container: Container, answers: dict[str, Any]) -> Iterator[Piece]:
        for node in container.children:
            yield from self._pieces_of(node, answers)

    def _pieces_of(self, node: Node, answers: dict[str, Any]) -> Iterator[Piece]:
        if isinstance(node, Matrix):
            grid = matrix_table(self.instrument, node, answers)
            if grid is None:
                yield "row", self._row(node, [EMPTY])
            else:
                yield "flow", para(numbered(node), SUBHEADING)
                yield "flow", grid
        elif isinstance(node, Repeat):
            return  # members are printed after the household's own items
        elif isinstance(node, Container):
            yield "head", numbered(node)
            yield from self._pieces(node, answers)
        elif isinstance(node, Field) and printed(node, answers):
            yield "row", self._row(node, answer_lines(self.instrument, node,
                                                      answers.get(node.name)))

    def _row(self, node: Node, lines: list[str]) -> list[str]:
        return [node.number, wrap(node.label.get(), ITEM_WIDTHS[1] - 6),
                wrap("\n".join(lines), ITEM_WIDTHS[2] - 6)]

    # -- members ---------------------------------------------------------------------
    def _members(self, repeat: Repeat, members: list[Any]) -> Iterator[Any]:
        """The member table, then every item of every member, a few members side by side
        (as on the paper DDK, where each member is a column of Bagian 2)."""
        members = [m for m in members if isinstance(m, dict)]
        yield band(repeat, f" ({len(members)} orang)")
        if not members:
            yield para("Belum ada anggota keluarga yang tercatat.")
            return
        roles = [(str(self.people.get(role, "")), width) for role, width in ROSTER]
        roles = [(name, width) for name, width in roles if name in self.instrument.nodes]
        first = PORTRAIT_WIDTH - sum(width for _, width in roles)
        header = ["No", *(wrap(self.instrument.node(name).label.get(), width - 6, bold=True)
                          for name, width in roles)]
        rows = [header]
        for index, member in enumerate(members, 1):
            rows.append([str(index), *(wrap(self._short(name, member.get(name)), width - 6)
                                       for name, width in roles)])
        yield table(rows, [first, *(width for _, width in roles)])
        name_question = self.people.get("name", "")
        for start in range(0, len(members), MEMBERS_SIDE_BY_SIDE):
            block = members[start:start + MEMBERS_SIDE_BY_SIDE]
            width = (PORTRAIT_WIDTH - MEMBER_LABEL) / len(block)
            header = ["No", "Rincian", *(
                wrap(f"Anggota {start + i}" + (f"\n{m.get(name_question)}"
                                               if m.get(name_question) else ""),
                     width - 6, bold=True) for i, m in enumerate(block, 1))]
            yield Spacer(1, 3 * mm)
            yield from tables(self._member_pieces(repeat, block, width),
                               (12 * mm, MEMBER_LABEL - 12 * mm, *[width] * len(block)),
                               header)

    def _member_pieces(self, container: Container, block: list[dict[str, Any]],
                       width: float) -> Iterator[Piece]:
        for node in container.children:
            if isinstance(node, Matrix):
                cells = [matrix_text(self.instrument, node, member) for member in block]
            elif isinstance(node, Container):
                yield "head", numbered(node)
                yield from self._member_pieces(node, block, width)
                continue
            elif isinstance(node, Field) and any(printed(node, m) for m in block):
                cells = ["\n".join(answer_lines(self.instrument, node, m.get(node.name)))
                         for m in block]
            else:
                continue
            yield "row", [node.number, wrap(node.label.get(), MEMBER_LABEL - 12 * mm - 6),
                          *(wrap(cell, width - 6) for cell in cells)]

    def _short(self, name: str, value: Any) -> str:
        node = self.instrument.node(name)
        if is_blank(value) or not isinstance(node, Field):
            return EMPTY if is_blank(value) else str(value)
        if node.type is FieldType.DATE and isinstance(value, str) and len(value) == 10:
            try:
                return tanggal_angka(date.fromisoformat(value))
            except ValueError:
                return value
        if node.type is FieldType.SELECT_ONE:
            return choice_text(self.instrument.choices_of(node), value)
        return str(value)

    # -- framing ---------------------------------------------------------------------
    def _summary(self, record: ExportRecord) -> Table:
        where = " / ".join(filter(None, [record.dusun, record.rt and f"RT {record.rt}",
                                         record.rw and f"RW {record.rw}"])) or EMPTY
        rows = [["Nomor KK", record.no_kk or EMPTY, "Status",
                 STATUS_LABELS.get(record.status, str(record.status))],
                ["Kepala Keluarga", wrap(record.nama_kk or EMPTY, 64 * mm), "Revisi",
                 str(record.revision)],
                ["Dusun / RT / RW", wrap(where, 64 * mm), "Terakhir diubah",
                 tanggal_indonesia(local_day(record.updated_at))]]
        style = grid_style(("FONT", (0, 0), (0, -1), FONT_BOLD),
                           ("FONT", (2, 0), (2, -1), FONT_BOLD), header=False)
        return table(rows, [30 * mm, 70 * mm, 30 * mm, 50 * mm], style=style,
                     repeat_header=False)

    def _signatures(self, record: ExportRecord, village_name: str) -> KeepTogether:
        answers = record.answers
        names = []
        for role, questions in SIGNERS:
            found = next((str(answers[q]) for q in questions if not is_blank(answers.get(q))),
                         "")
            if not found and role == SIGNERS[0][0]:
                found = record.nama_kk
            names.append(wrap(f"( {found} )" if found else "(" + "." * 40 + ")", 54 * mm))
        width = PORTRAIT_WIDTH / 3
        grid = Table([[role for role, _ in SIGNERS], ["", "", ""], names],
                     colWidths=[width] * 3, rowHeights=[None, 20 * mm, None],
                     style=grid_style(("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                      ("FONT", (0, 0), (-1, 0), FONT_BOLD), header=False,
                                      lines=False))
        place = para(f"{village_name}, ....................................", SUBHEADING)
        return KeepTogether([Spacer(1, 6 * mm), place, Spacer(1, 2 * mm), grid])


